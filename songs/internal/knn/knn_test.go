package knn

import (
	"math"
	"math/rand/v2"
	"sort"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/mat"
)

// randMatrix returns an n×d matrix of standard normal values.
func randMatrix(n, d int, seed uint64) *mat.Dense {
	rng := rand.New(rand.NewPCG(seed, 7))
	x := mat.NewDense(n, d, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < d; j++ {
			x.Set(i, j, rng.NormFloat64())
		}
	}
	return x
}

// roundedMatrix returns values on a coarse grid so that many distances tie.
func roundedMatrix(n, d int, seed uint64) *mat.Dense {
	x := randMatrix(n, d, seed)
	for i := 0; i < n; i++ {
		for j := 0; j < d; j++ {
			x.Set(i, j, math.Round(x.At(i, j)))
		}
	}
	return x
}

// naive is the reference: every distance, sorted by (distance, index).
func naive(x, q *mat.Dense, k int, self bool) ([]int, []float64) {
	n, _ := x.Dims()
	m, _ := q.Dims()
	var idx []int
	var dist []float64
	for i := 0; i < m; i++ {
		type pair struct {
			d float64
			j int
		}
		var ps []pair
		for j := 0; j < n; j++ {
			if self && i == j {
				continue
			}
			var s float64
			for c := 0; c < x.RawMatrix().Cols; c++ {
				t := q.At(i, c) - x.At(j, c)
				s += t * t
			}
			ps = append(ps, pair{s, j})
		}
		sort.Slice(ps, func(a, b int) bool {
			return ps[a].d < ps[b].d || (ps[a].d == ps[b].d && ps[a].j < ps[b].j)
		})
		for _, p := range ps[:k] {
			idx = append(idx, p.j)
			dist = append(dist, math.Sqrt(p.d))
		}
	}
	return idx, dist
}

func checkResult(t *testing.T, name string, got *Result, idx []int, dist []float64) {
	t.Helper()
	if len(got.Index) != len(idx) {
		t.Fatalf("%s: %d neighbours, want %d", name, len(got.Index), len(idx))
	}
	for i := range idx {
		if got.Index[i] != idx[i] || !scalar.EqualWithinAbsOrRel(got.Dist[i], dist[i], 1e-14, 1e-14) {
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
		rounded bool
	}{
		{"small", 50, 7, 3, 5, false},
		{"tiles", 2*dataTile + 17, 131, 11, 10, false},
		{"ties", 700, 70, 2, 12, true},
		{"k=n", 9, 5, 4, 9, false},
		{"wide", 300, 10, 40, 3, false},
	} {
		x := randMatrix(tc.n, tc.d, 1)
		q := randMatrix(tc.m, tc.d, 2)
		if tc.rounded {
			x = roundedMatrix(tc.n, tc.d, 1)
			q = roundedMatrix(tc.m, tc.d, 2)
		}
		idx, dist := naive(x, q, tc.k, false)
		checkResult(t, tc.name+"/brute", Search(x, q, tc.k), idx, dist)
		checkResult(t, tc.name+"/tree", NewTree(x).Search(q, tc.k), idx, dist)
	}
}

func TestSearchSelfMatchesNaive(t *testing.T) {
	for _, tc := range []struct {
		name    string
		n, d, k int
		rounded bool
	}{
		{"small", 40, 3, 4, false},
		{"blocks", 3*queryBlock + 5, 11, 15, false},
		{"ties", 900, 2, 9, true},
		{"duplicates", 200, 1, 30, true},
	} {
		x := randMatrix(tc.n, tc.d, 3)
		if tc.rounded {
			x = roundedMatrix(tc.n, tc.d, 3)
		}
		idx, dist := naive(x, x, tc.k, true)
		checkResult(t, tc.name+"/brute", SearchSelf(x, tc.k), idx, dist)
		checkResult(t, tc.name+"/tree", NewTree(x).SearchSelf(tc.k), idx, dist)
	}
}

func TestSearchIncludesSelfAtZero(t *testing.T) {
	x := randMatrix(100, 5, 4)
	r := Search(x, x, 1)
	for i := 0; i < 100; i++ {
		if r.Index[i] != i || r.Dist[i] != 0 {
			t.Fatalf("row %d: nearest (%d, %g), want (%d, 0)", i, r.Index[i], r.Dist[i], i)
		}
	}
}

func TestSearchPanics(t *testing.T) {
	x := randMatrix(5, 2, 1)
	for name, f := range map[string]func(){
		"k=0":       func() { Search(x, x, 0) },
		"k>n":       func() { Search(x, x, 6) },
		"self k=n":  func() { SearchSelf(x, 5) },
		"width":     func() { Search(x, randMatrix(2, 3, 1), 1) },
		"tree k>n":  func() { NewTree(x).Search(x, 6) },
		"tree self": func() { NewTree(x).SearchSelf(5) },
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

func TestPortableKernelMatches(t *testing.T) {
	saved := hasAVX2FMA
	defer func() { hasAVX2FMA = saved }()
	x := randMatrix(dataTile+333, 11, 5)
	q := randMatrix(67, 11, 6)
	idx, dist := naive(x, q, 7, false)
	for _, simd := range []bool{false, saved} {
		hasAVX2FMA = simd
		checkResult(t, "portable", Search(x, q, 7), idx, dist)
	}
}
