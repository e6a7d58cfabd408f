package cluster

import (
	"math"
	"math/rand/v2"
	"sort"

	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

// plusPlus fills the centres of every run by greedy k-means++ seeding as
// scikit-learn's _kmeans_plusplus: the first centre is a uniformly drawn
// row; each next centre is the best, by the resulting potential (sum of
// squared distances to the nearest centre), of 2+floor(ln k) rows drawn
// with probability proportional to the current squared distance to the
// nearest centre.
//
// The runs are seeded together, so that each step reads the data once for
// all of them: the random numbers are drawn first, run after run, in the
// order of seeding the runs one after the other, and a run's draws do not
// depend on the data, so every run gets the centres it would get alone.
// The squared distance of each row to its nearest chosen centre is kept in
// j.state (as float64 bits) until the bounds of the solve take its place.
func (j *kmJoint) plusPlus(rng *rand.Rand) {
	n, d, k, nr := j.n, j.d, j.k, len(j.runs)
	trials := 2 + int(math.Log(float64(k)))
	first := make([]int, nr)
	raw := make([]float64, nr*(k-1)*trials)
	for r := range first {
		first[r] = rng.IntN(n)
		for c := 1; c < k; c++ {
			for t := 0; t < trials; t++ {
				raw[(r*(k-1)+c-1)*trials+t] = rng.Float64()
			}
		}
	}
	pot := make([]float64, nr)
	for r, run := range j.runs {
		copy(run.centres[:d], j.data[first[r]*d:(first[r]+1)*d])
	}
	parallel.For(n, j.nb, func(b, lo, hi int) {
		for r, run := range j.runs {
			closest := j.state[r*n : (r+1)*n]
			c0 := run.centres[:d]
			var s float64
			for i := lo; i < hi; i++ {
				v := kmSqDist(j.data[i*d:(i+1)*d], c0)
				closest[i] = math.Float64bits(v)
				s += v
			}
			run.binert[b] = s
		}
	})
	for r, run := range j.runs {
		pot[r] = run.sumInertia()
	}
	kpt := kmPad4(trials)
	kpc := nr * kpt // kernel columns of the candidates: run r at r*kpt
	kp1 := kmPad4(nr)
	ids := make([]int, nr*trials)
	candRows := make([]float64, nr*kpt*d)
	candPot := make([][]float64, j.nb)
	for b := range candPot {
		candPot[b] = make([]float64, nr*trials)
	}
	var ct, ct1 []float64
	chosen := make([]float64, nr*d)
	for c := 1; c < k; c++ {
		parallel.For(nr, nr, func(r, _, _ int) {
			u := raw[(r*(k-1)+c-1)*trials : (r*(k-1)+c)*trials]
			kmDraw(ids[r*trials:(r+1)*trials], u, pot[r], j.state[r*n:(r+1)*n])
		})
		clear(candRows)
		for r := 0; r < nr; r++ {
			for t := 0; t < trials; t++ {
				id := ids[r*trials+t]
				copy(candRows[(r*kpt+t)*d:(r*kpt+t+1)*d], j.data[id*d:(id+1)*d])
			}
		}
		ct = kmTranspose(ct, candRows, kpc, d)
		for _, p := range candPot {
			clear(p)
		}
		j.chunkDists(ct, kpc, func(b, c0, m int, dist []float64) {
			p := candPot[b]
			for r := 0; r < nr; r++ {
				closest := j.state[r*n+c0 : r*n+c0+m]
				pr := p[r*trials : (r+1)*trials]
				if trials == 4 {
					// Each potential still sums its rows in order.
					s0, s1, s2, s3 := pr[0], pr[1], pr[2], pr[3]
					for q, cb := range closest {
						v := dist[q*kpc+r*kpt : q*kpc+r*kpt+4]
						s0 += kmMinBits(v[0], cb)
						s1 += kmMinBits(v[1], cb)
						s2 += kmMinBits(v[2], cb)
						s3 += kmMinBits(v[3], cb)
					}
					pr[0], pr[1], pr[2], pr[3] = s0, s1, s2, s3
					continue
				}
				for q, cb := range closest {
					for t, v := range dist[q*kpc+r*kpt : q*kpc+r*kpt+trials] {
						pr[t] += kmMinBits(v, cb)
					}
				}
			}
		})
		for r, run := range j.runs {
			best, bestPot := 0, math.Inf(1)
			for t := 0; t < trials; t++ {
				var s float64
				for b := 0; b < j.nb; b++ {
					s += candPot[b][r*trials+t]
				}
				if s < bestPot {
					best, bestPot = t, s
				}
			}
			pot[r] = bestPot
			id := ids[r*trials+best]
			copy(run.centres[c*d:(c+1)*d], j.data[id*d:(id+1)*d])
			copy(chosen[r*d:(r+1)*d], j.data[id*d:(id+1)*d])
		}
		if c == k-1 {
			break
		}
		// The kernel computes each column independently, so these
		// distances to the chosen candidates are the same bits as those
		// summed into their potentials above.
		ct1 = kmTranspose(ct1, chosen, nr, d)
		j.chunkDists(ct1, kp1, func(_, c0, m int, dist []float64) {
			for r := 0; r < nr; r++ {
				closest := j.state[r*n+c0 : r*n+c0+m]
				for q, cb := range closest {
					closest[q] = math.Float64bits(kmMinBits(dist[q*kp1+r], cb))
				}
			}
		})
	}
}

// kmDraw sets ids[t] to the first row whose running sum of closest (float64
// bits) reaches u[t]*pot, or the last row -- the draw of sort.SearchFloat64s
// on the cumulative sums, done in one pass without storing them.
func kmDraw(ids []int, u []float64, pot float64, closest []uint64) {
	n := len(closest)
	order := make([]int, len(u))
	target := make([]float64, len(u))
	for t := range u {
		order[t] = t
		target[t] = u[t] * pot
	}
	sort.Slice(order, func(a, b int) bool { return target[order[a]] < target[order[b]] })
	p := 0
	var acc float64
	for i := 0; i < n && p < len(order); i++ {
		acc += math.Float64frombits(closest[i])
		for p < len(order) && target[order[p]] <= acc {
			ids[order[p]] = i
			p++
		}
	}
	for ; p < len(order); p++ {
		ids[order[p]] = n - 1
	}
}

// kmMinBits returns the smaller of the non-negative v and the float64 with
// bits cb. Non-negative floats order as their bits; the integer comparison
// compiles to a conditional move (float min has NaN and signed-zero cases
// to branch on).
func kmMinBits(v float64, cb uint64) float64 {
	vb := math.Float64bits(v)
	if cb < vb {
		vb = cb
	}
	return math.Float64frombits(vb)
}

// chunkDists calls fn(b, c0, m, dist) for the chunks of at most kmChunk
// rows [c0, c0+m) of every block b of j's rows, with dist holding the
// squared distances of the chunk's rows to the kp columns of the
// transposed centres ct (row q, column c at dist[q*kp+c]). Blocks run in
// parallel; a block's chunks run in order.
func (j *kmJoint) chunkDists(ct []float64, kp int, fn func(b, c0, m int, dist []float64)) {
	d := j.d
	parallel.For(j.n, j.nb, func(b, lo, hi int) {
		dist := j.scr.dist[b]
		for c0 := lo; c0 < hi; c0 += kmChunk {
			m := min(kmChunk, hi-c0)
			kmDists(j.data[c0*d:(c0+m)*d], m, d, ct, kp, dist)
			fn(b, c0, m, dist)
		}
	})
}
