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
		r.cand = make([]float64, trials*n)
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
		neighbors.ForBlocks(n, r.nb, func(b, lo, hi int) {
			p := r.candPot[b]
			clear(p)
			dist := make([]float64, trials)
			for i := lo; i < hi; i++ {
				kmDistsTo(r.data[i*d:(i+1)*d], candRows, dist)
				cv := r.closest[i]
				for t, v := range dist {
					if cv < v {
						v = cv
					}
					r.cand[t*n+i] = v
					p[t] += v
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
		copy(r.closest, r.cand[best*n:(best+1)*n])
		id := ids[best]
		copy(r.centres[c*d:(c+1)*d], r.data[id*d:(id+1)*d])
	}
}
