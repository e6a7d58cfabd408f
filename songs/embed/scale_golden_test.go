package embed

import (
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/goldentest"
)

// linearGolden mirrors testdata/golden_linear.json, written by
// testdata/gen_golden_linear.py with scikit-learn 1.2.1.
type linearGolden struct {
	Versions map[string]string `json:"versions"`
	Scalers  struct {
		X          [][]float64  `json:"x"`
		X2         [][]float64  `json:"x2"`
		Standard   scalerGolden `json:"standard"`
		Robust     scalerGolden `json:"robust"`
		Robust1090 scalerGolden `json:"robust_10_90"`
		MinMax     scalerGolden `json:"minmax"`
		MinMaxM23  scalerGolden `json:"minmax_m2_3"`
	} `json:"scalers"`
	PCA   []pcaGolden `json:"pca"`
	ICA   icaGolden   `json:"ica"`
	Trust []struct {
		Source          string      `json:"source"`
		K               int         `json:"k"`
		X               [][]float64 `json:"x"`
		Y               [][]float64 `json:"y"`
		Trust           float64     `json:"trustworthiness"`
		KNNPreservation float64     `json:"knn_preservation"`
	} `json:"trustworthiness"`
	NumPyNormal []struct {
		Source string      `json:"source"`
		Seed   uint32      `json:"seed"`
		Values [][]float64 `json:"values"`
	} `json:"numpy_normal"`
}

type scalerGolden struct {
	Source    string      `json:"source"`
	Mean      []float64   `json:"mean"`
	Center    []float64   `json:"center"`
	Scale     []float64   `json:"scale"`
	Low       float64     `json:"low"`
	High      float64     `json:"high"`
	Min       float64     `json:"min"`
	Max       float64     `json:"max"`
	DataMin   []float64   `json:"data_min"`
	DataMax   []float64   `json:"data_max"`
	Transform [][]float64 `json:"transform"`
}

type pcaGolden struct {
	Name       string      `json:"name"`
	Source     string      `json:"source"`
	X          [][]float64 `json:"x"`
	X2         [][]float64 `json:"x2"`
	Mean       []float64   `json:"mean"`
	Components [][]float64 `json:"components"`
	Variance   []float64   `json:"explained_variance"`
	Ratio      []float64   `json:"explained_variance_ratio"`
	Singular   []float64   `json:"singular_values"`
	Scores     [][]float64 `json:"scores"`
	Transform3 [][]float64 `json:"transform3"`
	Inverse3   [][]float64 `json:"inverse3"`
}

type icaGolden struct {
	X     [][]float64 `json:"x"`
	WInit [][]float64 `json:"w_init"`
	Cases []struct {
		Source       string      `json:"source"`
		Algorithm    string      `json:"algorithm"`
		Fun          string      `json:"fun"`
		WhitenSolver string      `json:"whiten_solver"`
		CentredInput bool        `json:"centred_input"`
		NComponents  int         `json:"n_components"`
		WInit2       [][]float64 `json:"w_init_2"`
		NIter        int         `json:"n_iter"`
		Components   [][]float64 `json:"components"`
		Mixing       [][]float64 `json:"mixing"`
		Mean         []float64   `json:"mean"`
		Whitening    [][]float64 `json:"whitening"`
		SourcesHead  [][]float64 `json:"sources_head"`
	} `json:"cases"`
	Display struct {
		Source   string    `json:"source"`
		Kurtosis []float64 `json:"excess_kurtosis"`
		Skewness []float64 `json:"skewness"`
		Order    []int     `json:"order"`
		Signs    []float64 `json:"signs"`
	} `json:"display"`
}

// linearGoldenFile is testdata/golden_linear.json, decoded once per test
// binary.
var linearGoldenFile = goldentest.Once[linearGolden]{Path: "testdata/golden_linear.json"}

// loadLinearGolden reads testdata/golden_linear.json once.
func loadLinearGolden(t testing.TB) *linearGolden {
	t.Helper()
	return linearGoldenFile.Get(t)
}

// sameSlice fails t unless got and want agree element-wise within tol
// (absolute or relative).
func sameSlice(t *testing.T, name string, got, want []float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: len %d, want %d", name, len(got), len(want))
	}
	for i := range got {
		if !scalar.EqualWithinAbsOrRel(got[i], want[i], tol, tol) {
			t.Errorf("%s[%d] = %.15g, want %.15g", name, i, got[i], want[i])
		}
	}
}

// sameMatrix fails t unless got and the rows want agree within tol.
func sameMatrix(t *testing.T, name string, got mat.Matrix, want [][]float64, tol float64) {
	t.Helper()
	r, c := got.Dims()
	if r != len(want) || c != len(want[0]) {
		t.Fatalf("%s: dims %d×%d, want %d×%d", name, r, c, len(want), len(want[0]))
	}
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			if !scalar.EqualWithinAbsOrRel(got.At(i, j), want[i][j], tol, tol) {
				t.Errorf("%s[%d,%d] = %.15g, want %.15g", name, i, j, got.At(i, j), want[i][j])
			}
		}
	}
}
