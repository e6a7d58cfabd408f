package embed

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/goldentest"
)

// TestFastICAGolden compares FastICA with sklearn.decomposition.FastICA
// from scikit-learn 1.2.1 started from the same w_init (each case's
// "source" in testdata/golden_linear.json): iterations exactly, whitening,
// mean, components, mixing and sources up to the sign and order of the
// components.
func TestFastICAGolden(t *testing.T) {
	g := loadLinearGolden(t)
	x := goldentest.Dense(g.ICA.X)
	n, d := x.Dims()
	xc := mat.NewDense(n, d, nil)
	for j := 0; j < d; j++ {
		m := 0.0
		for i := 0; i < n; i++ {
			m += x.At(i, j)
		}
		m /= float64(n)
		for i := 0; i < n; i++ {
			xc.Set(i, j, x.At(i, j)-m)
		}
	}
	algos := map[string]ICAAlgorithm{"parallel": ICAParallel, "deflation": ICADeflation}
	funs := map[string]ICAFunction{"logcosh": ICALogCosh, "exp": ICAExp, "cube": ICACube}
	solvers := map[string]WhitenSolver{"svd": WhitenSVD, "eigh": WhitenEigh}
	for _, c := range g.ICA.Cases {
		name := c.Algorithm + "/" + c.Fun + "/" + c.WhitenSolver
		f := FastICA{
			NComponents: c.NComponents,
			Algorithm:   algos[c.Algorithm],
			Fun:         funs[c.Fun],
			Whiten:      solvers[c.WhitenSolver],
			WInit:       goldentest.Dense(g.ICA.WInit),
		}
		if c.NComponents != 0 {
			name += "/k2"
			f.WInit = goldentest.Dense(c.WInit2)
		}
		in := x
		if c.CentredInput {
			in = xc
		}
		var s mat.Dense
		if err := f.FitTransform(&s, in); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if f.NIter() != c.NIter || !f.Converged() {
			t.Errorf("%s: %d iterations (converged %v), scikit-learn %d", name, f.NIter(), f.Converged(), c.NIter)
		}
		const tol = 1e-9
		sameSlice(t, name+" mean", f.Mean(), c.Mean, 1e-12)
		var kw, comps, mix mat.Dense
		f.WhiteningTo(&kw)
		sameMatrix(t, name+" whitening", &kw, c.Whitening, tol)
		f.ComponentsTo(&comps)
		perm, sign := matchRows(t, name, &comps, c.Components)
		sameMatrix(t, name+" components", permuteRows(&comps, perm, sign), c.Components, tol)
		f.MixingTo(&mix)
		sameMatrix(t, name+" mixing", permuteRows(mix.T(), perm, sign).T(), c.Mixing, tol)
		head := mat.DenseCopyOf(s.Slice(0, len(c.SourcesHead), 0, f.k))
		sameMatrix(t, name+" sources", permuteRows(head.T(), perm, sign).T(), c.SourcesHead, tol)
		// Transform of the training data gives the same sources.
		var s2 mat.Dense
		f.Transform(&s2, in)
		if !mat.EqualApprox(&s2, &s, 1e-10) {
			t.Errorf("%s: Transform differs from FitTransform", name)
		}
		if f.k == d {
			var back mat.Dense
			f.InverseTransform(&back, &s)
			if !mat.EqualApprox(&back, in, 1e-9) {
				t.Errorf("%s: inverse transform does not recover the data", name)
			}
		}
	}
}

// matchRows pairs each row of want with the row of got it is most
// parallel to, and returns the permutation and signs that map got onto
// want. It fails t if the pairing is not one to one.
func matchRows(t *testing.T, name string, got mat.Matrix, want [][]float64) ([]int, []float64) {
	t.Helper()
	r, c := got.Dims()
	perm := make([]int, len(want))
	sign := make([]float64, len(want))
	used := make([]bool, r)
	for i, w := range want {
		best, bestCos := -1, 0.0
		for j := 0; j < r; j++ {
			dot, ng, nw := 0.0, 0.0, 0.0
			for l := 0; l < c; l++ {
				dot += got.At(j, l) * w[l]
				ng += got.At(j, l) * got.At(j, l)
				nw += w[l] * w[l]
			}
			if cos := dot / math.Sqrt(ng*nw); math.Abs(cos) > math.Abs(bestCos) {
				best, bestCos = j, cos
			}
		}
		if used[best] {
			t.Fatalf("%s: component %d has no match of its own", name, i)
		}
		used[best] = true
		perm[i] = best
		sign[i] = math.Copysign(1, bestCos)
	}
	return perm, sign
}

