package view

import (
	"fmt"
	"math"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/report"
)

// Table shows the figures of every method, in percent.
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
