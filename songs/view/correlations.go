package view

import (
	"fmt"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/chart"
)

// CorrelationHeatmap draws an annotated correlation matrix on a diverging
// scale centred on 0.
func CorrelationHeatmap(cat *catalog.Catalog, columns []string, spearman bool) (chart.Figure, error) {
	name := "Pearson"
	if spearman {
		name = "Spearman"
	}
	m := songs.CorrelationMatrix(cat, columns, spearman)
	pos, neg := songs.StrongestPairs(m, columns)
	o := chart.HeatmapOptions{Diverging: true, Decimals: 2}
	o.Title = name + " correlation of the numeric features (cleaned tracks)"
	o.Caption = fmt.Sprintf("%s and %s rise together most (%+.2f); %s and %s move most against each other (%+.2f).",
		pos.A, pos.B, pos.R, neg.A, neg.B, neg.R)
	return chart.Heatmap(m, columns, columns, o)
}

// pText formats a p-value readably.
func pText(p float64) string {
	if p < 0.001 {
		return "< 0.001"
	}
	return ftoa(p, 3)
}
