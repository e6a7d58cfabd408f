package neighbors

import (
	"runtime"
	"slices"
	"testing"

	"github.com/songcohorts/cohorts/songs/internal/blobtest"
)

// TestApproximateRecall compares nearest-neighbour descent with the exact
// neighbours of SearchSelf: pynndescent reaches a recall of about 0.9-0.99
// at these settings. Each row's neighbours must be sorted, at their exact
// distances, and the graph must not depend on GOMAXPROCS.
func TestApproximateRecall(t *testing.T) {
	const n, k = 6000, 14
	x := blobtest.Blobs(n, 11, 1)
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
