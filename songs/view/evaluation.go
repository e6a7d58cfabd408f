package view

import (
	"fmt"
	"math"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/report"
)

// EvaluationTable shows the figures of every method, in percent.
func EvaluationTable(ev *songs.RecommenderEvaluation) report.Table {
	var rows [][]string
	pct := func(v float64) string {
		if math.IsNaN(v) {
			return "-"
		}
		return ftoa(100*v, 1)
	}
	for _, m := range ev.Methods {
		rows = append(rows, []string{m.Method, pct(m.ReissueHitRate), pct(m.OtherRecordingHitRate), pct(m.SameEra), pct(m.SameLive)})
	}
	t := report.NewTable([]string{"method",
		fmt.Sprintf("reissue found in top %d (%%, %d seeds)", ev.N, ev.ReissueSeeds),
		fmt.Sprintf("other recording found in top %d (%%, %d seeds)", ev.N, ev.OtherRecordingSeeds),
		fmt.Sprintf("same decade (%%, %d seeds)", ev.Seeds),
		fmt.Sprintf("same live flag (%%, %d seeds)", ev.Seeds)}, rows)
	t.Caption = fmt.Sprintf("Offline evaluation of the recommender: top %d against random and popularity baselines", ev.N)
	return t
}

// EvaluationSummary states the offline evaluation's main comparison.
func EvaluationSummary(ev *songs.RecommenderEvaluation) string {
	if ev.ReissueSeeds == 0 {
		return "The catalog has no reissued recordings, so the reissue hit rate cannot be measured."
	}
	rate := map[string]float64{}
	for _, m := range ev.Methods {
		rate[m.Method] = m.ReissueHitRate
	}
	s := report.Markdownf("For %d seed tracks released more than once, the nearest-neighbour recommender puts the other release of "+
		"the same recording in its top %d for **%.1f%%** of them, against %.1f%% for random picks",
		ev.ReissueSeeds, ev.N, 100*rate[songs.MethodNearest], 100*rate[songs.MethodRandom])
	if p, ok := rate[songs.MethodPopular]; ok && !math.IsNaN(p) {
		s += report.Markdownf(" and %.1f%% for the most popular songs", 100*p)
	}
	return s + "."
}
