package songs

import (
	"github.com/songcohorts/cohorts/songs/report"
	"github.com/songcohorts/cohorts/songs/stats"
)

// PopularityCorrelations tests each audio feature's correlation with
// popularity (Pearson and Spearman, two-sided, 95% Fisher-z intervals).
func PopularityCorrelations(cat *Catalog) ([]stats.Result, error) {
	pop := cat.Column(Popularity)
	var out []stats.Result
	for _, f := range append(append([]string(nil), AudioFeatures...), DurationMS) {
		x := cat.Column(f)
		for _, spearman := range []bool{false, true} {
			test := stats.Pearson
			if spearman {
				test = stats.Spearman
			}
			r, err := test(x, pop, stats.TwoSided, 0.95)
			if err != nil {
				return nil, err
			}
			out = append(out, r.WithGroups(f, Popularity))
		}
	}
	stats.AdjustResults(out, stats.Holm)
	return out, nil
}

// CorrelationTable shows correlation results: pair, r, interval, p and
// adjusted p.
func CorrelationTable(rs []stats.Result, caption string) report.Table {
	var rows [][]string
	for _, r := range rs {
		rows = append(rows, []string{r.Groups[0], r.Test, ftoa(r.Statistic, 3),
			"[" + ftoa(r.CI.Lo, 3) + ", " + ftoa(r.CI.Hi, 3) + "]", pText(r.P), pText(r.PAdjusted)})
	}
	t := report.NewTable([]string{"feature", "test", "r", "95% CI", "p", "Holm p"}, rows)
	t.Caption = caption
	return t
}

// pText formats a p-value readably.
func pText(p float64) string {
	if p < 0.001 {
		return "< 0.001"
	}
	return ftoa(p, 3)
}
