package cluster

import (
	"math"
	"math/rand/v2"
	"sort"

	"github.com/songcohorts/cohorts/songs/internal/neighbors"
)

// plusPlus fills r.centres by greedy k-means++ seeding as scikit-learn's
// _kmeans_plusplus: the first centre is a uniformly drawn row; each next
// centre is the best, by the resulting potential (sum of squared distances
// to the nearest centre), of 2+floor(ln k) rows drawn with probability
// proportional to the current squared distance to the nearest centre.
// All candidates of a step are evaluated in one pass over the data.
func (r *kmeansRun) plusPlus(rng *rand.Rand) {
	n, d, k := r.n, r.d, r.k
	trials := 2 + int(math.Log(float64(k)))
	if r.closest == nil {
		r.closest = make([]float64, n)
		r.candPot = make([][]float64, r.nb)
		for b := range r.candPot {
			r.candPot[b] = make([]float64, trials)
		}
	}
	first := rng.IntN(n)
	copy(r.centres[:d], r.data[first*d:(first+1)*d])
	c0 := r.centres[:d]
	neighbors.ForBlocks(n, r.nb, func(b, lo, hi int) {
		var s float64
		for i := lo; i < hi; i++ {
			v := kmSqDist(r.data[i*d:(i+1)*d], c0)
			r.closest[i] = v
			s += v
		}
		r.binert[b] = s
	})
	var pot float64
	for b := 0; b < r.nb; b++ {
		pot += r.binert[b]
	}
	ids := make([]int, trials)
	candRows := make([]float64, trials*d)
	cum := make([]float64, n)
	kpt := kmPad4(trials)
	var ct, ct1 []float64
	for c := 1; c < k; c++ {
		var acc float64
		for i, v := range r.closest {
			acc += v
			cum[i] = acc
		}
		for t := range ids {
			u := rng.Float64() * pot
			id := sort.SearchFloat64s(cum, u)
			if id > n-1 {
				id = n - 1
			}
			ids[t] = id
		}
		for t, id := range ids {
			copy(candRows[t*d:(t+1)*d], r.data[id*d:(id+1)*d])
		}
		ct = kmTranspose(ct, candRows, trials, d)
		neighbors.ForBlocks(n, r.nb, func(b, lo, hi int) {
			p := r.candPot[b]
			clear(p)
			dist := r.bdist[b]
			for c0 := lo; c0 < hi; c0 += kmChunk {
				m := min(kmChunk, hi-c0)
				kmDists(r.data[c0*d:(c0+m)*d], m, d, ct, kpt, dist)
				for q := 0; q < m; q++ {
					cv := r.closest[c0+q]
					for t, v := range dist[q*kpt : q*kpt+trials] {
						p[t] += min(v, cv)
					}
				}
			}
		})
		best, bestPot := 0, math.Inf(1)
		for t := range ids {
			var s float64
			for b := 0; b < r.nb; b++ {
				s += r.candPot[b][t]
			}
			if s < bestPot {
				best, bestPot = t, s
			}
		}
		pot = bestPot
		id := ids[best]
		copy(r.centres[c*d:(c+1)*d], r.data[id*d:(id+1)*d])
		// The kernel computes each centre column independently, so the
		// distances to the chosen candidate alone are the same bits as
		// those summed into its potential above.
		ct1 = kmTranspose(ct1, r.centres[c*d:(c+1)*d], 1, d)
		neighbors.ForBlocks(n, r.nb, func(b, lo, hi int) {
			dist := r.bdist[b]
			for c0 := lo; c0 < hi; c0 += kmChunk {
				m := min(kmChunk, hi-c0)
				kmDists(r.data[c0*d:(c0+m)*d], m, d, ct1, 4, dist)
				for q := 0; q < m; q++ {
					r.closest[c0+q] = min(dist[q*4], r.closest[c0+q])
				}
			}
		})
	}
}
