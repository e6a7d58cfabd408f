package view

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/report"
	"github.com/songcohorts/cohorts/songs/stats"
)

// MethodLabel names a recommendation method for a reader, from what it
// does: "nearest neighbours", "nearest neighbours in the seeds' cohort",
// "nearest neighbours, local scaling (k = 10)", "random", "most popular".
func MethodLabel(m songs.Method) string {
	var s string
	switch m.Ranking {
	case songs.Random:
		s = "random"
	case songs.MostPopular:
		s = "most popular"
	default:
		s = "nearest neighbours"
	}
	if m.Options.SameCohort {
		s += " in the seeds' cohort"
	}
	o := m.Options
	var extra []string
	if o.LocalScaling > 0 {
		extra = append(extra, fmt.Sprintf("local scaling (k = %d)", o.LocalScaling))
	}
	if o.CohortWeight > 0 {
		extra = append(extra, "cohort weight "+ftoa(o.CohortWeight, 2))
	}
	if o.Diversity > 0 {
		extra = append(extra, "diversity "+ftoa(o.Diversity, 2))
	}
	if o.PopularityBlend > 0 {
		extra = append(extra, "popularity blend "+ftoa(o.PopularityBlend, 2))
	}
	if len(extra) > 0 {
		s += ", " + strings.Join(extra, ", ")
	}
	return s
}

// withCI formats a value and its interval as "0.108 [0.083, 0.137]",
// with more decimals (up to 6) when dec would round a non-zero end or
// value to 0, so that the sign of every number shows.
func withCI(v float64, ci stats.Interval, dec int) string {
	for _, x := range []float64{v, ci.Lo, ci.Hi} {
		for dec < 6 && x != 0 && math.Abs(x) < 0.5*math.Pow(10, -float64(dec)) {
			dec++
		}
	}
	return fmt.Sprintf("%s [%s, %s]", ftoa(v, dec), ftoa(ci.Lo, dec), ftoa(ci.Hi, dec))
}

// cellCI formats a value and its interval for a table cell, always with
// dec decimals (a column keeps one width; the prose gives smaller values
// in full) and with spaces that do not break, so that a narrow column never
// splits a value and its interval over two lines.
func cellCI(v float64, ci stats.Interval, dec int) string {
	return fmt.Sprintf("%s\u00a0[%s,\u00a0%s]", ftoa(v, dec), ftoa(ci.Lo, dec), ftoa(ci.Hi, dec))
}

