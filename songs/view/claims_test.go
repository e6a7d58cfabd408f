package view_test

import (
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
	"github.com/songcohorts/cohorts/songs/view"
)

// TestClaimTable renders the claims family of the cleaned course catalog:
// one row and one reading per test.
func TestClaimTable(t *testing.T) {
	rs, err := songs.ClaimTests(studytest.RealCleaned(t).Tracks, 42)
	if err != nil {
		t.Fatal(err)
	}
	tb := view.ClaimTable(rs, "claims")
	studytest.RendersBoth(t, tb)
	if len(tb.Rows) != len(rs) {
		t.Errorf("claim table has %d rows for %d results", len(tb.Rows), len(rs))
	}
	if n := strings.Count(view.Readings(rs), "\n- ") + 1; n != len(rs) {
		t.Errorf("%d readings for %d results", n, len(rs))
	}
}
