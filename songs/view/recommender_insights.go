package view

import (
	"math"
	"strings"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/report"
)

// RecommenderInsights turns the offline evaluation into actions for a
// recommendation system, each with the figure that supports it, as
// Markdown bullets: whether to keep to the seed's cohort, how to treat
// other versions, concert recordings, popularity and hubs, the hit flag
// where the catalog has one, and the limits. Every verdict follows the
// evaluation's own intervals, so no bullet contradicts its tables.
func RecommenderInsights(ev *songs.RecommenderEvaluation) string {
	rec := ev.Method(ev.ReferenceRecommender())
	if rec == nil {
		return ""
	}
	n := ev.Config.N
	var b strings.Builder
	if sc := variant(ev, func(o songs.RecommendOptions) bool { return o == songs.RecommendOptions{SameCohort: true} }); sc != nil {
		d, dr := ev.Difference(sc.Method.Key, rec.Method.Key, "ndcg"), ev.Difference(sc.Method.Key, rec.Method.Key, "r_precision")
		if d != nil && dr != nil {
			change := report.Markdownf("NDCG@%d changes by %s and R-precision by %s against nearest neighbours from the whole catalog",
				n, withCI(d.Mean, d.CI, 3), withCI(dr.Mean, dr.CI, 3))
			switch {
			case d.CI.Lo > 0:
				b.WriteString("- **Offer songs of the seed's cohort first.** Keeping to the seed's cohort helps: " + change + ".\n")
			case d.CI.Hi < 0 || dr.CI.Hi < 0:
				b.WriteString("- **Rank by sound across the whole catalog; show the cohort as a label, not a filter.** " +
					"Keeping to the seed's cohort makes the lists worse: " + change + ".\n")
			default:
				b.WriteString("- **Rank by sound across the whole catalog; show the cohort as a label, not a filter.** " +
					"Keeping to the seed's cohort brings no measurable gain: " + change + ".\n")
			}
		}
	}
	if ev.OtherRecordingSeeds > 0 {
		b.WriteString(report.Markdownf("- **Leave out the seed's other versions, as the recommender does.** For %s%% of the %s songs that exist "+
			"as another recording (a live or alternative take), that recording is among the %d nearest, and a reissue of the seed "+
			"always is (%s%%). Without the rule, lists repeat the seed.\n", pct(rec.OtherRecordingHitRate), thousands(ev.OtherRecordingSeeds), n,
			pct(rec.ReissueHitRate)))
	}
	if ev.LiveShare > 0 && !math.IsNaN(rec.LiveFromLive) {
		if rec.LiveFromLive > 0.5 {
			b.WriteString(report.Markdownf("- **Concert recordings stay with concert recordings.** For a live seed, %s%% of the nearest songs are live too, "+
				"while %s%% of the catalog's recordings are live: sound alone keeps a concert playlist live, so mix in studio "+
				"recordings deliberately if at all.\n", pct(rec.LiveFromLive), pct(ev.LiveShare)))
		} else {
			b.WriteString(report.Markdownf("- **Filter by the live flag to keep a concert playlist live.** For a live seed, %s%% of the nearest songs "+
				"are live, more than the catalog's %s%% but not most: sound alone does not keep concert recordings together.\n",
				pct(rec.LiveFromLive), pct(ev.LiveShare)))
		}
	}
	if ev.HasPopularity && ev.Playlists > 0 {
		if pop := firstOf(ev, songs.MostPopular); pop != nil {
			s := report.Markdownf("- **Keep popularity a light touch.** Nearest-neighbour lists are about as popular as their seeds (lift %s%%) "+
				"and reach %s%% of the recordings; the most popular songs lift popularity by %s%% but reach %s%%",
				ftoa(100*rec.PopularityLift, 1), pct(rec.Coverage), ftoa(100*pop.PopularityLift, 1), pct(pop.Coverage))
			if d := ev.Difference(pop.Method.Key, ev.ReferenceBaseline(), "ndcg"); d != nil && d.CI.Lo <= 0 {
				s += report.Markdownf(" and continue playlists no better than chance (NDCG@%d difference from random %s)", n, withCI(d.Mean, d.CI, 3))
			}
			b.WriteString(s + ".\n")
		}
	}
	if ls := variant(ev, func(o songs.RecommendOptions) bool { return o.LocalScaling > 0 && !o.SameCohort }); ls != nil {
		if d := ev.Difference(ls.Method.Key, rec.Method.Key, "ndcg"); d != nil {
			cost := "at no measurable cost"
			switch {
			case d.CI.Hi < 0:
				cost = "at a cost"
			case d.CI.Lo > 0:
				cost = "with a gain"
			}
			lead := "Use local scaling against hubs."
			if ls.HubnessSkew >= rec.HubnessSkew {
				lead = "Local scaling does not reduce hubs here."
			}
			b.WriteString(report.Markdownf("- **%s** It changes the hubness skewness from %s to %s and the recordings never recommended from %s%% to %s%%, "+
				"%s in NDCG@%d (%s).\n", lead, ftoa(rec.HubnessSkew, 2), ftoa(ls.HubnessSkew, 2), pct(rec.NeverRecommended), pct(ls.NeverRecommended),
				cost, n, withCI(d.Mean, d.CI, 3)))
		}
	}
	if base := ev.Method(ev.ReferenceBaseline()); ev.HasHitFlag && base != nil {
		b.WriteString(report.Markdownf("- **A hit's neighbours are more often hits.** %s%% of the songs recommended for a seed share its hit flag, "+
			"against %s%% for random picks: sound carries part of what makes a hit, not all of it.\n", pct(rec.SameHit), pct(base.SameHit)))
	}
	b.WriteString(evaluationLimits(ev))
	return b.String()
}

