package view

import (
	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/chart"
	"github.com/songcohorts/cohorts/songs/report"
	"github.com/songcohorts/cohorts/songs/stats"
)

// CorrelationHeatmap draws an annotated correlation matrix on a diverging
// scale centred on 0.
func CorrelationHeatmap(cat *catalog.Catalog, columns []string, spearman bool) (chart.Figure, error) {
	name := "Pearson"
	if spearman {
		name = "Spearman"
	}
	o := chart.HeatmapOptions{Diverging: true, Decimals: 2}
	o.Title = name + " correlation of the numeric features (cleaned tracks)"
	return chart.Heatmap(songs.CorrelationMatrix(cat, columns, spearman), columns, columns, o)
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
