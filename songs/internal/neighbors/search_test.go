package neighbors

import (
	"math"
	"math/rand/v2"
	"sort"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// randMatrix returns an n×d matrix of standard normal values; with grid
// set, values are rounded to quarters, so that many distances tie.
func randMatrix(n, d int, seed uint64, grid bool) *mat.Dense {
	rng := rand.New(rand.NewPCG(seed, 7))
	x := mat.NewDense(n, d, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < d; j++ {
			v := rng.NormFloat64()
			if grid {
				v = math.Round(4*v) / 4
			}
			x.Set(i, j, v)
		}
	}
	return x
}

// naive is the reference: every distance by SqDist, sorted by (distance,
// index), the first k kept.
func naive(x, q *mat.Dense, k int, self bool) ([]int, []float64) {
	n, _ := x.Dims()
	m, _ := q.Dims()
	var idx []int
	var dist []float64
	for i := 0; i < m; i++ {
		order := make([]int, 0, n)
		d2 := make([]float64, n)
		for j := 0; j < n; j++ {
			d2[j] = SqDist(q.RawRowView(i), x.RawRowView(j))
			if !self || i != j {
				order = append(order, j)
			}
		}
		sort.SliceStable(order, func(a, b int) bool { return d2[order[a]] < d2[order[b]] })
		for _, j := range order[:k] {
			idx = append(idx, j)
			dist = append(dist, math.Sqrt(d2[j]))
		}
	}
	return idx, dist
}

// checkResult requires the same neighbours and the same distances, bit for
// bit, as the reference.
func checkResult(t *testing.T, name string, got *Result, idx []int, dist []float64) {
	t.Helper()
	if len(got.Index) != len(idx) {
		t.Fatalf("%s: %d neighbours, want %d", name, len(got.Index), len(idx))
	}
	for i := range idx {
		if got.Index[i] != idx[i] || got.Dist[i] != dist[i] {
			t.Fatalf("%s: neighbour %d of query %d = (%d, %g), want (%d, %g)",
				name, i%got.K, i/got.K, got.Index[i], got.Dist[i], idx[i], dist[i])
		}
	}
}

func TestSearchMatchesNaive(t *testing.T) {
	for _, tc := range []struct {
		name    string
		n, m, d int
		k       int
		grid    bool
	}{
		{"small", 50, 7, 3, 5, false},
		{"tiles", 2*bruteTile + 17, 131, 11, 10, false},
		{"ties", 700, 70, 2, 12, true},
		{"k=n", 9, 5, 4, 9, false},
		{"wide", 300, 10, 40, 3, false},
		{"one column", 100, 9, 1, 4, true},
	} {
		x := randMatrix(tc.n, tc.d, 1, tc.grid)
		q := randMatrix(tc.m, tc.d, 2, tc.grid)
		idx, dist := naive(x, q, tc.k, false)
		checkResult(t, tc.name+"/brute", Search(x, q, tc.k), idx, dist)
		checkResult(t, tc.name+"/tree", NewTree(x).Search(q, tc.k), idx, dist)
	}
}

func TestSearchSelfMatchesNaive(t *testing.T) {
	for _, tc := range []struct {
		name    string
		n, d, k int
		grid    bool
	}{
		{"small", 40, 3, 4, false},
		{"blocks", 3*queryBlock + 5, 11, 15, false},
		{"ties", 900, 2, 9, true},
		{"duplicates", 200, 1, 30, true},
	} {
		x := randMatrix(tc.n, tc.d, 3, tc.grid)
		idx, dist := naive(x, x, tc.k, true)
		xs, n, d := rowMajor(x)
		checkResult(t, tc.name+"/brute", brute(xs, n, d, xs, n, tc.k, true), idx, dist)
		checkResult(t, tc.name+"/SearchSelf", SearchSelf(x, tc.k), idx, dist)
		checkResult(t, tc.name+"/tree", NewTree(x).SearchSelf(tc.k), idx, dist)
	}
}

func TestSearchFindsItselfAtZero(t *testing.T) {
	x := randMatrix(100, 5, 4, false)
	for name, r := range map[string]*Result{"brute": Search(x, x, 1), "tree": NewTree(x).Search(x, 1)} {
		for i := 0; i < 100; i++ {
			if r.Index[i] != i || r.Dist[i] != 0 {
				t.Fatalf("%s: row %d: nearest (%d, %g), want (%d, 0)", name, i, r.Index[i], r.Dist[i], i)
			}
		}
	}
}

func TestSearchPanics(t *testing.T) {
	x := randMatrix(5, 2, 1, false)
	for name, f := range map[string]func(){
		"k=0":         func() { Search(x, x, 0) },
		"k>n":         func() { Search(x, x, 6) },
		"self k=n":    func() { SearchSelf(x, 5) },
		"width":       func() { Search(x, randMatrix(2, 3, 1, false), 1) },
		"tree k>n":    func() { NewTree(x).Search(x, 6) },
		"tree self":   func() { NewTree(x).SearchSelf(5) },
		"approximate": func() { Approximate(x, 5, 1) },
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

// distOf returns the Euclidean distance between rows i and j of x, as
// a search reports it.
func distOf(x *mat.Dense, i, j int) float64 {
	return math.Sqrt(SqDist(x.RawRowView(i), x.RawRowView(j)))
}

// TestNearestMatchesSearch selects from rows of squared distances, with
// ties, and requires the neighbours SearchSelf finds.
func TestNearestMatchesSearch(t *testing.T) {
	x := randMatrix(300, 2, 6, true)
	const k = 9
	want := SearchSelf(x, k)
	d2 := make([]float64, 300)
	idx, dist := make([]int, k), make([]float64, k)
	for i := 0; i < 300; i++ {
		for j := range d2 {
			d2[j] = SqDist(x.RawRowView(i), x.RawRowView(j))
		}
		Nearest(idx, dist, d2, i)
		wi, wd := want.Row(i)
		for j := range idx {
			if idx[j] != wi[j] || math.Sqrt(dist[j]) != wd[j] {
				t.Fatalf("row %d: neighbour %d = (%d, %v), SearchSelf (%d, %v)", i, j, idx[j], math.Sqrt(dist[j]), wi[j], wd[j])
			}
		}
	}
}
