package view

import (
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
	o := chart.HeatmapOptions{Diverging: true, Decimals: 2}
	o.Title = name + " correlation of the numeric features (cleaned tracks)"
	return chart.Heatmap(songs.CorrelationMatrix(cat, columns, spearman), columns, columns, o)
}

// pText formats a p-value readably.
func pText(p float64) string {
	if p < 0.001 {
		return "< 0.001"
	}
	return ftoa(p, 3)
}
