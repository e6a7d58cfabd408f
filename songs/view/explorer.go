package view

import (
	"os"
	"path/filepath"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/report"
)

// ExplorerOf builds the interactive scatter of an embedding (UMAP by
// default in notebook 04) with hover text per track.
func ExplorerOf(cat *catalog.Catalog, e *songs.Embeddings, cs []songs.Cohort, projection int) report.Explorer {
	ex := report.Explorer{Title: songs.Projections[projection] + " map of the catalog: hover for the song",
		XLabel: songs.Projections[projection] + " 1", YLabel: songs.Projections[projection] + " 2"}
	names := CohortNames(cs)
	for i := range cat.Tracks {
		t := &cat.Tracks[i]
		ex.X = append(ex.X, e.XY[projection][i][0])
		ex.Y = append(ex.Y, e.XY[projection][i][1])
		g := "noise"
		if c := e.Cohort[i]; c >= 0 {
			g = names[c]
		}
		ex.Group = append(ex.Group, g)
		ex.Hover = append(ex.Hover, []string{t.Name, t.Album, "year " + intOrEmpty(t.ReleaseDate.Year), "popularity " + ftoa(t.Popularity, 0), "cohort " + g})
	}
	return ex
}

// PlotlyPath is the plotly.js bundle the explorer embeds: PLOTLY_JS when
// set, else where the Makefile installs it with npm.
func PlotlyPath(p songs.Params) string {
	if v := os.Getenv("PLOTLY_JS"); v != "" {
		return v
	}
	return filepath.Join(p.Root, ".tools", "node_modules", "plotly.js-dist-min", "plotly.min.js")
}
