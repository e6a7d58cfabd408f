package cluster

import (
	"errors"

	"github.com/songcohorts/cohorts/songs/internal/neighbors"
	"gonum.org/v1/gonum/mat"
)

// dbscanChunk is the number of rows whose neighbour lists are held at once
// while core points are joined.
const dbscanChunk = 1 << 16

// DBSCAN is density-based clustering (Ester, Kriegel, Sander and Xu 1996,
// "A density-based algorithm for discovering clusters in large spatial
// databases with noise", KDD), with the meaning of sklearn.cluster.DBSCAN
// under the Euclidean distance.
//
// A row is a core point when at least MinSamples rows, itself included,
// lie within distance Eps (distance <= Eps). Core points within Eps of each
// other share a cluster; a non-core row within Eps of a core point is a
// border point of that cluster; every other row is noise, labelled -1.
// Clusters are numbered 0, 1, ... in the order of their lowest-index core
// point, and a border point near several clusters joins the lowest-numbered
// one: this is exactly the labelling of scikit-learn's depth-first
// expansion, which completes each cluster before starting the next.
//
// Neighbourhoods come from a kd-tree; the queries run in parallel over a
// fixed number of blocks and the result does not depend on the number of
// cores. Memory is O(n) plus the neighbour lists of at most 65,536 rows at a
// time.
type DBSCAN struct {
	// Eps is the neighbourhood radius.
	Eps float64
	// MinSamples is the number of rows within Eps, the row itself
	// included, that makes a core point.
	MinSamples int

	labels    []int
	core      []bool
	nClusters int
	fitted    bool
}

// Fit clusters the rows of x. It returns an error if x has no rows or holds
// NaN or infinite values, leaving the model unfitted. It panics if Eps is
// not positive or MinSamples < 1.
func (m *DBSCAN) Fit(x mat.Matrix) error {
	if !(m.Eps > 0) || m.MinSamples < 1 {
		panic("cluster: DBSCAN needs Eps > 0 and MinSamples >= 1")
	}
	m.fitted = false
	data, n, d, err := densityRows(x)
	if err != nil {
		return err
	}
	if n == 0 {
		return errors.New("cluster: DBSCAN of no rows")
	}
	tree := neighbors.New(mat.NewDense(n, d, data), 0)
	row := func(i int) []float64 { return data[i*d : (i+1)*d] }
	eps, minPts := m.Eps, m.MinSamples

	core := make([]bool, n)
	neighbors.ForBlocks(n, 0, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			core[i] = tree.RadiusCount(row(i), eps, minPts) >= minPts
		}
	})

	// Join core points within Eps with a union-find forest. The partition
	// does not depend on the order of the unions.
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		r := x
		for parent[r] != r {
			r = parent[r]
		}
		for parent[x] != r {
			parent[x], x = r, parent[x]
		}
		return r
	}
	const blocks = 64
	lists := make([][]int, blocks)
	for start := 0; start < n; start += dbscanChunk {
		end := min(start+dbscanChunk, n)
		neighbors.ForBlocks(end-start, blocks, func(b, lo, hi int) {
			var out, buf []int
			for i := start + lo; i < start+hi; i++ {
				if !core[i] {
					continue
				}
				buf = tree.Radius(row(i), eps, buf[:0])
				for _, j := range buf {
					if j > i && core[j] {
						out = append(out, i, j)
					}
				}
			}
			lists[b] = out
		})
		for b, pairs := range lists {
			for p := 0; p < len(pairs); p += 2 {
				a, c := find(pairs[p]), find(pairs[p+1])
				if a != c {
					parent[a] = c
				}
			}
			lists[b] = nil
		}
	}

	labels := make([]int, n)
	rootLabel := make(map[int]int)
	for i := range labels {
		labels[i] = -1
		if !core[i] {
			continue
		}
		r := find(i)
		l, ok := rootLabel[r]
		if !ok {
			l = len(rootLabel)
			rootLabel[r] = l
		}
		labels[i] = l
	}
	neighbors.ForBlocks(n, 0, func(_, lo, hi int) {
		var buf []int
		for i := lo; i < hi; i++ {
			if core[i] {
				continue
			}
			buf = tree.Radius(row(i), eps, buf[:0])
			for _, j := range buf {
				if core[j] && (labels[i] == -1 || labels[j] < labels[i]) {
					labels[i] = labels[j]
				}
			}
		}
	})
	m.labels, m.core, m.nClusters = labels, core, len(rootLabel)
	m.fitted = true
	return nil
}

// Labels returns the cluster of each row, -1 for noise. It panics before a
// successful Fit.
func (m *DBSCAN) Labels() []int {
	m.check()
	return m.labels
}

// Core reports for each row whether it is a core point. It panics before a
// successful Fit.
func (m *DBSCAN) Core() []bool {
	m.check()
	return m.core
}

// NClusters returns the number of clusters found, noise excluded. It panics
// before a successful Fit.
func (m *DBSCAN) NClusters() int {
	m.check()
	return m.nClusters
}

func (m *DBSCAN) check() {
	if !m.fitted {
		panic("cluster: DBSCAN used before Fit")
	}
}
