package embed

import (
	"math"
	"runtime"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/goldentest"
)

func TestUMAPCurveGolden(t *testing.T) {
	g := loadManifoldGolden(t)
	// Source: g.UMAPAB.Source (scipy curve_fit stops at its own tolerance).
	a, b := umapCurve(1, 0.1)
	if !scalar.EqualWithinRel(a, g.UMAPAB.A, 1e-4) || !scalar.EqualWithinRel(b, g.UMAPAB.B, 1e-4) {
		t.Errorf("a, b = %.6f, %.6f, want %.6f, %.6f", a, b, g.UMAPAB.A, g.UMAPAB.B)
	}
}

func TestUMAPGraphGolden(t *testing.T) {
	g := loadManifoldGolden(t)
	data, n, d := rowMajor(goldentest.Dense(g.X.Rows))
	idx, dist := umapNeighbours(data, n, d, 15, 0)
	sigma, rho := smoothKNNDist(dist, n, 15, 1, 1)
	// Source: g.UMAPGraph.Source; float32 arithmetic on both sides.
	for i := 0; i < n; i++ {
		if !scalar.EqualWithinAbsOrRel(float64(rho[i]), g.UMAPGraph.Rhos[i], 1e-6, 1e-6) {
			t.Fatalf("rho[%d] = %g, want %g", i, rho[i], g.UMAPGraph.Rhos[i])
		}
		if !scalar.EqualWithinAbsOrRel(float64(sigma[i]), g.UMAPGraph.Sigmas[i], 1e-6, 1e-5) {
			t.Fatalf("sigma[%d] = %g, want %g", i, sigma[i], g.UMAPGraph.Sigmas[i])
		}
	}
	fs := fuzzySimplicialSet(idx, dist, n, 15, sigma, rho, 1)
	if len(fs.val) != g.UMAPGraph.NNZ {
		t.Errorf("%d edges, want %d", len(fs.val), g.UMAPGraph.NNZ)
	}
	for i := 0; i < n; i++ {
		var s float64
		for e := fs.ptr[i]; e < fs.ptr[i+1]; e++ {
			s += fs.val[e]
		}
		if !scalar.EqualWithinAbsOrRel(s, g.UMAPGraph.RowSums[i], 1e-6, 1e-5) {
			t.Fatalf("row sum %d = %g, want %g", i, s, g.UMAPGraph.RowSums[i])
		}
	}
}

func TestUMAPGolden(t *testing.T) {
	g := loadManifoldGolden(t)
	x := goldentest.Dense(g.X.Rows)
	u := NewUMAP(0)
	trust := manifoldTrust(t, x, fitEmbedding(t, u, x), 10)
	t.Logf("trustworthiness %.4f (umap-learn %.4f), spectral init %v", trust, g.UMAP.Trustworthiness, u.SpectralInit())
	// Source: g.UMAP.Source; within 0.01 of umap-learn's.
	if trust < g.UMAP.Trustworthiness-0.01 {
		t.Errorf("trustworthiness %.4f < umap-learn's %.4f - 0.01", trust, g.UMAP.Trustworthiness)
	}
}

func TestUMAPDeterministic(t *testing.T) {
	g := loadManifoldGolden(t)
	x := goldentest.Dense(g.X.Rows[:300])
	fit := func(procs int) *mat.Dense {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		u := NewUMAP(3)
		u.NEpochs = 100
		return fitEmbedding(t, u, x)
	}
	y1, y4 := fit(1), fit(4)
	if !mat.Equal(y1, y4) {
		t.Error("embedding depends on GOMAXPROCS")
	}
	if y5 := fit(2); !mat.Equal(y1, y5) {
		t.Error("refit differs")
	}
}

func TestUMAPErrorsAndPanics(t *testing.T) {
	x, inf := ramp(), ramp()
	inf.Set(5, 0, math.Inf(1))
	expectFitErrors(t, NewUMAP(0), map[string]mat.Matrix{"15 rows": mat.NewDense(15, 2, nil), "Inf": inf})
	expectPanics(t, map[string]func(){
		"before fit": func() { NewUMAP(0).AB() },
		"zero value": func() { (&UMAP{}).Fit(x) },
		"min dist": func() {
			u := NewUMAP(0)
			u.MinDist = 2
			u.Fit(x)
		},
	})
}

func TestUMAPLayoutGeneralMatches2D(t *testing.T) {
	g := loadManifoldGolden(t)
	x := goldentest.Dense(g.X.Rows[:200])
	u := NewUMAP(5)
	u.NEpochs = 50
	if err := u.Fit(x); err != nil {
		t.Fatal(err)
	}
	// The same fit through the general-dimension code path.
	data, n, d := rowMajor(x)
	idx, dist := umapNeighbours(data, n, d, 15, 5)
	sigma, rho := smoothKNNDist(dist, n, 15, 1, 1)
	fs := fuzzySimplicialSet(idx, dist, n, 15, sigma, rho, 1)
	y0 := mat.DenseCopyOf(u.embedding)
	u2 := NewUMAP(5)
	u2.NEpochs = 50
	rng := newUMAPRand(u2.Seed)
	y, _ := u2.initial(fs, rng)
	a, b := u.AB()
	l := umapLayout{dim: 2, a: a, b: b, gamma: 1, alpha: 1, negRate: 5, epochs: 50, seed: 5, general: true}
	l.optimise(y, fs)
	if !mat.Equal(y0, mat.NewDense(n, 2, y)) {
		t.Error("2-D and general layouts differ")
	}
}
