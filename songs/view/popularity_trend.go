package view

import (
	"fmt"
	"math"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/chart"
	"github.com/songcohorts/cohorts/songs/report"
	"github.com/songcohorts/cohorts/songs/stats"
)

// strength names the size of a correlation by Cohen's (1988) conventions:
// below 0.1 negligible, then small, moderate from 0.3, large from 0.5.
func strength(r float64) string {
	switch a := math.Abs(r); {
	case a < 0.1:
		return "negligible"
	case a < 0.3:
		return "small"
	case a < 0.5:
		return "moderate"
	}
	return "large"
}

// rhoText prints a Spearman result's rho with its interval and adjusted p
// (plain text, for a Markdownf argument).
func rhoText(r stats.Result) string {
	return fmt.Sprintf("rho = %.2f, 95%% CI %.2f to %.2f, Holm p %s", r.Effect, r.CI.Lo, r.CI.Hi, pPhraseShort(r.PAdjusted))
}

// pPhraseShort prints a p-value as "= 0.040" or "< 0.001".
func pPhraseShort(p float64) string {
	if p < 0.001 {
		return "< 0.001"
	}
	return fmt.Sprintf("= %.3f", p)
}

// trendVerb says which way a significant correlation goes.
func trendVerb(r stats.Result) string {
	if r.Effect > 0 {
		return "rose"
	}
	return "fell"
}

// liveShares returns the share of live recordings among those first
// released in the last two decades and among the earlier ones, with the
// first of the last two decades.
func liveShares(t *songs.PopularityTrend) (late, early float64, from int) {
	var ln, lt, en, et int
	cut := len(t.Decades) - 2
	for i, d := range t.Decades {
		if i >= cut {
			ln, lt = ln+d.Live.N, lt+d.All.N
		} else {
			en, et = en+d.Live.N, et+d.All.N
		}
	}
	if cut < 0 {
		cut = 0
	}
	return float64(ln) / float64(lt), float64(en) / float64(max(et, 1)), t.Decades[cut].Decade
}

// TimeAnswer answers "how has popularity changed over time?" in one
// sentence, then gives the studio and live trends and, when the two agree
// but the overall trend is weaker, the change in the mix of recordings
// that explains it. Every number comes from the trend test's family (one
// row per recording, Holm over the family), the same numbers notebook 03
// shows.
func TimeAnswer(t *songs.PopularityTrend) string {
	all, studio, live := t.Family[songs.TrendAll], t.Family[songs.TrendStudio], t.Family[songs.TrendLive]
	s := TimeSummary(t)
	part := func(name string, r stats.Result) string {
		if r.PAdjusted >= Alpha {
			return report.Markdownf("%s show no measurable trend (%s)", name, rhoText(r))
		}
		return report.Markdownf("%s %s (%s; %s)", name, trendVerb(r), rhoText(r), strength(r.Effect))
	}
	s += " Within each kind of recording, " + part("studio recordings", studio) + " and " + part("live recordings", live) + "."
	if len(t.Decades) < 3 {
		return s
	}
	late, early, from := liveShares(t)
	same := studio.PAdjusted < Alpha && live.PAdjusted < Alpha && (studio.Effect > 0) == (live.Effect > 0)
	if same && math.Abs(all.Effect) < math.Min(math.Abs(studio.Effect), math.Abs(live.Effect)) && late > early && late < 1 {
		var ls, ss, ln, sn float64
		for _, d := range t.Decades[len(t.Decades)-2:] {
			if d.Live.N > 0 {
				ls, ln = ls+d.Live.Mean*float64(d.Live.N), ln+float64(d.Live.N)
			}
			if d.Studio.N > 0 {
				ss, sn = ss+d.Studio.Mean*float64(d.Studio.N), sn+float64(d.Studio.N)
			}
		}
		s += report.Markdownf(" The overall trend is weaker than either because the mix changed: live recordings are %.0f%% of the recordings first released since %d against %.0f%% before, and they are less popular (mean %.1f against %.1f for the studio recordings of those decades).",
			100*late, from, 100*early, ls/ln, ss/sn)
	}
	return s
}

// OriginalComparison explains how the original study's two numbers, means
// of yearly means over the first and last five release years, relate to
// the means over tracks and over recordings, and why the trend test uses
// every year.
func OriginalComparison(t *songs.PopularityTrend) string {
	w := t.Windows
	return report.Markdownf("The original study compared %d-%d (**%.2f**) with %d-%d (**%.2f**) and read a rise. Those are means of *yearly* means: "+
		"each release year weighs the same, whatever its number of tracks. Over tracks the same windows average %.2f (%d tracks) and %.2f (%d tracks); "+
		"over recordings first released in them, %.2f (%d recordings) and %.2f (%d recordings). Two five-year windows leave out the %d years between "+
		"them; the trend test above uses every dated recording.",
		w.FirstFrom, w.FirstTo, w.YearlyMeans[0], w.LastFrom, w.LastTo, w.YearlyMeans[1],
		w.TrackMeans[0], w.Tracks[0], w.TrackMeans[1], w.Tracks[1],
		w.RecordingMeans[0], w.Recordings[0], w.RecordingMeans[1], w.Recordings[1], w.LastFrom-w.FirstTo-1)
}

