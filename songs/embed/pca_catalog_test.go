package embed

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/goldentest"
)

// catalogPath is where the Makefile stages the real catalog.
var catalogPath = filepath.Join("..", "..", "data", "raw", "rolling_stones_spotify.csv")

// catalogFeatures are the original study's 11 clustering features.
var catalogFeatures = []string{"acousticness", "danceability", "energy", "instrumentalness", "liveness",
	"loudness", "speechiness", "tempo", "valence", "popularity", "duration_ms"}

// readCatalog returns the 11 features of the real catalog and its
// number_row column, or skips the test if the catalog is not staged (fails
// when CI=true).
func readCatalog(t *testing.T) (x *mat.Dense, numberRow []int) {
	t.Helper()
	f, err := os.Open(catalogPath)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("real catalog needed in CI: %v", err)
		}
		t.Skipf("real catalog not staged at %s (make data stages it): %v", catalogPath, err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	x = mat.NewDense(len(recs)-1, len(catalogFeatures), nil)
	for i, rec := range recs[1:] {
		for j, name := range catalogFeatures {
			v, err := strconv.ParseFloat(rec[col[name]], 64)
			if err != nil {
				t.Fatal(err)
			}
			x.Set(i, j, v)
		}
		nr, err := strconv.Atoi(rec[col["number_row"]])
		if err != nil {
			t.Fatal(err)
		}
		numberRow = append(numberRow, nr)
	}
	return x, numberRow
}

// extremeRows returns the indices of the m largest (or smallest) values of
// column j, earlier rows first among ties, as pandas' nlargest/nsmallest.
func extremeRows(x *mat.Dense, j, m int, largest bool) []int {
	n, _ := x.Dims()
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		if largest {
			return x.At(idx[a], j) > x.At(idx[b], j)
		}
		return x.At(idx[a], j) < x.At(idx[b], j)
	})
	return idx[:m]
}

// TestPCACatalog reproduces the original study's PCA of the 11 standardised
// features of the real catalog, against scikit-learn 1.2.1
// (testdata/golden_linear_catalog.json from gen_golden_linear.py:
// StandardScaler then PCA(svd_solver="full")).
func TestPCACatalog(t *testing.T) {
	x, numberRow := readCatalog(t)
	type result struct {
		Rows       int         `json:"rows"`
		Ratio      []float64   `json:"explained_variance_ratio"`
		Cumulative []float64   `json:"cumulative"`
		For95      int         `json:"components_for_95"`
		Components [][]float64 `json:"components"`
		ScoresHead [][]float64 `json:"scores_head"`
		ICANIter   int         `json:"fastica_random_state_0_n_iter"`
		ICAComps   [][]float64 `json:"fastica_random_state_0_components"`
	}
	var g struct {
		Dropped  []int  `json:"dropped_number_row"`
		All      result `json:"all"`
		Original result `json:"original"`
	}
	goldentest.ReadInto(t, "testdata/golden_linear_catalog.json", &g)
	// The original study dropped the most extreme rows by hand.
	drop := map[int]bool{}
	for _, e := range []struct {
		col     string
		m       int
		largest bool
	}{{"acousticness", 2, true}, {"energy", 2, false}, {"loudness", 4, false}, {"speechiness", 3, true}, {"duration_ms", 3, true}} {
		for k, name := range catalogFeatures {
			if name == e.col {
				for _, i := range extremeRows(x, k, e.m, e.largest) {
					drop[i] = true
				}
			}
		}
	}
	var dropped, keep []int
	for i := range numberRow {
		if drop[i] {
			dropped = append(dropped, numberRow[i])
		} else {
			keep = append(keep, i)
		}
	}
	sort.Ints(dropped)
	if len(dropped) != len(g.Dropped) {
		t.Fatalf("dropped %v, want %v", dropped, g.Dropped)
	}
	for i := range dropped {
		if dropped[i] != g.Dropped[i] {
			t.Fatalf("dropped %v, want %v", dropped, g.Dropped)
		}
	}
	_, d := x.Dims()
	original := mat.NewDense(len(keep), d, nil)
	for r, i := range keep {
		original.SetRow(r, x.RawRowView(i))
	}
	for _, c := range []struct {
		name string
		x    *mat.Dense
		want result
	}{{"all", x, g.All}, {"original", original, g.Original}} {
		var s StandardScaler
		var z, scores mat.Dense
		if err := s.FitTransform(&z, c.x); err != nil {
			t.Fatal(err)
		}
		var p PCA
		if err := p.FitTransform(&scores, &z); err != nil {
			t.Fatal(err)
		}
		sameSlice(t, c.name+" ratio", p.ExplainedVarianceRatio(), c.want.Ratio, 1e-10)
		sameSlice(t, c.name+" cumulative", p.CumulativeRatio(), c.want.Cumulative, 1e-10)
		if got := p.ComponentsFor(0.95); got != c.want.For95 {
			t.Errorf("%s: %d components for 95%%, want %d", c.name, got, c.want.For95)
		}
		var comps mat.Dense
		p.ComponentsTo(&comps)
		sameMatrix(t, c.name+" components", &comps, c.want.Components, 1e-9)
		sameMatrix(t, c.name+" scores", scores.Slice(0, 10, 0, d), c.want.ScoresHead, 1e-9)

		// FastICA from scikit-learn's random_state=0 initial matrix:
		// the same number of iterations and the same components.
		f := FastICA{WInit: NumPyNormal(0, d, d), Whiten: WhitenSVD}
		if err := f.Fit(&z); err != nil {
			t.Fatal(err)
		}
		if f.NIter() != c.want.ICANIter {
			t.Errorf("%s: FastICA took %d iterations, scikit-learn %d", c.name, f.NIter(), c.want.ICANIter)
		}
		var ic mat.Dense
		f.ComponentsTo(&ic)
		sameMatrix(t, c.name+" ICA components", &ic, c.want.ICAComps, 1e-9)
	}
	// The original study's published figures.
	var z mat.Dense
	var s StandardScaler
	_ = s.FitTransform(&z, original)
	var p PCA
	_ = p.Fit(&z)
	if r := p.ExplainedVarianceRatio()[0]; !scalar.EqualWithinAbs(r, 0.2838, 5e-5) {
		t.Errorf("first ratio %.5f, the original printed 0.2838", r)
	}
	if k, cum := p.ComponentsFor(0.95), p.CumulativeRatio(); k != 9 || !scalar.EqualWithinAbs(cum[8], 0.9588, 5e-5) {
		t.Errorf("%d components for 95%% (cumulative %.5f), the original printed 9 (0.9588)", k, cum[k-1])
	}
}
