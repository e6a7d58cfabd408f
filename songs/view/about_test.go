package view_test

import (
	"testing"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
	"github.com/songcohorts/cohorts/songs/view"
)

// TestAboutCatalogText states the catalog's size, years and outcome.
func TestAboutCatalogText(t *testing.T) {
	cat := studytest.CourseCatalog(t, 3, nil)
	a := songs.About{Title: "T", Source: "S", Artists: 1, Artist: "The Band", Outcome: "O"}
	want := "**T.** 3 tracks by The Band, released 2022 to 2022, from S. A track's success is measured by O."
	if got := view.AboutCatalog(a, cat); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	a.Outcome, a.Artists = "", 0
	want = "**T.** 3 tracks, released 2022 to 2022, from S. The catalog has no measure of a track's success."
	if got := view.AboutCatalog(a, cat); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
