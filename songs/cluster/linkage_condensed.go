package cluster

import (
	"math"

	"github.com/songcohorts/cohorts/songs/internal/neighbors"
	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

// condensedIndex returns the position of the pair (i, j), i != j, in a
// condensed distance matrix of n rows (scipy.spatial.distance.squareform).
func condensedIndex(n, i, j int) int {
	if i > j {
		i, j = j, i
	}
	return n*i - i*(i+1)/2 + j - i - 1
}

// condensedChain runs SciPy's nn_chain on the condensed Euclidean distance
// matrix for complete or average linkage, updating distances with the
// Lance–Williams formulas (Lance and Williams 1967).
func condensedChain(data []float64, n, d int, method Linkage) []Merge {
	dist := make([]float64, n*(n-1)/2)
	parallel.For(n, parallel.MaxBlocks, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			xi := data[i*d : (i+1)*d]
			base := condensedIndex(n, i, i+1)
			for j := i + 1; j < n; j++ {
				dist[base+j-i-1] = math.Sqrt(neighbors.SqDist(xi, data[j*d:(j+1)*d]))
			}
		}
	})
	size, active := chainStart(n)
	nearest := func(x, prev int) (int, float64) {
		y, cur := -1, math.Inf(1)
		if prev >= 0 {
			y, cur = prev, dist[condensedIndex(n, x, prev)]
		}
		for _, i := range active {
			if i == x {
				continue
			}
			if v := dist[condensedIndex(n, x, i)]; v < cur {
				cur, y = v, i
			}
		}
		return y, cur
	}
	merged := func(x, y int, nx, ny float64) {
		for _, i := range active {
			if i == y {
				continue
			}
			dx, dy := dist[condensedIndex(n, i, x)], dist[condensedIndex(n, i, y)]
			var v float64
			if method == Complete {
				v = math.Max(dx, dy)
			} else {
				v = (nx*dx + ny*dy) / (nx + ny)
			}
			dist[condensedIndex(n, i, y)] = v
		}
	}
	return nnChain(size, &active, nearest, merged, func(d float64) float64 { return d })
}
