package embed

import (
	"math"
	"runtime"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/goldentest"
)

// manifoldRun is one reference fit stored by testdata/gen_golden_manifold.py.
type manifoldRun struct {
	Source          string  `json:"source"`
	KL              float64 `json:"kl_divergence"`
	NIter           int     `json:"n_iter"`
	Trustworthiness float64 `json:"trustworthiness"`
}

// manifoldGolden is testdata/golden_manifold.json, written by
// testdata/gen_golden_manifold.py with scikit-learn 1.2.1 and umap-learn 0.5.3.
type manifoldGolden struct {
	X struct {
		Rows [][]float64 `json:"rows"`
	} `json:"x"`
	TSNEP struct {
		Source string `json:"source"`
		Rows   []struct {
			Cols []int     `json:"cols"`
			Vals []float64 `json:"vals"`
		} `json:"rows"`
	} `json:"tsne_p"`
	TSNEPExact struct {
		Source string      `json:"source"`
		Rows   [][]float64 `json:"rows"`
	} `json:"tsne_p_exact_200"`
	TSNEBH    manifoldRun `json:"tsne_bh"`
	TSNEExact manifoldRun `json:"tsne_exact_200"`
	UMAPAB    struct {
		Source string  `json:"source"`
		A      float64 `json:"a"`
		B      float64 `json:"b"`
	} `json:"umap_ab"`
	UMAPGraph struct {
		Source  string    `json:"source"`
		Sigmas  []float64 `json:"sigmas"`
		Rhos    []float64 `json:"rhos"`
		RowSums []float64 `json:"row_sums"`
		NNZ     int       `json:"nnz"`
	} `json:"umap_graph"`
	UMAP manifoldRun `json:"umap"`
}

func loadManifoldGolden(t testing.TB) *manifoldGolden {
	var g manifoldGolden
	goldentest.ReadInto(t, "testdata/golden_manifold.json", &g)
	return &g
}

