// Package studytest holds what the tests of the domain and display packages
// share: the real course catalog cleaned once per test binary, slow fixtures
// computed once, small catalogs loaded from CSV text, and checks of rendered
// tables.
package studytest

import (
	"strings"
	"sync"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
	"github.com/songcohorts/cohorts/songs/report"
)

// MustLoad writes text to a temporary catalog file, loads it and fails the
// test on an error.
func MustLoad(t testing.TB, text string) *catalog.Catalog {
	t.Helper()
	cat, err := catalog.Load(catalogtest.WriteFile(t, "catalog.csv", text))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return cat
}

// CourseCatalog loads n synthetic tracks of the course file's layout
// (catalogtest.Values: every value valid, every track a different
// recording); edit, when not nil, may change record i (1-based) first.
func CourseCatalog(t testing.TB, n int, edit func(i int, rec map[string]string)) *catalog.Catalog {
	t.Helper()
	return MustLoad(t, catalogtest.CSVText(catalogtest.CourseHeader, n, false, edit))
}

// HitCatalog loads n synthetic tracks of the hit-predictor layout (no
// popularity, album or release date); edit, when not nil, may change
// record i (1-based) first.
func HitCatalog(t testing.TB, n int, edit func(i int, rec map[string]string)) *catalog.Catalog {
	t.Helper()
	return MustLoad(t, catalogtest.CSVText(catalogtest.HitHeader, n, false, edit))
}

var (
	realOnce    sync.Once
	realCleaned *catalog.Cleaned
	realErr     error
)

// RealCleaned loads the staged course catalog and cleans it as notebook 01
// does (the original study's drops: 1,600 rows), once per test binary. It
// skips when the catalog is not staged (fails under CI=true).
func RealCleaned(t testing.TB) *catalog.Cleaned {
	t.Helper()
	path := catalogtest.Staged(t, catalogtest.RollingStones)
	realOnce.Do(func() {
		cat, err := catalog.Load(path)
		if err != nil {
			realErr = err
			return
		}
		realCleaned = catalog.Clean(cat, catalog.DefaultCleanOptions)
	})
	if realErr != nil {
		t.Fatal(realErr)
	}
	// ORIGINAL-STUDY.md: the original study's drops leave 1,600 rows.
	if n := len(realCleaned.Tracks.Tracks); n != 1600 {
		t.Fatalf("cleaned catalog has %d rows, want 1600", n)
	}
	return realCleaned
}

var (
	cacheMu sync.Mutex
	cache   = map[string]cached{}
)

// cached is one result of Cached.
type cached struct {
	v   any
	err error
}

// Cached returns the result of make for key, computing it once per test
// binary (for slow fixtures such as a validation of the real catalog). It
// fails the test when make returned an error, and skips in -short mode.
func Cached[T any](t testing.TB, key string, make func() (T, error)) T {
	t.Helper()
	if testing.Short() {
		t.Skip(key + " takes several seconds: skipped in -short mode")
	}
	cacheMu.Lock()
	c, ok := cache[key]
	if !ok {
		v, err := make()
		c = cached{v, err}
		cache[key] = c
	}
	cacheMu.Unlock()
	if c.err != nil {
		t.Fatalf("%s: %v", key, c.err)
	}
	return c.v.(T)
}

// Near reports whether got is within the absolute or relative tolerance of
// want.
func Near(got, want, tol float64) bool { return scalar.EqualWithinAbsOrRel(got, want, tol, tol) }

// Column returns the index of a header in a table, failing the test when
// it is missing.
func Column(t testing.TB, tb report.Table, header string) int {
	t.Helper()
	for j, h := range tb.Headers {
		if h == header {
			return j
		}
	}
	t.Fatalf("table %q has no column %q (headers %q)", tb.Caption, header, tb.Headers)
	return -1
}

// RendersBoth checks that the table renders as HTML and Markdown with its
// caption, every header and every cell of its first row.
func RendersBoth(t testing.TB, tb report.Table) {
	t.Helper()
	h, md := tb.HTML(), tb.Markdown()
	want := append([]string{tb.Caption}, tb.Headers...)
	if len(tb.Rows) > 0 {
		want = append(want, tb.Rows[0]...)
	}
	for _, s := range want {
		if !strings.Contains(h, report.EscapeHTML(s)) || !strings.Contains(md, report.EscapeMarkdown(s)) {
			t.Errorf("table %q: %q missing from a rendering", tb.Caption, s)
		}
	}
}

// Must returns a function that gives v, or fails the test with err:
// cs := studytest.Must(songs.Profiles(cat, labels, 2, 50))(t).
func Must[T any](v T, err error) func(testing.TB) T {
	return func(t testing.TB) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

// Findings checks the findings a notebook opens with: got holds every
// sentence of want, and 3 to 6 findings (the first line and each "- "
// item after it).
func Findings(t testing.TB, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("findings lack %q:\n%s", w, got)
		}
	}
	if n := strings.Count(got, "\n- ") + 1; n < 3 || n > 6 {
		t.Errorf("%d findings, want 3 to 6:\n%s", n, got)
	}
}