// variant returns the first Nearest method whose options match, or nil.
func variant(ev *songs.RecommenderEvaluation, match func(songs.RecommendOptions) bool) *songs.MethodEvaluation {
	for i := range ev.Methods {
		if m := &ev.Methods[i]; m.Method.Ranking == songs.Nearest && match(m.Method.Options) {
			return m
		}
	}
	return nil
}

// evaluationLimits states what the offline evaluation cannot say.
func evaluationLimits(ev *songs.RecommenderEvaluation) string {
	stand := "A release's songs share a studio, an era and a mix"
	if ev.PlaylistUnit == songs.PlaylistArtists {
		stand = "An artist's songs share a voice and a style"
	}
	s := "- **Limits of the evaluation.** "
	if ev.Playlists > 0 {
		s += stand + ", so they stand in for listeners' playlists only roughly and favour similarity of sound; "
	}
	s += "there is no listening data, so what listeners would accept is not measured"
	if ev.HasPopularity {
		s += ", and novelty reads Spotify's popularity as the share of listeners who know a song"
	}
	return s + ".\n"
}

// RecommenderSummary is the evaluation in one or two sentences for a
// study's summary: the recommender against random picks, with intervals,
// and what the cohort restriction and local scaling change.
func RecommenderSummary(ev *songs.RecommenderEvaluation) string {
	rec, base := ev.Method(ev.ReferenceRecommender()), ev.Method(ev.ReferenceBaseline())
	if rec == nil || base == nil || ev.Playlists == 0 {
		return ""
	}
	_, many := playlistNoun(ev)
	n := ev.Config.N
	s := report.Markdownf("Continuing %s %s from %d of their songs, the nearest-neighbour recommender reaches NDCG@%d %s against %s for random picks",
		thousands(ev.Playlists), many, ev.Config.SeedTracks, n, withCI(rec.NDCG, rec.NDCGCI, 3), withCI(base.NDCG, base.NDCGCI, 3))
	if sc := variant(ev, func(o songs.RecommendOptions) bool { return o == songs.RecommendOptions{SameCohort: true} }); sc != nil {
		if d := ev.Difference(sc.Method.Key, rec.Method.Key, "ndcg"); d != nil {
			s += report.Markdownf("; keeping to the seed's cohort changes it by %s", withCI(d.Mean, d.CI, 3))
		}
	}
	s += "."
	if ls := variant(ev, func(o songs.RecommendOptions) bool { return o.LocalScaling > 0 && !o.SameCohort }); ls != nil {
		if d := ev.Difference(ls.Method.Key, rec.Method.Key, "ndcg"); d != nil {
			s += report.Markdownf(" Local scaling moves the hubness skewness from %s to %s (NDCG@%d difference %s).",
				ftoa(rec.HubnessSkew, 2), ftoa(ls.HubnessSkew, 2), n, withCI(d.Mean, d.CI, 3))
		}
	}
	return s
}
