package neighbors

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// blobs returns n rows in d columns around 8 Gaussian centres in [-4, 4]^d
// with standard deviations in [1.5, 3], shaped like the standardised audio
// features of the study.
func blobs(n, d int, seed uint64) *mat.Dense {
	rng := rand.New(rand.NewPCG(seed, 99))
	const k = 8
	centres := make([]float64, k*d)
	stds := make([]float64, k)
	for c := range stds {
		stds[c] = 1.5 + 1.5*rng.Float64()
		for j := 0; j < d; j++ {
			centres[c*d+j] = -4 + 8*rng.Float64()
		}
	}
	x := mat.NewDense(n, d, nil)
	for i := 0; i < n; i++ {
		c := i % k
		for j := 0; j < d; j++ {
			x.Set(i, j, centres[c*d+j]+stds[c]*rng.NormFloat64())
		}
	}
	return x
}

// TestApproximateRecall compares nearest-neighbour descent with the exact
// neighbours of SearchSelf: pynndescent reaches a recall of about 0.9-0.99
// at these settings. Each row's neighbours must be sorted, at their exact
// distances, and the graph must not depend on GOMAXPROCS.
func TestApproximateRecall(t *testing.T) {
	const n, k = 6000, 14
	x := blobs(n, 11, 1)
	exact := SearchSelf(x, k)
	run := func(procs int) *Result {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		return Approximate(x, k, 7)
	}
	r := run(2)
	hits := 0
	for i := 0; i < n; i++ {
		want, _ := exact.Row(i)
		idx, dist := r.Row(i)
		for j, v := range idx {
			if slices.Contains(want, v) {
				hits++
			}
			if v == i || dist[j] != distOf(x, i, v) || (j > 0 && less(dist[j], v, dist[j-1], idx[j-1])) {
				t.Fatalf("row %d: neighbour %d is (%d, %v), out of order, itself or at the wrong distance", i, j, v, dist[j])
			}
		}
	}
	recall := float64(hits) / float64(n*k)
	t.Logf("recall %.4f", recall)
	if recall < 0.9 {
		t.Errorf("recall %.4f < 0.9", recall)
	}
	r1 := run(1)
	if !slices.Equal(r.Index, r1.Index) || !slices.Equal(r.Dist, r1.Dist) {
		t.Error("result depends on GOMAXPROCS")
	}
}
