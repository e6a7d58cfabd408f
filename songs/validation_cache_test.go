package songs

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
)

// ValidationFor reuses the cache only while the cleaned tracks, the seed
// and K are those it was computed from.
func TestValidationForCache(t *testing.T) {
	p := Params{Root: t.TempDir(), Catalog: DefaultCatalog, Seed: 42, K: 2}
	if _, err := ValidationFor(p); !errors.Is(err, ErrMissingInput) || !strings.Contains(err.Error(), "notebook 01") {
		t.Fatalf("without cleaned tracks: %v; want ErrMissingInput naming notebook 01", err)
	}
	c := catalog.Clean(studytest.BlobCatalog(120, 7), catalog.CleanOptions{})
	if err := os.MkdirAll(p.InterimDir(), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := catalog.WriteTracksCSV(p.Interim(catalog.CleanTracksCSVFile), c.Tracks, c.Rows(true)); err != nil {
		t.Fatal(err)
	}
	first, err := ValidationFor(p)
	if err != nil {
		t.Fatal(err)
	}
	if first.Key == "" {
		t.Fatal("the validation carries no key")
	}
	// A marked cache with the same key is returned as it is.
	marked := *first
	marked.Chosen.Silhouette = 99
	if err := SaveValidation(p, &marked); err != nil {
		t.Fatal(err)
	}
	if v, err := ValidationFor(p); err != nil || v.Chosen.Silhouette != 99 {
		t.Errorf("same inputs: silhouette %v, %v; want the cached 99", v.Chosen.Silhouette, err)
	}
	// Another seed, or other cleaned tracks, computes afresh.
	other := p
	other.Seed = 7
	if v, err := ValidationFor(other); err != nil || v.Chosen.Silhouette == 99 || v.Key == first.Key {
		t.Errorf("other seed: reused the cache (%v, %v)", v.Chosen.Silhouette, err)
	}
	if err := SaveValidation(p, &marked); err != nil {
		t.Fatal(err)
	}
	c2 := catalog.Clean(studytest.BlobCatalog(130, 7), catalog.CleanOptions{})
	if err := catalog.WriteTracksCSV(p.Interim(catalog.CleanTracksCSVFile), c2.Tracks, c2.Rows(true)); err != nil {
		t.Fatal(err)
	}
	if v, err := ValidationFor(p); err != nil || v.Chosen.Silhouette == 99 || len(v.Labels) != len(c2.Tracks.Tracks) {
		t.Errorf("other tracks: reused the cache or labelled %d of %d tracks (%v)", len(v.Labels), len(c2.Tracks.Tracks), err)
	}
}

// TestValidationFromRaw runs the validation as make does, from the raw
// catalog beside notebook 01, then as notebooks 03 and 04 do, from the
// files notebook 01 writes: the same key, so the notebooks reuse it, and
// the same result as validating the tracks read back from those files.
func TestValidationFromRaw(t *testing.T) {
	p := Params{Root: t.TempDir(), Catalog: DefaultCatalog, RawCSV: "raw.csv", Seed: 42, K: 2}
	if err := os.WriteFile(p.Path(p.RawCSV), []byte(catalogtest.CSVText(catalogtest.CourseHeader, 120, false, nil)), 0o644); err != nil {
		t.Fatal(err)
	}
	fromRaw, err := PrecomputeFromRaw(p)
	if err != nil {
		t.Fatal(err)
	}
	c, err := LoadRaw(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := catalog.WriteInterim(p.InterimDir(), c); err != nil {
		t.Fatal(err)
	}
	if key, err := ValidationKey(p); err != nil || key != fromRaw.Key {
		t.Fatalf("key of notebook 01's files %q (%v); want the key make saved, %q", key, err, fromRaw.Key)
	}
	fromFiles, err := RunValidation(p)
	if err != nil {
		t.Fatal(err)
	}
	// Compared as printed: every number in its exact shortest form, maps
	// in key order, and NaN (a score that does not apply) equal to NaN.
	if fmt.Sprintf("%+v", *fromFiles) != fmt.Sprintf("%+v", *fromRaw) {
		t.Error("the validation of the tracks read back differs from the one of the raw catalog")
	}
}
