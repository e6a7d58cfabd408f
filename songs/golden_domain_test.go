package songs

import (
	"encoding/json"
	"os"
	"strings"
	"sync"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/songcohorts/cohorts/songs/report"
)

// goldenDomain is testdata/golden_domain.json, written by
// testdata/gen_golden_domain.py with pandas 1.5.3, SciPy 1.10.1,
// statsmodels 0.13.5 and scikit-learn 1.2.1. Each record's Source names the
// call that produced its numbers.
type goldenDomain struct {
	Versions  map[string]string `json:"versions"`
	Synthetic struct {
		Source    string               `json:"source"`
		Years     []int                `json:"years"`
		Columns   []string             `json:"columns"`
		Values    map[string][]float64 `json:"values"`
		YearMeans []goldenYearMean     `json:"year_means_popularity"`
		Pearson   [][]float64          `json:"pearson"`
		Spearman  [][]float64          `json:"spearman"`
	} `json:"synthetic"`
	Real struct {
		Rows                 int `json:"rows"`
		AlbumsByPopularSongs struct {
			Source    string         `json:"source"`
			Threshold float64        `json:"threshold"`
			Albums    []goldenAlbumT `json:"albums"`
		} `json:"albums_by_popular_songs"`
		AlbumsByMean struct {
			Source string         `json:"source"`
			Albums []goldenAlbumT `json:"albums"`
		} `json:"albums_by_mean"`
		TopSongs struct {
			Source string `json:"source"`
			Songs  []struct {
				Name       string  `json:"name"`
				Popularity float64 `json:"popularity"`
			} `json:"songs"`
		} `json:"top_songs"`
		YearMeans struct {
			Source string           `json:"source"`
			Years  []goldenYearMean `json:"years"`
		} `json:"year_means_popularity"`
		Correlation struct {
			Source   string      `json:"source"`
			Columns  []string    `json:"columns"`
			Pearson  [][]float64 `json:"pearson"`
			Spearman [][]float64 `json:"spearman"`
		} `json:"correlation"`
		Describe struct {
			Source  string                        `json:"source"`
			Columns []string                      `json:"columns"`
			Stats   map[string]map[string]float64 `json:"stats"`
		} `json:"describe"`
		LiveFlags struct {
			Source    string    `json:"source"`
			Counts    [2][2]int `json:"counts"`
			Agreement float64   `json:"agreement"`
			Kappa     float64   `json:"kappa"`
		} `json:"live_flags"`
		Claims struct {
			Source string `json:"source"`
			Tests  []struct {
				Claim     string  `json:"claim"`
				Test      string  `json:"test"`
				Statistic float64 `json:"statistic"`
				P         float64 `json:"p"`
				PHolm     float64 `json:"p_holm"`
				N         []int   `json:"n"`
			} `json:"tests"`
		} `json:"claims"`
		PopularityCorrelations struct {
			Source string `json:"source"`
			Tests  []struct {
				Feature string  `json:"feature"`
				Test    string  `json:"test"`
				R       float64 `json:"r"`
				P       float64 `json:"p"`
				PHolm   float64 `json:"p_holm"`
			} `json:"tests"`
		} `json:"popularity_correlations"`
		Validation struct {
			Source       string             `json:"source"`
			Rows         int                `json:"rows"`
			PCARatio     []float64          `json:"pca_ratio"`
			Components   int                `json:"components"`
			WCSS         []float64          `json:"wcss"`
			SilhouetteK2 map[string]float64 `json:"silhouette_k2"`
			WardK2Sizes  []int              `json:"ward_k2_sizes"`
		} `json:"validation"`
	} `json:"real"`
}

type goldenYearMean struct {
	Year int     `json:"year"`
	N    int     `json:"n"`
	Mean float64 `json:"mean"`
	Lo   float64 `json:"lo"`
	Hi   float64 `json:"hi"`
}

type goldenAlbumT struct {
	Album        string  `json:"album"`
	Tracks       int     `json:"tracks"`
	PopularSongs int     `json:"popular_songs"`
	Mean         float64 `json:"mean"`
}

