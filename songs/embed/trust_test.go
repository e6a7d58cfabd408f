package embed

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/mat"
)

// TestTrustworthinessGolden compares with sklearn.manifold.trustworthiness
// (scikit-learn 1.2.1) and with k-NN preservation computed from
// sklearn.neighbors.NearestNeighbors (testdata/golden_linear.json,
// "trustworthiness"; see each case's "source").
func TestTrustworthinessGolden(t *testing.T) {
	g := loadLinearGolden(t)
	for _, c := range g.Trust {
		x, y := denseOf(c.X), denseOf(c.Y)
		n, _ := x.Dims()
		got, err := Trustworthiness(x, y, c.K)
		if err != nil {
			t.Fatal(err)
		}
		if !scalar.EqualWithinAbsOrRel(got, c.Trust, 1e-12, 1e-12) {
			t.Errorf("n=%d k=%d: trustworthiness %.15f, scikit-learn %.15f", n, c.K, got, c.Trust)
		}
		kp, err := KNNPreservation(x, y, c.K)
		if err != nil {
			t.Fatal(err)
		}
		if !scalar.EqualWithinAbsOrRel(kp, c.KNNPreservation, 1e-12, 1e-12) {
			t.Errorf("n=%d k=%d: k-NN preservation %.15f, reference %.15f", n, c.K, kp, c.KNNPreservation)
		}
	}
}

func TestTrustworthinessIdentity(t *testing.T) {
	x := benchData(200, 5)
	for _, k := range []int{1, 5, 20} {
		tw, err := Trustworthiness(x, x, k)
		if err != nil || tw != 1 {
			t.Errorf("k=%d: trustworthiness of x against itself = %v, %v", k, tw, err)
		}
		kp, err := KNNPreservation(x, x, k)
		if err != nil || kp != 1 {
			t.Errorf("k=%d: k-NN preservation of x against itself = %v, %v", k, kp, err)
		}
	}
}

func TestKNearestTies(t *testing.T) {
	dist := []float64{3, 1, 0, 1, 2, 1}
	idx := make([]int, 3)
	val := make([]float64, 3)
	kNearest(idx, val, dist, 2)
	want := []int{1, 3, 5}
	for i := range want {
		if idx[i] != want[i] || val[i] != 1 {
			t.Fatalf("kNearest = %v %v, want %v", idx, val, want)
		}
	}
	kNearest(idx, val, dist, 1)
	want = []int{2, 3, 5}
	for i := range want {
		if idx[i] != want[i] {
			t.Fatalf("kNearest excluding 1 = %v, want %v", idx, want)
		}
	}
}

func TestTrustworthinessErrors(t *testing.T) {
	x := benchData(10, 3)
	if _, err := Trustworthiness(x, x, 5); err == nil {
		t.Error("k = n/2: no error")
	}
	if _, err := KNNPreservation(x, x, 10); err == nil {
		t.Error("k = n: no error")
	}
	bad := mat.DenseCopyOf(x)
	bad.Set(3, 1, math.NaN())
	if _, err := Trustworthiness(x, bad, 2); err == nil {
		t.Error("NaN: no error")
	}
	for name, f := range map[string]func(){
		"rows": func() { _, _ = Trustworthiness(x, benchData(9, 2), 2) },
		"k":    func() { _, _ = KNNPreservation(x, x, 0) },
	} {
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