// peakNote names a decade's peak release for the chart.
func peakNote(d songs.DecadePopularity) string {
	if d.Peak.Album == "" {
		return ""
	}
	if d.Peak.PopularSongs == 1 {
		return fmt.Sprintf("peak: %s (1 popular track)", d.Peak.Album)
	}
	if d.Peak.PopularSongs > 1 {
		return fmt.Sprintf("peak: %s (%d popular tracks)", d.Peak.Album, d.Peak.PopularSongs)
	}
	return fmt.Sprintf("peak: %s (mean popularity %.1f)", d.Peak.Album, d.Peak.Mean)
}

// DecadeChart draws the mean popularity of each decade's studio and live
// recordings with 95% intervals, each decade labelled with its peak
// release, with its takeaway in two sentences as the caption.
func DecadeChart(t *songs.PopularityTrend) (chart.Figure, error) {
	n := len(t.Decades)
	groups, notes := make([]string, n), make([]string, n)
	vals, lo, hi := [][]float64{make([]float64, n), make([]float64, n)}, [][]float64{make([]float64, n), make([]float64, n)}, [][]float64{make([]float64, n), make([]float64, n)}
	higher := 0
	for g, d := range t.Decades {
		groups[g] = fmt.Sprintf("%ds (%d)", d.Decade, d.All.N)
		notes[g] = peakNote(d)
		for s, m := range []songs.MeanCI{d.Studio, d.Live} {
			vals[s][g], lo[s][g], hi[s][g] = m.Mean, m.Lo, m.Hi
		}
		if d.Studio.N > 0 && d.Live.N > 0 && d.Studio.Mean > d.Live.Mean {
			higher++
		}
	}
	fig, err := chart.IntervalBars(groups, []string{"studio recordings", "live recordings"}, vals, lo, hi, notes, chart.Options{
		Title:  "Popularity by release decade, studio and live recordings",
		XLabel: "mean popularity of the decade's recordings (0-100)",
		YLabel: "first released (recordings)",
	})
	if err != nil {
		return fig, err
	}
	both := 0
	for _, d := range t.Decades {
		if d.Studio.N > 0 && d.Live.N > 0 {
			both++
		}
	}
	caption := fmt.Sprintf("Studio recordings are more popular than live ones in %d of the %d decades that have both.", higher, both)
	if n >= 3 {
		late, early, from := liveShares(t)
		caption += fmt.Sprintf(" Live recordings are %.0f%% of those first released since %d against %.0f%% before.", 100*late, from, 100*early)
	}
	return fig.WithCaption(caption), nil
}

// DecadePairsTable shows Dunn's pairwise comparisons of the decades with
// their Holm-adjusted p-values and which decade is more popular where the
// difference is significant.
func DecadePairsTable(t *songs.PopularityTrend) report.Table {
	median := map[int]float64{}
	for _, d := range t.Decades {
		median[d.Decade] = d.All.Median
	}
	var rows [][]string
	sig := 0
	for _, p := range t.Pairs {
		verdict := "no evidence of a difference"
		if p.PAdjusted < Alpha {
			sig++
			hi := p.B
			if p.Z > 0 {
				hi = p.A
			}
			verdict = fmt.Sprintf("the %ds more popular", hi)
		}
		rows = append(rows, []string{fmt.Sprintf("%ds vs %ds", p.A, p.B), ftoa(median[p.A], 1) + " vs " + ftoa(median[p.B], 1),
			ftoa(p.Z, 2), pText(p.P), pText(p.PAdjusted), verdict})
	}
	tb := report.NewTable([]string{"decades", "median popularity", "z", "p", "Holm p", "reading"}, rows)
	tb.Caption = fmt.Sprintf("Pairwise comparisons of the release decades: Dunn's test on one row per recording, Holm over the %d pairs (%d differ)", len(t.Pairs), sig)
	return tb
}

// TimeSummary is the one-sentence answer to "how has popularity changed
// over time?" that TimeAnswer opens with, for a summary (notebook 04): the
// same numbers and verdict.
func TimeSummary(t *songs.PopularityTrend) string {
	all := t.Family[songs.TrendAll]
	var s string
	switch {
	case all.PAdjusted >= Alpha:
		s = report.Markdownf("**Popularity has not changed measurably with release year**: across %d recordings, %s.", t.Recordings, rhoText(all))
	case math.Abs(all.Effect) < 0.1:
		s = report.Markdownf("**Popularity has barely changed with release year**: across %d recordings it %s slightly (%s), a %s association.",
			t.Recordings, trendVerb(all), rhoText(all), strength(all.Effect))
	default:
		s = report.Markdownf("**Popularity has %s with release year**: across %d recordings (%s), a %s association.",
			map[bool]string{true: "risen", false: "fallen"}[all.Effect > 0], t.Recordings, rhoText(all), strength(all.Effect))
	}
	return s
}
