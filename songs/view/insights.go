package view

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/report"
	"github.com/songcohorts/cohorts/songs/stats"
)

// Insights states what the cohorts and the claims about success mean for
// recommendations, each insight an action with the number behind it,
// computed from the profiles and the claims (songs.OutcomeClaims; nil
// for a catalog without popularity or hit flag, whose insights rest on the
// cohorts). What the recommender should do is RecommenderInsights', from
// its evaluation.
func Insights(cat *catalog.Catalog, cs []songs.Cohort, claims *songs.Claims) string {
	if len(cs) == 0 {
		return ""
	}
	hi, lo := cs[0], cs[0]
	for _, c := range cs {
		if c.Popularity > hi.Popularity {
			hi = c
		}
		if c.Popularity < lo.Popularity {
			lo = c
		}
	}
	s := ""
	if !math.IsNaN(hi.Popularity) {
		s += report.Markdownf("- **Where popularity lives.** Cohort %d (%s) has the highest mean popularity (%.1f, %.1f%% popular songs); cohort %d (%s) the lowest (%.1f, %.1f%%).\n",
			hi.ID, hi.Name, hi.Popularity, 100*hi.PopularShare, lo.ID, lo.Name, lo.Popularity, 100*lo.PopularShare)
	}
	if claims != nil {
		s += popularityInsights(cat, claims)
	}
	s += "- **Limits.** " + limits(cat) + "\n"
	return s
}

// popularityInsights turns the claims into actions: copies and releases,
// concert recordings, release year.
func popularityInsights(cat *catalog.Catalog, c *songs.Claims) string {
	s := ""
	if f, ok := c.Family(songs.QuestionHits); ok {
		s += hitInsight(f)
	}
	features, _ := c.Family(songs.QuestionFeatures)
	if a := c.Albums; a != nil && len(features.Results) > 0 {
		best := strongest(features)
		s += report.Markdownf("- **Rank by the copy, not the song.** The release explains epsilon squared = %.2f of popularity ranks against "+
			"rho squared = %.3f for the strongest audio feature (%s)", a.Result.Effect, best.Effect*best.Effect, best.Groups[0])
		if a.Reissued > 0 {
			lo, hi := &cat.Tracks[a.Widest.Low], &cat.Tracks[a.Widest.High]
			s += report.Markdownf(", and copies of one recording differ by a median of %.0f points (%s: %.0f on %s, %.0f on %s)",
				a.MedianCopyRange, hi.Name, lo.Popularity, lo.Album, hi.Popularity, hi.Album)
		}
		s += ": a playlist that blends in popularity should offer the most popular copy of a recording and take popularity from " +
			"that copy, never from the sound.\n"
	}
	if f, ok := c.Family(songs.QuestionLive); ok && len(f.Results[0].Centers) == 2 {
		r := f.Results[0]
		if r.PAdjusted < Alpha && r.Effect < 0 {
			s += report.Markdownf("- **Concert recordings on request.** Live recordings are less popular than studio ones (median %.0f against %.0f; "+
				"rank-biserial r = %.2f, 95%% CI %.2f to %.2f): offer them after a live seed or to listeners who play live versions, not by default.\n",
				r.Centers[0], r.Centers[1], r.Effect, r.CI.Lo, r.CI.Hi)
		} else {
			s += "- **Concert recordings.** " + report.EscapeMarkdown(Reading(r)) + "\n"
		}
	}
	if t := c.Time; t != nil {
		all, studio := t.Family[songs.TrendAll], t.Family[songs.TrendStudio]
		if math.Abs(all.Effect) < 0.1 || all.PAdjusted >= Alpha {
			s += report.Markdownf("- **No penalty for age.** Popularity barely depends on release year (rho = %.2f, 95%% CI %.2f to %.2f): "+
				"older songs need no down-weighting", all.Effect, all.CI.Lo, all.CI.Hi)
			if studio.PAdjusted < Alpha {
				s += report.Markdownf("; among studio recordings newer ones are %s popular (rho = %.2f), a %s effect", map[bool]string{true: "more", false: "less"}[studio.Effect > 0], studio.Effect, strength(studio.Effect))
			}
			s += ".\n"
		} else {
			s += "- **Release year.** " + report.EscapeMarkdown(Reading(all)) + "\n"
		}
	}
	return s
}

// hitInsight turns the hits family into an action: the features on which
// hits differ most, with their effect sizes, or that none differs.
func hitInsight(f songs.ClaimFamily) string {
	var sig []stats.Result
	for _, r := range f.Results {
		if r.PAdjusted < Alpha {
			sig = append(sig, r)
		}
	}
	if len(sig) == 0 {
		return "- **Hits.** No audio feature differs between hits and the other recordings after Holm's correction: the flag cannot guide recommendations by sound.\n"
	}
	sort.SliceStable(sig, func(a, b int) bool { return math.Abs(sig[a].Effect) > math.Abs(sig[b].Effect) })
	var parts []string
	for _, r := range sig[:min(3, len(sig))] {
		dir := "higher"
		if r.Effect < 0 {
			dir = "lower"
		}
		parts = append(parts, fmt.Sprintf("%s %s (rank-biserial r = %+.2f, 95%% CI %+.2f to %+.2f)", dir, r.Measure, r.Effect, r.CI.Lo, r.CI.Hi))
	}
	return report.Markdownf("- **What hits sound like.** Over %s recordings, hits have %s than the other recordings: a hit-seeking playlist "+
		"can lean on these features, within the seed's cohort.\n", report.FormatInt(f.Recordings), strings.Join(parts, ", "))
}

// limits says what the insights cannot claim, for the catalog at hand.
func limits(cat *catalog.Catalog) string {
	s := "The cohorts overlap: they are soft regions of one continuum of sound, not genres. Audio features are Spotify's estimates, " +
		"and the tests describe this catalog, not listeners in general."
	switch {
	case cat.Has[catalog.Popularity]:
		s += " Popularity is today's Spotify popularity, which favours the edition Spotify plays and playlisted songs."
	case cat.ExtraColumn(songs.HitColumn) != nil:
		s += " The hit flag says whether a track entered the charts, not how often it is played today."
	}
	return s
}
