package embed

import (
	"math"
	"sort"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/goldentest"
)

// TestTrustworthinessGolden compares with sklearn.manifold.trustworthiness
// (scikit-learn 1.2.1) and with k-NN preservation computed from
// sklearn.neighbors.NearestNeighbors (testdata/golden_linear.json,
// "trustworthiness"; see each case's "source").
func TestTrustworthinessGolden(t *testing.T) {
	g := loadLinearGolden(t)
	for _, c := range g.Trust {
		x, y := goldentest.Dense(c.X), goldentest.Dense(c.Y)
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

// TestTrustworthinessTies compares with the definition computed directly
// (ranks by sorting every row's distances by distance, then index) on
// grid data where many distances tie.
func TestTrustworthinessTies(t *testing.T) {
	x := benchData(120, 3)
	y := benchData(120, 2)
	for _, m := range []*mat.Dense{x, y} {
		r, c := m.Dims()
		for i := 0; i < r; i++ {
			for j := 0; j < c; j++ {
				m.Set(i, j, math.Round(2*m.At(i, j))/2)
			}
		}
	}
	const n, k = 120, 7
	order := func(m *mat.Dense, i int) []int {
		var o []int
		d := make([]float64, n)
		for j := 0; j < n; j++ {
			e := 0.0
			for c := 0; c < m.RawMatrix().Cols; c++ {
				v := m.At(i, c) - m.At(j, c)
				e += v * v
			}
			d[j] = e
			if j != i {
				o = append(o, j)
			}
		}
		sort.SliceStable(o, func(a, b int) bool { return d[o[a]] < d[o[b]] })
		return o
	}
	var penalty float64
	for i := 0; i < n; i++ {
		ox, oy := order(x, i), order(y, i)
		rank := make([]int, n)
		for r, j := range ox {
			rank[j] = r + 1
		}
		for _, j := range oy[:k] {
			penalty += math.Max(0, float64(rank[j]-k))
		}
	}
	want := 1 - 2/(float64(n*k)*(2*n-3*k-1))*penalty
	got, err := Trustworthiness(x, y, k)
	if err != nil || math.Abs(got-want) > 1e-15 {
		t.Errorf("trustworthiness %v (%v), direct %v", got, err, want)
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
	expectPanics(t, map[string]func(){
		"rows": func() { _, _ = Trustworthiness(x, benchData(9, 2), 2) },
		"k":    func() { _, _ = KNNPreservation(x, x, 0) },
	})
}
