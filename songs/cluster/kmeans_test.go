package cluster

import (
	"math"
	"math/rand/v2"
	"runtime"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/goldentest"
)

// TestKMeansGoldenInit compares with sklearn.cluster.KMeans(init=centres,
// n_init=1, algorithm="lloyd") from the same explicit initial centres
// (testdata/gen_golden_kmeans.py): labels identical, inertia and centres
// to 1e-9 relative, same iteration count.
func TestKMeansGoldenInit(t *testing.T) {
	g := kmGolden(t)
	for _, c := range g.KMeans {
		for _, algo := range []KMeansAlgorithm{Lloyd, Hamerly} {
			tol := c.Tol
			if tol == 0 {
				tol = -1
			}
			km := KMeans{K: len(c.Init), Init: goldentest.Dense(c.Init), Tol: tol, MaxIter: c.MaxIter, Algorithm: algo}
			if err := km.Fit(goldentest.Dense(c.X), c.Weights); err != nil {
				t.Fatalf("%s: %v", c.Name, err)
			}
			for i, l := range c.Labels {
				if km.Labels[i] != l {
					t.Fatalf("%s algo %d: label %d = %d, sklearn %d", c.Name, algo, i, km.Labels[i], l)
				}
			}
			if !scalar.EqualWithinAbsOrRel(km.Inertia, c.Inertia, 1e-9, 1e-9) {
				t.Errorf("%s algo %d: inertia %.12g, sklearn %.12g", c.Name, algo, km.Inertia, c.Inertia)
			}
			if km.NIter != c.NIter {
				t.Errorf("%s algo %d: n_iter %d, sklearn %d", c.Name, algo, km.NIter, c.NIter)
			}
			for j, row := range c.Centres {
				for f, v := range row {
					if !scalar.EqualWithinAbsOrRel(km.Centres.At(j, f), v, 1e-9, 1e-9) {
						t.Errorf("%s algo %d: centre %d,%d = %v, sklearn %v", c.Name, algo, j, f, km.Centres.At(j, f), v)
					}
				}
			}
		}
	}
}

// TestKMeansSeeded checks that our own k-means++ draws reach an optimum at
// least as good as sklearn's KMeans(n_init=10, random_state=0): inertia no
// more than 1e-3 relative above it and ARI >= 0.95 with its labels.
func TestKMeansSeeded(t *testing.T) {
	g := kmGolden(t)
	x := map[string]*mat.Dense{}
	for _, c := range g.KMeans {
		x[c.Name] = goldentest.Dense(c.X)
	}
	for _, s := range g.Seeded {
		for _, algo := range []KMeansAlgorithm{Lloyd, Hamerly} {
			km := KMeans{K: s.K, Seed: 1, Algorithm: algo}
			if err := km.Fit(x[s.Name], nil); err != nil {
				t.Fatal(err)
			}
			if km.Inertia > s.Inertia*(1+1e-3) {
				t.Errorf("%s: inertia %.6f above sklearn %.6f", s.Name, km.Inertia, s.Inertia)
			}
			if ari := AdjustedRandIndex(km.Labels, s.Labels); ari < 0.95 {
				t.Errorf("%s: ARI with sklearn %.4f < 0.95", s.Name, ari)
			}
		}
	}
}

// TestKMeansInvariants checks determinism across GOMAXPROCS, refits on the
// same receiver, Hamerly = Lloyd, and Predict on the fitted rows.
func TestKMeansInvariants(t *testing.T) {
	x := kmBlobs(20000, 5, 6, 1.5, 3)
	ref := KMeans{K: 6, Seed: 7, Algorithm: Lloyd}
	if err := ref.Fit(x, nil); err != nil {
		t.Fatal(err)
	}
	prev := runtime.GOMAXPROCS(1)
	one := KMeans{K: 6, Seed: 7, Algorithm: Lloyd}
	err := one.Fit(x, nil)
	runtime.GOMAXPROCS(prev)
	if err != nil {
		t.Fatal(err)
	}
	if one.Inertia != ref.Inertia {
		t.Errorf("GOMAXPROCS=1 inertia %v differs from %v", one.Inertia, ref.Inertia)
	}
	ham := KMeans{K: 6, Seed: 7}
	if err := ham.Fit(x, nil); err != nil {
		t.Fatal(err)
	}
	if ari := AdjustedRandIndex(ham.Labels, ref.Labels); ari != 1 || ham.NIter != ref.NIter {
		t.Errorf("Hamerly ARI %v n_iter %d, Lloyd n_iter %d", ari, ham.NIter, ref.NIter)
	}
	if !scalar.EqualWithinAbsOrRel(ham.Inertia, ref.Inertia, 1e-9, 1e-9) {
		t.Errorf("Hamerly inertia %v, Lloyd %v", ham.Inertia, ref.Inertia)
	}
	first := ham.Inertia
	if err := ham.Fit(x, nil); err != nil || ham.Inertia != first {
		t.Errorf("refit inertia %v, first %v (err %v)", ham.Inertia, first, err)
	}
	pred := ham.Predict(nil, x)
	for i, l := range pred {
		if l != ham.Labels[i] {
			t.Fatalf("Predict row %d = %d, label %d", i, l, ham.Labels[i])
		}
	}
	w, err := Inertia(x, ham.Labels, nil)
	if err != nil || !scalar.EqualWithinAbsOrRel(w, ham.Inertia, 1e-9, 1e-9) {
		t.Errorf("Inertia(labels) %v, fitted %v", w, ham.Inertia)
	}
}

