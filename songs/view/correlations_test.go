package view_test

import (
	"bytes"
	"testing"

	"github.com/songcohorts/cohorts/songs/internal/studytest"
	"github.com/songcohorts/cohorts/songs/view"
)

// TestCorrelationFigures draws both heatmaps of the cleaned course catalog.
func TestCorrelationFigures(t *testing.T) {
	cat := studytest.RealCleaned(t).Tracks
	cols := cat.NumericColumns()
	for _, spearman := range []bool{false, true} {
		fig, err := view.CorrelationHeatmap(cat, cols, spearman)
		if err != nil || !bytes.HasPrefix(fig.PNG, []byte("\x89PNG")) {
			t.Errorf("CorrelationHeatmap(spearman %v): %v", spearman, err)
		}
	}
}
