package songs

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
)

// singlesCatalog is a catalog with albums, dates and popularity in which
// every track is a release of its own (a catalog of singles): no release
// has MinAlbumRecordings recordings; one track in four is live by its
// title.
func singlesCatalog(t *testing.T) *catalog.Catalog {
	return studytest.CourseCatalog(t, 40, func(i int, r map[string]string) {
		r["album"] = fmt.Sprintf("Single %d", i)
		r["release_date"] = fmt.Sprintf("%d-01-01", 1960+i)
		if i%4 == 0 { // some live recordings, for the trend of live recordings
			r["name"] = fmt.Sprintf("Song %d - Live", i)
		}
	})
}

// TestAlbumEffectTooFewReleases: a catalog of singles cannot measure the
// album effect. AlbumEffectOn says so with a *TooFewReleasesError that is
// NotApplicable, and the callers leave the effect out with that reason
// instead of failing: Explore (notebook 02's findings and the summary),
// ClaimTests (notebook 03) and the exploration metrics.
func TestAlbumEffectTooFewReleases(t *testing.T) {
	cat := singlesCatalog(t)
	a, err := AlbumEffectOn(cat, 42)
	var tf *TooFewReleasesError
	if a != nil || !errors.As(err, &tf) || tf.Releases != 0 || !NotApplicable(err) {
		t.Fatalf("AlbumEffectOn = %v, %v; want a not-applicable *TooFewReleasesError with 0 releases", a, err)
	}
	if want := "The album effect is not measured: it needs at least 2 releases with 5 or more recordings each, and this catalog has none."; err.Error() != want {
		t.Errorf("message %q; want %q", err, want)
	}
	if NotApplicable(errors.New("other")) || NotApplicable(nil) {
		t.Error("NotApplicable is true for a plain error or nil")
	}
	if !NotApplicable(cat.Require("a step", "no_such_column")) {
		t.Error("a missing column is not NotApplicable")
	}

	e, err := Explore(cat, nil, 50, 42)
	if err != nil {
		t.Fatalf("Explore: %v", err)
	}
	if e.Effect != nil || !errors.As(e.NoEffect, &tf) {
		t.Errorf("Explore: effect %v, reason %v; want nil and the *TooFewReleasesError", e.Effect, e.NoEffect)
	}
	if e.Features == nil || e.NoFeatures != nil || e.Albums == nil || e.NoAlbums != nil {
		t.Errorf("Explore left out parts that apply: features %v (%v), albums %v (%v)", e.Features, e.NoFeatures, e.Albums, e.NoAlbums)
	}

	c, err := ClaimTests(cat, 50, 42)
	if err != nil {
		t.Fatalf("ClaimTests: %v", err)
	}
	if _, ok := c.Family(QuestionAlbums); ok || c.Albums != nil || !errors.As(c.NoAlbums, &tf) {
		t.Errorf("ClaimTests: albums %v, reason %v; want no album family and the reason", c.Albums, c.NoAlbums)
	}
	if _, ok := c.Family(QuestionFeatures); !ok {
		t.Error("ClaimTests lost the features family")
	}
}

// TestExploreWithoutColumns leaves every popularity part of a catalog
// without popularity, albums or dates out, each with its missing columns.
func TestExploreWithoutColumns(t *testing.T) {
	e, err := Explore(studytest.HitCatalog(t, 30, nil), nil, 50, 42)
	if err != nil {
		t.Fatal(err)
	}
	for name, why := range map[string]error{"albums": e.NoAlbums, "trend": e.NoTrend, "features": e.NoFeatures, "effect": e.NoEffect} {
		var mc *catalog.MissingColumnError
		if !errors.As(why, &mc) || !strings.Contains(why.Error(), "popularity") {
			t.Errorf("%s: reason %v; want a missing popularity column", name, why)
		}
	}
	if e.Albums != nil || e.Trend != nil || e.Features != nil || e.Effect != nil {
		t.Errorf("parts computed without their columns: %+v", e)
	}
}
