package cluster

import (
	"errors"

	"github.com/songcohorts/cohorts/songs/internal/neighbors"
	"gonum.org/v1/gonum/mat"
)

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
// cores. Nodes of the tree whose bounding box is no wider than Eps hold
// rows that are all neighbours of each other, so their core points are
// joined once and queries treat them as one point. Memory is O(n) plus
// the neighbourhoods of the non-core rows, each smaller than MinSamples.
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

	// A row is core once MinSamples rows are found within Eps. The search
	// of a non-core row is exhaustive, so it also yields the row's
	// complete neighbourhood, kept to place border points later. Rows are
	// visited in tree order, so that consecutive queries touch nearby nodes.
	core := make([]bool, n)
	near := make([][]int, n)
	const blocks = 64
	type found struct{ row, lo, hi int }
	bufs := make([][]int, blocks)
	spans := make([][]found, blocks)
	neighbors.ForBlocks(n, blocks, func(b, lo, hi int) {
		var buf []int
		var sp []found
		for p := lo; p < hi; p++ {
			i := tree.Row(p)
			start := len(buf)
			var full bool
			buf, full = tree.RadiusUpTo(row(i), eps, minPts, buf)
			if full {
				core[i] = true
				buf = buf[:start]
				continue
			}
			sp = append(sp, found{i, start, len(buf)})
		}
		bufs[b], spans[b] = buf, sp
	})
	for b, sp := range spans {
		for _, f := range sp {
			near[f.row] = bufs[b][f.lo:f.hi:f.hi]
		}
	}

	labels, nClusters := dbscanJoin(tree, data, d, eps, core, near)
	m.labels, m.core, m.nClusters = labels, core, nClusters
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
