package cluster

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/songcohorts/cohorts/songs/internal/blobtest"
	"github.com/songcohorts/cohorts/songs/internal/neighbors"
)

// TestMeanShiftClimbNaive compares the batched climb with each seed
// climbing alone by the definition (sklearn.cluster.MeanShift's
// _mean_shift_single_seed: the mean of the rows within bw, until the shift
// is below 1e-3·bw or max_iter steps), on rows spanning several tiles.
func TestMeanShiftClimbNaive(t *testing.T) {
	n := 3*neighbors.TileSize + 37
	x := blobtest.Blobs(n, 11, 13)
	data, _, d, _ := densityRows(x)
	bw, err := EstimateBandwidth(x, 0.05, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	seeds := binSeeds(data, n, d, bw, 1)
	ns := len(seeds) / d
	ends := append([]float64(nil), seeds...)
	counts, iters := make([]int, ns), make([]int, ns)
	meanShiftClimb(neighbors.NewTiles(data, n, d), ends, bw, 300, counts, iters)
	shared := 0
	for s := 0; s < ns; s++ {
		mean := append([]float64(nil), seeds[s*d:(s+1)*d]...)
		it, cnt := 0, 0
		for {
			sum := make([]float64, d)
			cnt = 0
			for i := 0; i < n; i++ {
				if neighbors.SqDist(mean, data[i*d:(i+1)*d]) <= bw*bw {
					cnt++
					for j := range sum {
						sum[j] += data[i*d+j]
					}
				}
			}
			if cnt == 0 {
				break
			}
			old := append([]float64(nil), mean...)
			for j := range mean {
				mean[j] = sum[j] / float64(cnt)
			}
			if math.Sqrt(neighbors.SqDist(mean, old)) < 1e-3*bw || it == 300 {
				break
			}
			it++
		}
		if counts[s] != cnt || iters[s] != it {
			t.Fatalf("seed %d: count %d after %d steps, want %d after %d", s, counts[s], iters[s], cnt, it)
		}
		for j, v := range mean {
			if !scalar.EqualWithinAbsOrRel(ends[s*d+j], v, 1e-9, 1e-9) {
				t.Fatalf("seed %d: end[%d] = %v, want %v", s, j, ends[s*d+j], v)
			}
		}
		if s > 0 && neighbors.SqDist(ends[s*d:(s+1)*d], ends[:d]) == 0 {
			shared++
		}
	}
	t.Logf("%d seeds over %d rows, bandwidth %.4f; %d end on seed 0's point", ns, n, bw, shared)
}