// manifoldTrust is Trustworthiness(x, y, k), golden-tested against
// sklearn.manifold.trustworthiness in trust_test.go.
func manifoldTrust(t testing.TB, x, y *mat.Dense, k int) float64 {
	t.Helper()
	v, err := Trustworthiness(x, y, k)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// fitEmbedding fits m to x and returns its embedding, failing t on error.
func fitEmbedding(t testing.TB, m interface {
	Fit(mat.Matrix) error
	EmbeddingTo(*mat.Dense)
}, x mat.Matrix) *mat.Dense {
	t.Helper()
	if err := m.Fit(x); err != nil {
		t.Fatal(err)
	}
	var y mat.Dense
	m.EmbeddingTo(&y)
	return &y
}

func TestTSNEAffinitiesGolden(t *testing.T) {
	g := loadManifoldGolden(t)
	x := goldentest.Dense(g.X.Rows)
	data, n, d := rowMajor(x)
	// Source: g.TSNEP.Source.
	p := jointProbabilitiesNN(data, n, d, 30, 0)
	for i, want := range g.TSNEP.Rows {
		cols := p.col[p.ptr[i]:p.ptr[i+1]]
		vals := p.val[p.ptr[i]:p.ptr[i+1]]
		if len(cols) != len(want.Cols) {
			t.Fatalf("row %d: %d entries, want %d", i, len(cols), len(want.Cols))
		}
		for e := range cols {
			if cols[e] != want.Cols[e] || !scalar.EqualWithinAbsOrRel(vals[e], want.Vals[e], 1e-12, 1e-6) {
				t.Fatalf("row %d entry %d: (%d, %g), want (%d, %g)", i, e, cols[e], vals[e], want.Cols[e], want.Vals[e])
			}
		}
	}
	// Source: g.TSNEPExact.Source.
	sub := x.Slice(0, 200, 0, d).(*mat.Dense)
	data, n, d = rowMajor(sub)
	pe := jointProbabilitiesExact(data, n, d, 30)
	for i, want := range g.TSNEPExact.Rows {
		got := make([]float64, n)
		got[i] = machineEpsilon // squareform leaves the diagonal at eps after the floor
		for e := pe.ptr[i]; e < pe.ptr[i+1]; e++ {
			got[pe.col[e]] = pe.val[e]
		}
		for j := range want {
			if j == i {
				continue
			}
			if !scalar.EqualWithinAbsOrRel(got[j], want[j], 1e-12, 1e-6) {
				t.Fatalf("exact row %d col %d: %g, want %g", i, j, got[j], want[j])
			}
		}
	}
}

func TestTSNEGolden(t *testing.T) {
	g := loadManifoldGolden(t)
	x := goldentest.Dense(g.X.Rows)
	for _, tc := range []struct {
		name   string
		method TSNEMethod
		rows   int
		want   manifoldRun
	}{
		{"barnes-hut", TSNEBarnesHut, 600, g.TSNEBH},
		{"exact", TSNEExact, 200, g.TSNEExact},
	} {
		sub := x.Slice(0, tc.rows, 0, 11).(*mat.Dense)
		ts := NewTSNE(0)
		ts.Method = tc.method
		y := fitEmbedding(t, ts, sub)
		kl := ts.KLDivergence()
		trust := manifoldTrust(t, sub, y, 10)
		t.Logf("%s: KL %.4f (sklearn %.4f), trustworthiness %.4f (sklearn %.4f), n_iter %d (%d)",
			tc.name, kl, tc.want.KL, trust, tc.want.Trustworthiness, ts.NIter(), tc.want.NIter)
		// Source: tc.want.Source; KL within 5 %, trustworthiness at least sklearn's - 0.01.
		if !scalar.EqualWithinRel(kl, tc.want.KL, 0.05) {
			t.Errorf("%s: KL %.4f, want %.4f within 5%%", tc.name, kl, tc.want.KL)
		}
		if trust < tc.want.Trustworthiness-0.01 {
			t.Errorf("%s: trustworthiness %.4f < sklearn's %.4f - 0.01", tc.name, trust, tc.want.Trustworthiness)
		}
	}
}

func TestTSNEDeterministic(t *testing.T) {
	g := loadManifoldGolden(t)
	x := goldentest.Dense(g.X.Rows[:300])
	fit := func(procs int) (*mat.Dense, float64) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		ts := NewTSNE(1)
		ts.MaxIter = 300
		return fitEmbedding(t, ts, x), ts.KLDivergence()
	}
	y1, kl1 := fit(1)
	y4, kl4 := fit(4)
	if !mat.Equal(y1, y4) || kl1 != kl4 {
		t.Errorf("results depend on GOMAXPROCS: KL %v vs %v", kl1, kl4)
	}
	// A refit on the same receiver gives the same answer.
	ts := NewTSNE(1)
	ts.MaxIter = 300
	ts.Init = TSNEInitRandom
	a := fitEmbedding(t, ts, x)
	if b := fitEmbedding(t, ts, x); !mat.Equal(a, b) {
		t.Error("refit differs")
	}
}

func TestTSNEErrorsAndPanics(t *testing.T) {
	x, nan := ramp(), ramp()
	nan.Set(3, 1, math.NaN())
	expectFitErrors(t, NewTSNE(0), map[string]mat.Matrix{
		"2 rows":                     mat.NewDense(2, 3, nil),
		"perplexity 30 with 25 rows": x.Slice(0, 25, 0, 2),
		"NaN":                        nan,
	})
	exact := NewTSNE(0)
	exact.Method = TSNEExact
	expectFitErrors(t, exact, map[string]mat.Matrix{"exact above the limit": mat.NewDense(TSNEExactMaxRows+1, 1, nil)})
	expectPanics(t, map[string]func(){
		"before fit": func() { NewTSNE(0).KLDivergence() },
		"perplexity": func() { (&TSNE{}).Fit(x) },
		"theta": func() {
			ts := NewTSNE(0)
			ts.Theta = -1
			ts.Fit(x)
		},
	})
}
