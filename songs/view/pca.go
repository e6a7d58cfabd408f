package view

import (
	"fmt"
	"math"

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
	n := p.ComponentsFor(target)
	return chart.Lines(k, [][]float64{ratio, cum, line},
		[]string{"per component", "cumulative", fmt.Sprintf("%.0f%% target", 100*target)},
		chart.Options{Title: fmt.Sprintf("PCA explained variance: %d components reach %.0f%%", n, 100*target),
			XLabel: "principal component", YLabel: "share of variance (ratio)",
			Caption: fmt.Sprintf("The first component keeps %.0f%% of the variance and %d of the %d components are needed for %.0f%%: "+
				"the features do not collapse onto a few dimensions.", 100*ratio[0], n, len(ratio), 100*target)})
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
	if n > 0 {
		a, b := strongestTwo(m[0])
		o.Caption = fmt.Sprintf("The first component weighs %s (%+.2f) and %s (%+.2f) most.", columns[a], m[0][a], columns[b], m[0][b])
	}
	return chart.Heatmap(m, rows, columns, o)
}

// strongestTwo returns the indices of the two largest |values| of v,
// largest first (v has at least two values).
func strongestTwo(v []float64) (a, b int) {
	a, b = 0, 1
	if math.Abs(v[b]) > math.Abs(v[a]) {
		a, b = b, a
	}
	for i := 2; i < len(v); i++ {
		switch x := math.Abs(v[i]); {
		case x > math.Abs(v[a]):
			a, b = i, a
		case x > math.Abs(v[b]):
			b = i
		}
	}
	return a, b
}