// thousands formats a count with thousands separators: 40,270.
func thousands(n int) string {
	s := itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// pct formats a share in percent with one decimal.
func pct(v float64) string { return ftoa(100*v, 1) }

// playlistNoun is what a playlist stands for, in the singular and plural.
func playlistNoun(ev *songs.RecommenderEvaluation) (string, string) {
	if ev.PlaylistUnit == songs.PlaylistArtists {
		return "artist", "artists"
	}
	return "release", "releases"
}

// PlaylistTask explains the playlist-continuation task and defines its
// measures, with the catalog's own numbers; it says why the task is left
// out when the catalog has neither albums nor several artists, or no
// group is large enough.
func PlaylistTask(ev *songs.RecommenderEvaluation) string {
	c := ev.Config
	if ev.PlaylistUnit == "" {
		return "The catalog has neither album names nor several artists, so no group of tracks can stand in for a playlist and the playlist task is left out."
	}
	one, many := playlistNoun(ev)
	if ev.Playlists == 0 {
		return report.Markdownf("No %s has %d or more distinct songs, so the playlist task is left out.", one, c.MinSongs)
	}
	what := "grouped by album name and release date"
	if ev.PlaylistUnit == songs.PlaylistArtists {
		what = "the catalog has no albums"
	}
	return report.Markdownf("**Task.** Each of the %s %s (%s) with at least %d distinct songs is treated as a playlist: "+
		"%d of its songs, drawn at random (seed %d), are the seeds and the other songs are hidden (%.1f per playlist on average). "+
		"Each method then recommends as many tracks as are hidden, never the seeds or other versions of them, as the product does; "+
		"a recommendation is a hit when it is a hidden recording, after the RecSys Challenge 2018 on playlist continuation.\n\n"+
		"**Measures.** *R-precision* is the share of the R hidden songs found among the first R recommendations. "+
		"*NDCG@%d* (normalised discounted cumulative gain) rewards hits near the top of the first %d: each hit at rank r earns 1/log2(r + 1), "+
		"divided by the score of a perfect list; 1 is perfect, 0 no hit. Both are means over the playlists, with 95%% bootstrap intervals "+
		"(%s resamples of the playlists); the last column is the paired difference from random picks on the same playlists.",
		thousands(ev.Playlists), many, what, c.MinSongs, c.SeedTracks, c.Seed, ev.HiddenSongs, c.N, c.N, thousands(c.Resamples)) + leftOut(ev)
}

// leftOut names the methods the catalog cannot run, and why.
func leftOut(ev *songs.RecommenderEvaluation) string {
	s := ""
	for _, l := range ev.LeftOut {
		s += report.Markdownf(" The %s baseline is left out: %s.", MethodLabel(l.Method), l.Reason)
	}
	return s
}

// PlaylistTable shows every method's R-precision and NDCG with their
// intervals and the paired difference from the reference baseline; the
// caption states the main comparison.
func PlaylistTable(ev *songs.RecommenderEvaluation) report.Table {
	base := ev.ReferenceBaseline()
	ndcg := fmt.Sprintf("NDCG@%d", ev.Config.N)
	headers := []string{"method", "R-precision [95% CI]", ndcg + " [95% CI]"}
	if base != "" {
		headers = append(headers, ndcg+" minus random [95% CI]")
	}
	var rows [][]string
	for _, m := range ev.Methods {
		row := []string{MethodLabel(m.Method), cellCI(m.RPrecision, m.RPrecisionCI, 3), cellCI(m.NDCG, m.NDCGCI, 3)}
		if base != "" {
			if d := ev.Difference(m.Method.Key, base, "ndcg"); d != nil {
				row = append(row, cellCI(d.Mean, d.CI, 3))
			} else {
				row = append(row, "reference")
			}
		}
		rows = append(rows, row)
	}
	t := report.NewTable(headers, rows)
	t.Caption = playlistCaption(ev)
	return t
}

// playlistCaption states the reference recommender's NDCG against random
// picks in one sentence.
func playlistCaption(ev *songs.RecommenderEvaluation) string {
	_, many := playlistNoun(ev)
	rec, base := ev.Method(ev.ReferenceRecommender()), ev.Method(ev.ReferenceBaseline())
	if rec == nil || base == nil {
		return fmt.Sprintf("Continuing %s %s from %d of their songs.", thousands(ev.Playlists), many, ev.Config.SeedTracks)
	}
	return fmt.Sprintf("Continuing %s %s from %d of their songs, nearest neighbours reach NDCG@%d %s against %s for random picks.",
		thousands(ev.Playlists), many, ev.Config.SeedTracks, ev.Config.N, ftoa(rec.NDCG, 3), smallNumber(base.NDCG))
}

// verdict reads a paired difference: "better", "worse" or "no measurable
// difference" by whether its interval excludes 0.
func verdict(d *songs.Difference) string {
	switch {
	case d.CI.Lo > 0:
		return "better"
	case d.CI.Hi < 0:
		return "worse"
	}
	return "no measurable difference"
}

// EvaluationSummary states the evaluation's findings with their numbers:
// the recommender against random picks, the cohort restriction and local
// scaling against the plain recommender.
func EvaluationSummary(ev *songs.RecommenderEvaluation) string {
	var b strings.Builder
	rec := ev.Method(ev.ReferenceRecommender())
	if rec == nil || ev.Playlists == 0 {
		return PlaylistTask(ev)
	}
	_, many := playlistNoun(ev)
	n := ev.Config.N
	if d := ev.Difference(rec.Method.Key, ev.ReferenceBaseline(), "ndcg"); d != nil {
		base := ev.Method(ev.ReferenceBaseline())
		b.WriteString(report.Markdownf("- **Better than chance.** Continuing %s %s, nearest neighbours reach NDCG@%d %s against %s for random picks "+
			"(difference %s, 95%% CI); R-precision %s against %s.\n", thousands(ev.Playlists), many, n,
			withCI(rec.NDCG, rec.NDCGCI, 3), smallNumber(base.NDCG), withCI(d.Mean, d.CI, 3), ftoa(rec.RPrecision, 3), smallNumber(base.RPrecision)))
	}
	for _, m := range ev.Methods {
		if m.Method.Ranking != songs.Nearest || m.Method.Key == rec.Method.Key {
			continue
		}
		d, dr := ev.Difference(m.Method.Key, rec.Method.Key, "ndcg"), ev.Difference(m.Method.Key, rec.Method.Key, "r_precision")
		if d == nil || dr == nil {
			continue
		}
		b.WriteString(report.Markdownf("- **%s** against plain nearest neighbours: NDCG@%d %s (%s), R-precision %s (%s).\n",
			capitalise(MethodLabel(m.Method)), n, withCI(d.Mean, d.CI, 3), verdict(d), withCI(dr.Mean, dr.CI, 3), verdict(dr)))
	}
	if pop := firstOf(ev, songs.MostPopular); pop != nil {
		b.WriteString(report.Markdownf("- **Most popular songs:** NDCG@%d %s; the same list for everyone reaches %s%% of the recordings.\n",
			n, withCI(pop.NDCG, pop.NDCGCI, 3), pct(pop.Coverage)))
	}
	return b.String()
}

// smallNumber formats a mean with 3 decimals, or 2 significant digits
// when it is below 0.0005 (and not 0).
func smallNumber(v float64) string {
	if v != 0 && math.Abs(v) < 0.0005 {
		return strconv.FormatFloat(v, 'g', 2, 64)
	}
	return ftoa(v, 3)
}

// firstOf returns the first method with the ranking and no options.
func firstOf(ev *songs.RecommenderEvaluation, k songs.Ranking) *songs.MethodEvaluation {
	for i := range ev.Methods {
		if m := &ev.Methods[i]; m.Method.Ranking == k && m.Method.Options == (songs.RecommendOptions{}) {
			return m
		}
	}
	return nil
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// BeyondAccuracyDefinitions defines the measures of BeyondAccuracyTable
// with the catalog's numbers.
func BeyondAccuracyDefinitions(ev *songs.RecommenderEvaluation) string {
	n := ev.Config.N
	s := ""
	if ev.Playlists > 0 {
		bound := math.Min(1, float64(ev.Playlists*n)/float64(ev.Recordings))
		s += report.Markdownf("The first columns describe the first %d tracks of the %s playlist continuations above. "+
			"*Coverage* is the share of the catalog's %s recordings that appear in at least one of them (at most %s%% with %s lists of %d). "+
			"*Intra-list diversity* is the mean distance between two tracks of a list, in standard deviations of the standardised features. ",
			n, thousands(ev.Playlists), thousands(ev.Recordings), pct(bound), thousands(ev.Playlists), n)
		if ev.HasPopularity {
			s += "*Novelty* is the mean of 1 − popularity/100 over the recommended tracks (0: only tracks everyone plays). " +
				"*Popularity lift* is how much more popular the recommendations are than the seeds, in percent of the seeds' mean popularity. "
		} else {
			s += "Novelty and popularity lift need a popularity column, which this catalog does not have. "
		}
		s += "\n\n"
	}
	s += report.Markdownf("The hubness columns ask every one of the %s recordings, alone, for %d songs like it. "+
		"*Hubness skewness* is the skewness of how often each recording is recommended: near 0 every song gets its turn "+
		"(as with the random lists), large values mean a few hub songs fill most lists. "+
		"*Never recommended* is the share of recordings that no list contains.",
		thousands(ev.Recordings), n)
	for _, m := range ev.Methods {
		if k := m.Method.Options.LocalScaling; m.Method.Ranking == songs.Nearest && k > 0 {
			s += report.Markdownf(" *Local scaling* (Schnitzer et al. 2012) rescales the distance between two songs by how far each lies "+
				"from its own %s nearest recording, so that songs in crowded regions stop appearing in every list; it re-ranks "+
				"the %d nearest candidates.", ordinal(k), songs.LocalScalingCandidates)
			break
		}
	}
	return s
}

// ordinal writes 1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, 21st.
func ordinal(k int) string {
	suffix := "th"
	if k%100 < 11 || k%100 > 13 {
		switch k % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return itoa(k) + suffix
}

// BeyondAccuracyTable shows coverage, diversity, novelty, popularity lift
// and hubness per method; the caption compares the recommender with
// random lists and with its hubness-reduced variant.
func BeyondAccuracyTable(ev *songs.RecommenderEvaluation) report.Table {
	n := ev.Config.N
	playlists := ev.Playlists > 0
	pop := playlists && ev.HasPopularity
	headers := []string{"method"}
	if playlists {
		headers = append(headers, fmt.Sprintf("coverage of top %d (%%)", n), "intra-list diversity (SD)")
	}
	if pop {
		headers = append(headers, "novelty", "popularity lift (%)")
	}
	headers = append(headers, "hubness skewness", "never recommended (%)")
	var rows [][]string
	for _, m := range ev.Methods {
		row := []string{MethodLabel(m.Method)}
		if playlists {
			row = append(row, pct(m.Coverage), dashNaN(m.Diversity, 2))
		}
		if pop {
			row = append(row, dashNaN(m.Novelty, 3), dashNaN(100*m.PopularityLift, 1))
		}
		row = append(row, ftoa(m.HubnessSkew, 2), pct(m.NeverRecommended))
		rows = append(rows, row)
	}
	t := report.NewTable(headers, rows)
	t.Caption = beyondCaption(ev)
	return t
}

// dashNaN formats v, or a dash when it could not be measured.
func dashNaN(v float64, dec int) string {
	if math.IsNaN(v) {
		return "–"
	}
	return ftoa(v, dec)
}

// beyondCaption compares the recommender's hubness with its local-scaling
// variant (or random lists) in one or two sentences.
func beyondCaption(ev *songs.RecommenderEvaluation) string {
	rec := ev.Method(ev.ReferenceRecommender())
	if rec == nil {
		return "Coverage, diversity and hubness of every method."
	}
	s := fmt.Sprintf("Nearest neighbours leave %s%% of the recordings unrecommended, with hubness skewness %s.",
		pct(rec.NeverRecommended), ftoa(rec.HubnessSkew, 2))
	for _, m := range ev.Methods {
		if m.Method.Ranking == songs.Nearest && m.Method.Options.LocalScaling > 0 && !m.Method.Options.SameCohort {
			s += fmt.Sprintf(" Local scaling brings them to %s%% and %s.", pct(m.NeverRecommended), ftoa(m.HubnessSkew, 2))
			break
		}
	}
	return s
}

// ChecksDefinitions defines the sanity checks and agreement measures.
func ChecksDefinitions(ev *songs.RecommenderEvaluation) string {
	n := ev.Config.N
	s := report.Markdownf("**Sanity checks**, not measures of quality. *Reissue found*: for %s tracks whose recording was released more than once, "+
		"the share whose other release (identical audio, distance 0) is in the top %d when only the seed itself is left out; "+
		"the recommender must score 100%%. *Other recording found*: for %s tracks whose song exists as another recording "+
		"(same artist and title, different audio, such as a live take), the share with that recording in the top %d when only "+
		"the seed's own recording is left out. It shows how strongly versions crowd a song's neighbourhood, which is why the product leaves them out.\n\n",
		thousands(ev.ReissueSeeds), n, thousands(ev.OtherRecordingSeeds), n)
	s += report.Markdownf("**Agreement** of the %d songs recommended for each recording alone: the share released in the seed's decade; "+
		"for the live seeds (live by title or album; %s%% of the recordings), the share of live songs", n, pct(ev.LiveShare))
	if ev.HasHitFlag {
		s += "; and the share with the seed's hit flag (the catalog's `target`)"
	}
	return s + "."
}

// ChecksTable shows the sanity checks and the agreement of every method,
// in percent; columns without seeds or data are left out.
func ChecksTable(ev *songs.RecommenderEvaluation) report.Table {
	n := ev.Config.N
	headers := []string{"method"}
	reissue, other := ev.ReissueSeeds > 0, ev.OtherRecordingSeeds > 0
	if reissue {
		headers = append(headers, fmt.Sprintf("reissue found in top %d (%%)", n))
	}
	if other {
		headers = append(headers, fmt.Sprintf("other recording found in top %d (%%)", n))
	}
	if ev.HasDecade {
		headers = append(headers, "same decade (%)")
	}
	live := ev.LiveShare > 0
	if live {
		headers = append(headers, "live songs for a live seed (%)")
	}
	if ev.HasHitFlag {
		headers = append(headers, "same hit flag (%)")
	}
	var rows [][]string
	for _, m := range ev.Methods {
		row := []string{MethodLabel(m.Method)}
		if reissue {
			row = append(row, pct(m.ReissueHitRate))
		}
		if other {
			row = append(row, pct(m.OtherRecordingHitRate))
		}
		if ev.HasDecade {
			row = append(row, pct(m.SameDecade))
		}
		if live {
			row = append(row, dashNaN(100*m.LiveFromLive, 1))
		}
		if ev.HasHitFlag {
			row = append(row, pct(m.SameHit))
		}
		rows = append(rows, row)
	}
	t := report.NewTable(headers, rows)
	t.Caption = checksCaption(ev)
	return t
}

// checksCaption states what the recommender's songs share with the seed
// against random picks: the hit flag where the catalog has one, else the
// live songs for a live seed.
func checksCaption(ev *songs.RecommenderEvaluation) string {
	rec, base := ev.Method(ev.ReferenceRecommender()), ev.Method(ev.ReferenceBaseline())
	switch {
	case rec == nil || base == nil:
		return "Sanity checks and agreement with the seed."
	case ev.HasHitFlag:
		return fmt.Sprintf("Nearest neighbours share the seed's hit flag for %s%% of their songs against %s%% for random picks.",
			pct(rec.SameHit), pct(base.SameHit))
	case ev.LiveShare > 0 && !math.IsNaN(rec.LiveFromLive):
		return fmt.Sprintf("For a live seed, %s%% of the nearest neighbours are live against %s%% of random picks.",
			pct(rec.LiveFromLive), pct(base.LiveFromLive))
	}
	return fmt.Sprintf("Nearest neighbours share the seed's decade for %s%% of their songs against %s%% for random picks.",
		pct(rec.SameDecade), pct(base.SameDecade))
}
