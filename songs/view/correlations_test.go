package view_test

import (
	"bytes"
	"testing"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
	"github.com/songcohorts/cohorts/songs/view"
)

// TestCorrelationFigures draws both heatmaps of the cleaned course catalog
// and tabulates the popularity correlations, one row per test.
func TestCorrelationFigures(t *testing.T) {
	cat := studytest.RealCleaned(t).Tracks
	cols := cat.NumericColumns()
	for _, spearman := range []bool{false, true} {
		fig, err := view.CorrelationHeatmap(cat, cols, spearman)
		if err != nil || !bytes.HasPrefix(fig.PNG, []byte("\x89PNG")) {
			t.Errorf("CorrelationHeatmap(spearman %v): %v", spearman, err)
		}
	}
	rs, err := songs.PopularityCorrelations(cat)
	if err != nil {
		t.Fatal(err)
	}
	tb := view.CorrelationTable(rs, "correlations")
	studytest.RendersBoth(t, tb)
	if len(tb.Rows) != len(rs) || tb.Rows[0][0] != catalog.Acousticness {
		t.Errorf("correlation table rows %q", tb.Rows)
	}
}
