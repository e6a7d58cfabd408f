package view

import (
	"fmt"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/chart"
)

// ProjectionsFigure draws the four projections side by side, coloured by cohort, with
// each one's trustworthiness under it.
func ProjectionsFigure(e *songs.Embeddings, names []string) (chart.Figure, error) {
	var panels []chart.Panel
	for p, name := range songs.Projections {
		xs, ys := make([]float64, len(e.IDs)), make([]float64, len(e.IDs))
		for i := range e.IDs {
			xs[i], ys[i] = e.XY[p][i][0], e.XY[p][i][1]
		}
		panels = append(panels, chart.Panel{Title: name, X: xs, Y: ys, XLabel: name + " 1 (arbitrary units)", YLabel: name + " 2 (arbitrary units)",
			Caption: fmt.Sprintf("trustworthiness (k = 10): %.3f", e.Trustworthiness[p])})
	}
	best, worst := 0, 0
	for p, tw := range e.Trustworthiness {
		if tw > e.Trustworthiness[best] {
			best = p
		}
		if tw < e.Trustworthiness[worst] {
			worst = p
		}
	}
	return chart.ScatterGrid(panels, e.Cohort, names, chart.Options{Title: "The cohorts in two dimensions, four ways",
		Caption: fmt.Sprintf("%s keeps each song's ten nearest neighbours best (trustworthiness %.2f), %s least (%.2f).",
			songs.Projections[best], e.Trustworthiness[best], songs.Projections[worst], e.Trustworthiness[worst])})
}

// ProjectionFigure draws one projection coloured by cohort: the static
// rendition of the interactive explorer, for the DOCX and print.
func ProjectionFigure(e *songs.Embeddings, projection int, names []string) (chart.Figure, error) {
	xs, ys := make([]float64, len(e.IDs)), make([]float64, len(e.IDs))
	for i := range e.IDs {
		xs[i], ys[i] = e.XY[projection][i][0], e.XY[projection][i][1]
	}
	name := songs.Projections[projection]
	return chart.ScatterClusters(xs, ys, e.Cohort, names, chart.Options{
		Title:  name + " map of the catalog, coloured by cohort",
		XLabel: name + " 1 (arbitrary units)", YLabel: name + " 2 (arbitrary units)",
		Caption: fmt.Sprintf("The %s map of every track, coloured by cohort (trustworthiness %.2f).", name, e.Trustworthiness[projection])})
}