// permuteRows returns the matrix whose row i is sign[i] times row perm[i]
// of m.
func permuteRows(m mat.Matrix, perm []int, sign []float64) *mat.Dense {
	_, c := m.Dims()
	out := mat.NewDense(len(perm), c, nil)
	for i, p := range perm {
		for j := 0; j < c; j++ {
			out.Set(i, j, sign[i]*m.At(p, j))
		}
	}
	return out
}

// TestSourceOrder checks the display order against scipy.stats.kurtosis
// and scipy.stats.skew (bias=True) of scikit-learn's sources
// (testdata/golden_linear.json, ica.display), and that Reorder makes
// Transform give the reordered sources.
func TestSourceOrder(t *testing.T) {
	g := loadLinearGolden(t)
	x := goldentest.Dense(g.ICA.X)
	f := FastICA{WInit: goldentest.Dense(g.ICA.WInit), Whiten: WhitenSVD}
	var s mat.Dense
	if err := f.FitTransform(&s, x); err != nil {
		t.Fatal(err)
	}
	order, signs := SourceOrder(&s)
	want := g.ICA.Display
	for i := range order {
		if order[i] != want.Order[i] || signs[i] != want.Signs[i] {
			t.Fatalf("order %v signs %v, want %v %v", order, signs, want.Order, want.Signs)
		}
	}
	var shown mat.Dense
	ReorderColumns(&shown, &s, order, signs)
	f.Reorder(order, signs)
	var again mat.Dense
	f.Transform(&again, x)
	if !mat.EqualApprox(&again, &shown, 1e-10) {
		t.Error("Transform after Reorder differs from ReorderColumns")
	}
	o2, s2 := SourceOrder(&shown)
	for i := range o2 {
		if o2[i] != i || s2[i] != 1 {
			t.Fatalf("reordered sources: order %v signs %v, want identity", o2, s2)
		}
	}
	var back mat.Dense
	f.InverseTransform(&back, &again)
	if !mat.EqualApprox(&back, x, 1e-9) {
		t.Error("inverse transform after Reorder does not recover the data")
	}
}

func TestFastICAErrorsAndPanics(t *testing.T) {
	var f FastICA
	if err := f.Fit(mat.NewDense(1, 2, []float64{1, 2})); err == nil {
		t.Error("one row: no error")
	}
	if err := f.Fit(mat.NewDense(2, 2, []float64{1, math.NaN(), 2, 3})); err == nil {
		t.Error("NaN: no error")
	}
	g := FastICA{NComponents: 3}
	if err := g.Fit(eye(2)); err == nil {
		t.Error("too many components: no error")
	}
	x := benchData(50, 3)
	expectPanics(t, map[string]func(){
		"unfitted": func() { var f FastICA; f.NIter() },
		"alpha":    func() { f := FastICA{Alpha: 3}; _ = f.Fit(x) },
		"winit":    func() { f := FastICA{WInit: eye(2)}; _ = f.Fit(x) },
		"maxiter":  func() { f := FastICA{MaxIter: -1}; _ = f.Fit(x) },
		"reorder":  func() { var f FastICA; _ = f.Fit(x); f.Reorder([]int{0, 0, 1}, nil) },
	})
}

// TestFastICASeedAndRefit checks that the seed alone fixes the result and
// that a refit replaces the previous one.
func TestFastICASeedAndRefit(t *testing.T) {
	g := loadLinearGolden(t)
	x := goldentest.Dense(g.ICA.X)
	a := FastICA{Seed: 3}
	b := FastICA{Seed: 3}
	var sa, sb mat.Dense
	if err := a.FitTransform(&sa, x); err != nil {
		t.Fatal(err)
	}
	if err := b.FitTransform(&sb, x); err != nil {
		t.Fatal(err)
	}
	if !mat.Equal(&sa, &sb) || !a.Converged() {
		t.Errorf("same seed, different sources (converged %v)", a.Converged())
	}
	if err := a.Fit(benchData(80, 2)); err != nil {
		t.Fatal(err)
	}
	if len(a.Mean()) != 2 {
		t.Errorf("refit kept %d means", len(a.Mean()))
	}
}

// TestNumPyNormal compares with numpy.random.RandomState(seed).normal
// (NumPy 1.24.2; testdata/golden_linear.json, numpy_normal).
func TestNumPyNormal(t *testing.T) {
	g := loadLinearGolden(t)
	for _, c := range g.NumPyNormal {
		got := NumPyNormal(c.Seed, len(c.Values), len(c.Values[0]))
		sameMatrix(t, c.Source, got, c.Values, 1e-15)
	}
}
