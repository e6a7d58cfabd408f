package embed

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/goldentest"
)

// TestPCAGolden compares PCA with sklearn.decomposition.PCA(svd_solver=
// "full") from scikit-learn 1.2.1 (testdata/golden_linear.json, "pca"), for
// both solvers: components and scores number for number, including signs.
func TestPCAGolden(t *testing.T) {
	g := loadLinearGolden(t)
	for _, c := range g.PCA {
		for _, solver := range []PCASolver{PCAAuto, PCACovariance, PCASVD} {
			x := goldentest.Dense(c.X)
			n, d := x.Dims()
			// The last component of wide data has zero variance and an
			// arbitrary direction: compare only the informative ones.
			kCmp := min(n, d)
			if n <= d {
				kCmp = n - 1
			}
			p := PCA{Solver: solver}
			var scores mat.Dense
			if err := p.FitTransform(&scores, x); err != nil {
				t.Fatal(err)
			}
			tol := 1e-10
			name := c.Name
			sameSlice(t, name+" mean", p.Mean(), c.Mean, 1e-12)
			sameSlice(t, name+" variance", p.ExplainedVariance()[:kCmp], c.Variance[:kCmp], tol)
			sameSlice(t, name+" ratio", p.ExplainedVarianceRatio()[:kCmp], c.Ratio[:kCmp], tol)
			sameSlice(t, name+" singular", p.SingularValues()[:kCmp], c.Singular[:kCmp], tol)
			var comps mat.Dense
			p.ComponentsTo(&comps)
			sameMatrix(t, name+" components", comps.Slice(0, kCmp, 0, d), c.Components[:kCmp], tol)
			sameMatrix(t, name+" scores", scores.Slice(0, n, 0, kCmp), columnsOf(c.Scores, kCmp), tol)

			p3 := PCA{NComponents: 3, Solver: solver}
			if err := p3.Fit(x); err != nil {
				t.Fatal(err)
			}
			var z, back mat.Dense
			p3.Transform(&z, goldentest.Dense(c.X2))
			sameMatrix(t, name+" transform3", &z, c.Transform3, tol)
			p3.InverseTransform(&back, &z)
			sameMatrix(t, name+" inverse3", &back, c.Inverse3, tol)
		}
	}
}

// columnsOf returns the first k columns of rows.
func columnsOf(rows [][]float64, k int) [][]float64 {
	out := make([][]float64, len(rows))
	for i, r := range rows {
		out[i] = r[:k]
	}
	return out
}

// TestPCAInvariants checks orthonormal axes, loadings, a full round trip,
// ComponentsFor and that a refit on the same receiver replaces the results.
func TestPCAInvariants(t *testing.T) {
	g := loadLinearGolden(t)
	x := goldentest.Dense(g.PCA[0].X)
	n, d := x.Dims()
	var p PCA
	if err := p.Fit(x); err != nil {
		t.Fatal(err)
	}
	var v, vvt mat.Dense
	p.ComponentsTo(&v)
	vvt.Mul(&v, v.T())
	if !mat.EqualApprox(&vvt, eye(d), 1e-12) {
		t.Errorf("components are not orthonormal")
	}
	var l mat.Dense
	p.LoadingsTo(&l)
	ev := p.ExplainedVariance()
	for i := 0; i < d; i++ {
		for j := 0; j < d; j++ {
			if want := v.At(j, i) * math.Sqrt(ev[j]); !scalar.EqualWithinAbsOrRel(l.At(i, j), want, 1e-14, 1e-14) {
				t.Fatalf("loading[%d,%d] = %g, want %g", i, j, l.At(i, j), want)
			}
		}
	}
	var z, back mat.Dense
	p.Transform(&z, x)
	p.InverseTransform(&back, &z)
	if !mat.EqualApprox(&back, x, 1e-10) {
		t.Errorf("full inverse transform does not recover the data")
	}
	cum := p.CumulativeRatio()
	if !scalar.EqualWithinAbsOrRel(cum[d-1], 1, 1e-12, 1e-12) {
		t.Errorf("cumulative ratio ends at %g", cum[d-1])
	}
	for k := 1; k < d; k++ {
		target := cum[k-1] - 1e-9
		if got := p.ComponentsFor(target); got != k {
			t.Errorf("ComponentsFor(%g) = %d, want %d", target, got, k)
		}
	}
	// A refit replaces all results.
	if err := p.Fit(goldentest.Dense(g.PCA[1].X)); err != nil {
		t.Fatal(err)
	}
	if got := len(p.Mean()); got != 8 {
		t.Errorf("refit kept %d means, want 8", got)
	}
	_ = n
}

// expectPanics fails t for each case that returns without panicking.
// expectFitErrors checks that m.Fit returns an error on each named input.
func expectFitErrors(t *testing.T, m interface{ Fit(mat.Matrix) error }, cases map[string]mat.Matrix) {
	t.Helper()
	for name, x := range cases {
		if err := m.Fit(x); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// ramp returns 40 valid rows (i, i mod 7) for the error tests to spoil.
func ramp() *mat.Dense {
	x := mat.NewDense(40, 2, nil)
	for i := 0; i < 40; i++ {
		x.Set(i, 0, float64(i))
		x.Set(i, 1, float64(i%7))
	}
	return x
}

func expectPanics(t *testing.T, cases map[string]func()) {
	t.Helper()
	for name, f := range cases {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}

func eye(n int) *mat.Dense {
	m := mat.NewDense(n, n, nil)
	for i := 0; i < n; i++ {
		m.Set(i, i, 1)
	}
	return m
}

func TestPCAErrorsAndPanics(t *testing.T) {
	var p PCA
	if err := p.Fit(mat.NewDense(1, 3, nil)); err == nil {
		t.Error("one row: no error")
	}
	if err := p.Fit(mat.NewDense(2, 2, []float64{1, math.Inf(-1), 2, 3})); err == nil {
		t.Error("infinite value: no error")
	}
	q := PCA{NComponents: 4}
	if err := q.Fit(mat.NewDense(3, 3, []float64{1, 2, 3, 4, 5, 6, 7, 8, 10})); err == nil {
		t.Error("too many components: no error")
	}
	cases := map[string]func(){
		"unfitted":  func() { var p PCA; p.ExplainedVariance() },
		"negative":  func() { p := PCA{NComponents: -1}; _ = p.Fit(eye(3)) },
		"target":    func() { p := PCA{}; _ = p.Fit(eye(3)); p.ComponentsFor(1) },
		"columns":   func() { p := PCA{}; _ = p.Fit(eye(3)); var z mat.Dense; p.Transform(&z, eye(2)) },
		"inverse k": func() { p := PCA{NComponents: 2}; _ = p.Fit(eye(3)); var z mat.Dense; p.InverseTransform(&z, eye(3)) },
	}
	expectPanics(t, cases)
}