var (
	goldenOnce sync.Once
	golden     goldenDomain
	goldenErr  error
)

// readGoldenDomain reads testdata/golden_domain.json once per test binary.
func readGoldenDomain(t testing.TB) *goldenDomain {
	t.Helper()
	goldenOnce.Do(func() {
		b, err := os.ReadFile("testdata/golden_domain.json")
		if err != nil {
			goldenErr = err
			return
		}
		goldenErr = json.Unmarshal(b, &golden)
	})
	if goldenErr != nil {
		t.Fatalf("golden_domain.json: %v", goldenErr)
	}
	return &golden
}

var (
	realOnce    sync.Once
	realCleaned *Cleaned
	realErr     error
)

// realClean loads the staged course catalog and cleans it as notebook 01
// does (DefaultCleanOptions: 1,600 rows), once per test binary. It skips
// when the catalog is not staged (fails under CI=true).
func realClean(t *testing.T) *Cleaned {
	t.Helper()
	needFile(t, realCatalog)
	realOnce.Do(func() {
		cat, err := Load(realCatalog)
		if err != nil {
			realErr = err
			return
		}
		realCleaned = Clean(cat, DefaultCleanOptions)
	})
	if realErr != nil {
		t.Fatal(realErr)
	}
	if n := len(realCleaned.Tracks.Tracks); n != OriginalRowsAfterCleaning {
		t.Fatalf("cleaned catalog has %d rows, want %d", n, OriginalRowsAfterCleaning)
	}
	return realCleaned
}

var (
	realValOnce sync.Once
	realVal     *Validation
	realValErr  error
)

// realValidation runs Validate on the cleaned course catalog once per test
// binary (about ten seconds), with the project's default seed. It skips
// in -short mode.
func realValidation(t *testing.T) (*Catalog, *Validation) {
	t.Helper()
	if testing.Short() {
		t.Skip("validation of the real catalog takes about ten seconds")
	}
	cat := realClean(t).Tracks
	realValOnce.Do(func() { realVal, realValErr = Validate(cat, 42, 0) })
	if realValErr != nil {
		t.Fatal(realValErr)
	}
	return cat, realVal
}

// syntheticCatalog builds the golden file's synthetic table as a catalog:
// one track per value, released in the given years, with popularity and
// the listed audio features (the others 0.5).
func syntheticCatalog(t *testing.T, g *goldenDomain) *Catalog {
	t.Helper()
	s := g.Synthetic
	cat := &Catalog{Has: map[string]bool{Popularity: true, Album: true, ReleaseDate: true, "decade": true}}
	for i, y := range s.Years {
		tr := Track{ID: testID(i), Name: "Song", Album: "Album", ReleaseDate: Date{Year: y, Month: 1, Day: 1},
			Decade: y / 10 * 10, DurationMS: 200000 + float64(i), Popularity: s.Values[Popularity][i]}
		for j := range tr.Audio {
			tr.Audio[j] = 0.5
		}
		for _, c := range s.Columns {
			if k := featureIndex(c); k >= 0 {
				tr.Audio[k] = s.Values[c][i]
			}
		}
		tr.CanonicalID = tr.ID
		cat.Tracks = append(cat.Tracks, tr)
	}
	return cat
}

// near reports whether got is within the absolute or relative tolerance of
// want.
func near(got, want, tol float64) bool { return scalar.EqualWithinAbsOrRel(got, want, tol, tol) }

// column returns the index of a header in a table, failing the test when
// it is missing.
func column(t *testing.T, tb report.Table, header string) int {
	t.Helper()
	for j, h := range tb.Headers {
		if h == header {
			return j
		}
	}
	t.Fatalf("table %q has no column %q (headers %q)", tb.Caption, header, tb.Headers)
	return -1
}

// rendersBoth checks that the table renders as HTML and Markdown with its
// caption, every header and every cell of its first row.
func rendersBoth(t *testing.T, tb report.Table) {
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