func TestKMeansErrors(t *testing.T) {
	km := KMeans{K: 3}
	if err := km.Fit(mat.NewDense(2, 2, []float64{0, 1, 2, 3}), nil); err == nil {
		t.Error("no error for fewer rows than clusters")
	}
	if err := km.Fit(mat.NewDense(3, 1, []float64{0, math.NaN(), 2}), nil); err == nil {
		t.Error("no error for NaN")
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Error("no panic for K=0")
			}
		}()
		(&KMeans{}).Fit(mat.NewDense(3, 1, nil), nil)
	}()
}

// kmBlobs returns n rows of k isotropic Gaussian blobs in d dimensions with
// centres uniform in [-10, 10] and the given standard deviation.
func kmBlobs(n, d, k int, std float64, seed uint64) *mat.Dense {
	rng := kmRand(seed)
	centres := make([]float64, k*d)
	for i := range centres {
		centres[i] = 20*rng.Float64() - 10
	}
	x := mat.NewDense(n, d, nil)
	for i := 0; i < n; i++ {
		c := i % k
		for f := 0; f < d; f++ {
			x.Set(i, f, centres[c*d+f]+std*rng.NormFloat64())
		}
	}
	return x
}

// TestKMeansLockstepDeterminism checks that the restarts run in lockstep
// give the same fit whatever GOMAXPROCS is (blocks and reductions are fixed
// by n alone), for both algorithms, and that a restart does not depend on
// the others: the first run of NInit=4 is the single run of NInit=1.
func TestKMeansLockstepDeterminism(t *testing.T) {
	x := kmBlobs(30000, 7, 8, 3, 11)
	for _, algo := range []KMeansAlgorithm{Hamerly, Lloyd} {
		ref := KMeans{K: 8, Seed: 3, NInit: 4, Algorithm: algo}
		if err := ref.Fit(x, nil); err != nil {
			t.Fatal(err)
		}
		prev := runtime.GOMAXPROCS(1)
		one := KMeans{K: 8, Seed: 3, NInit: 4, Algorithm: algo}
		err := one.Fit(x, nil)
		runtime.GOMAXPROCS(prev)
		if err != nil {
			t.Fatal(err)
		}
		if one.Inertia != ref.Inertia || one.NIter != ref.NIter {
			t.Errorf("algo %d: GOMAXPROCS=1 inertia %v n_iter %d, default %v %d", algo, one.Inertia, one.NIter, ref.Inertia, ref.NIter)
		}
		for i := range ref.Labels {
			if one.Labels[i] != ref.Labels[i] {
				t.Fatalf("algo %d: GOMAXPROCS=1 label %d differs", algo, i)
			}
		}
	}
	// Run 0 of a lockstep fit, taken alone.
	data, _, err := kmCentredRows(x)
	if err != nil {
		t.Fatal(err)
	}
	n, d := x.Dims()
	w := make([]float64, n)
	for i := range w {
		w[i] = 1
	}
	joint := newKMJoint(data, w, n, d, 8, 4, Hamerly, true)
	joint.plusPlus(rand.New(rand.NewPCG(3, 0x6b6d65616e73)))
	joint.solve(300, 1e-4*kmMeanVariance(data, n, d))
	single := KMeans{K: 8, Seed: 3, NInit: 1}
	if err := single.Fit(x, nil); err != nil {
		t.Fatal(err)
	}
	if joint.runs[0].inertia != single.Inertia || joint.runs[0].iters != single.NIter {
		t.Errorf("run 0 of four: inertia %v n_iter %d; alone %v %d", joint.runs[0].inertia, joint.runs[0].iters, single.Inertia, single.NIter)
	}
}
