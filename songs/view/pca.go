package view

import (
	"fmt"

	"github.com/songcohorts/cohorts/songs/chart"
	"github.com/songcohorts/cohorts/songs/embed"
	"gonum.org/v1/gonum/mat"
)

// ExplainedVarianceChart draws each component's explained-variance ratio,
// the cumulative ratio and the target line (e.g. 0.95).
func ExplainedVarianceChart(p *embed.PCA, target float64) (chart.Figure, error) {
	ratio := p.ExplainedVarianceRatio()
	cum := p.CumulativeRatio()
	k := make([]float64, len(ratio))
	line := make([]float64, len(ratio))
	for i := range k {
		k[i] = float64(i + 1)
		line[i] = target
	}
	return chart.Lines(k, [][]float64{ratio, cum, line},
		[]string{"per component", "cumulative", fmt.Sprintf("%.0f%% target", 100*target)},
		chart.Options{Title: fmt.Sprintf("PCA explained variance: %d components reach %.0f%%", p.ComponentsFor(target), 100*target),
			XLabel: "principal component", YLabel: "share of variance (ratio)"})
}

// LoadingsHeatmap draws the first n components' loadings (component
// weights of each standardised feature).
func LoadingsHeatmap(p *embed.PCA, columns []string, n int) (chart.Figure, error) {
	var comps mat.Dense
	p.ComponentsTo(&comps)
	r, _ := comps.Dims()
	if n > r {
		n = r
	}
	m := make([][]float64, n)
	rows := make([]string, n)
	for i := 0; i < n; i++ {
		m[i] = mat.Row(nil, i, &comps)
		rows[i] = fmt.Sprintf("PC%d (%.0f%%)", i+1, 100*p.ExplainedVarianceRatio()[i])
	}
	o := chart.HeatmapOptions{Diverging: true, Decimals: 2}
	o.Title = "What the first principal components mean: weights of the standardised features"
	return chart.Heatmap(m, rows, columns, o)
}
