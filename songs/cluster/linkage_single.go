package cluster

import (
	"math"

	"github.com/songcohorts/cohorts/songs/internal/neighbors"
	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

// primSingle computes single linkage as Prim's minimum spanning tree with
// distances computed on the fly, mirroring scipy's mst_single_linkage: each
// step records (last added row, next row, distance) and the next row is the
// lowest-index row at the smallest distance to the tree.
func primSingle(data []float64, n, d int) []Merge {
	dmin := make([]float64, n)
	for i := range dmin {
		dmin[i] = math.Inf(1)
	}
	rest := make([]int, 0, n-1)
	for i := 1; i < n; i++ {
		rest = append(rest, i)
	}
	type best struct {
		v float64
		i int
	}
	parts := make([]best, linkageBlocks)
	merges := make([]Merge, 0, n-1)
	x := 0
	for k := 0; k < n-1; k++ {
		xr := data[x*d : (x+1)*d]
		scan := func(lo, hi int) best {
			b := best{v: math.Inf(1), i: -1}
			for _, i := range rest[lo:hi] {
				if v := math.Sqrt(neighbors.SqDist(xr, data[i*d:(i+1)*d])); v < dmin[i] {
					dmin[i] = v
				}
				if dmin[i] < b.v {
					b = best{dmin[i], i}
				}
			}
			return b
		}
		var m best
		if len(rest) < linkageParallel {
			m = scan(0, len(rest))
		} else {
			parallel.For(len(rest), linkageBlocks, func(blk, lo, hi int) {
				parts[blk] = scan(lo, hi)
			})
			m = best{v: math.Inf(1), i: -1}
			for _, p := range parts {
				if p.v < m.v {
					m = p
				}
			}
		}
		merges = append(merges, Merge{A: x, B: m.i, Height: m.v})
		removeSorted(&rest, m.i)
		x = m.i
	}
	return merges
}
