package cluster

import (
	"math"

	"github.com/songcohorts/cohorts/songs/internal/neighbors"
	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

// linkageBlocks is the fixed number of blocks a nearest-cluster search is
// split into when enough clusters are active.
const (
	linkageBlocks   = 8
	linkageParallel = 4096
)

// wardChain runs the nearest-neighbour chain on centroids (Müllner 2011,
// Algorithm NN-chain-linkage), mirroring scipy's nn_chain: the chain prefers
// its previous element on ties, otherwise the lowest cluster slot; merged
// clusters x < y live on in slot y.
func wardChain(data []float64, n, d int) []Merge {
	cent := make([]float64, len(data))
	copy(cent, data)
	size, active := chainStart(n)
	// wardD2 is the squared Ward distance 2·na·nb/(na+nb)·‖ca−cb‖².
	wardD2 := func(a, b int) float64 {
		na, nb := size[a], size[b]
		return 2 * na * nb / (na + nb) * neighbors.SqDist(cent[a*d:(a+1)*d], cent[b*d:(b+1)*d])
	}
	type best struct {
		d2 float64
		i  int
	}
	parts := make([]best, linkageBlocks)
	// search returns the first active slot (in slot order) whose Ward
	// distance to x is below lim, or yInit with lim when there is none.
	// The scan abandons a candidate once half of its squared distance
	// already exceeds the best so far: partial sums of non-negative terms
	// only grow, so this never changes the result.
	half := d / 2
	search := func(x int, lim float64, yInit int) (int, float64) {
		scan := func(lo, hi int) best {
			b := best{d2: lim, i: -1}
			cx := cent[x*d : (x+1)*d]
			nx := size[x]
			for _, i := range active[lo:hi] {
				if i == x {
					continue
				}
				ni := size[i]
				f := 2 * nx * ni / (nx + ni)
				ci := cent[i*d : (i+1)*d]
				var s float64
				for j := 0; j < half; j++ {
					e := cx[j] - ci[j]
					s += e * e
				}
				if f*s > b.d2 {
					continue
				}
				for j := half; j < d; j++ {
					e := cx[j] - ci[j]
					s += e * e
				}
				if v := f * s; v < b.d2 {
					b = best{v, i}
				}
			}
			return b
		}
		m := best{d2: lim, i: -1}
		if len(active) < linkageParallel {
			m = scan(0, len(active))
		} else {
			parallel.For(len(active), linkageBlocks, func(blk, lo, hi int) {
				parts[blk] = scan(lo, hi)
			})
			for _, p := range parts {
				if p.i >= 0 && p.d2 < m.d2 {
					m = p
				}
			}
		}
		if m.i >= 0 {
			return m.i, m.d2
		}
		return yInit, lim
	}
	nearest := func(x, prev int) (int, float64) {
		if prev < 0 {
			return search(x, math.Inf(1), -1)
		}
		return search(x, wardD2(x, prev), prev)
	}
	merged := func(x, y int, nx, ny float64) {
		cx, cy := cent[x*d:(x+1)*d], cent[y*d:(y+1)*d]
		for j := range cy {
			cy[j] = (nx*cx[j] + ny*cy[j]) / (nx + ny)
		}
	}
	return nnChain(size, &active, nearest, merged, math.Sqrt)
}

// chainStart returns the sizes and the active slots of n singleton
// clusters.
func chainStart(n int) (size []float64, active []int) {
	size = make([]float64, n)
	active = make([]int, n)
	for i := range active {
		size[i] = 1
		active[i] = i
	}
	return size, active
}

// nnChain merges the clusters of the active slots by the nearest-neighbour
// chain (Murtagh 1983; Müllner 2011, Algorithm NN-chain-linkage), as
// scipy's nn_chain: from a cluster it follows nearest neighbours until two
// clusters are each other's nearest, and merges them, which for a
// reducible linkage gives the merges of the greedy algorithm.
// nearest(x, prev) returns the active cluster nearest to x and its
// dissimilarity, keeping prev (the previous cluster of the chain, or -1)
// on a tie; merged(x, y, nx, ny) updates the dissimilarities after the
// clusters x < y of sizes nx and ny merge into slot y, once x has left
// the active slots. A merge's height is height of the dissimilarity.
func nnChain(size []float64, active *[]int, nearest func(x, prev int) (int, float64),
	merged func(x, y int, nx, ny float64), height func(float64) float64) []Merge {
	n := len(size)
	merges := make([]Merge, 0, n-1)
	chain := make([]int, 0, n)
	for k := 0; k < n-1; k++ {
		if len(chain) == 0 {
			chain = append(chain, (*active)[0])
		}
		var x, y int
		var cur float64
		for {
			x = chain[len(chain)-1]
			prev := -1
			if len(chain) > 1 {
				prev = chain[len(chain)-2]
			}
			y, cur = nearest(x, prev)
			if prev >= 0 && y == prev {
				break
			}
			chain = append(chain, y)
		}
		chain = chain[:len(chain)-2]
		if x > y {
			x, y = y, x
		}
		nx, ny := size[x], size[y]
		merges = append(merges, Merge{A: x, B: y, Height: height(cur), Size: int(nx + ny)})
		size[x], size[y] = 0, nx+ny
		removeSorted(active, x)
		merged(x, y, nx, ny)
	}
	return merges
}

// removeSorted deletes v from the sorted slice *s.
func removeSorted(s *[]int, v int) {
	a := *s
	lo, hi := 0, len(a)
	for lo < hi {
		m := (lo + hi) / 2
		if a[m] < v {
			lo = m + 1
		} else {
			hi = m
		}
	}
	copy(a[lo:], a[lo+1:])
	*s = a[:len(a)-1]
}
