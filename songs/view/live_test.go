package view_test

import (
	"testing"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
	"github.com/songcohorts/cohorts/songs/view"
)

// TestLiveAgreementTable shows the cross-table of the two live flags with
// its totals (studytest.LiveCatalog: 40, 10, 5, 45 tracks).
func TestLiveAgreementTable(t *testing.T) {
	tb := view.LiveAgreementTable(songs.CompareLiveFlags(studytest.LiveCatalog([2][2]int{{40, 10}, {5, 45}})))
	studytest.RendersBoth(t, tb)
	if len(tb.Rows) != 2 || tb.Rows[0][0] != "studio" || tb.Rows[1][0] != "live" {
		t.Fatalf("rows %q", tb.Rows)
	}
	if tb.Rows[0][3] != "50" || tb.Rows[1][2] != "45" {
		t.Errorf("row totals or cells wrong: %q", tb.Rows)
	}
}
