package cluster

import (
	"errors"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/neighbors"
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
// Neighbourhoods come from the blocked brute-force radius queries of the
// module's neighbour search (neighbors.Tiles): rows in k-d tree order are
// cut into tiles, a tile wholly inside or outside a query's ball is settled
// by its bounding box, and the others are screened four queries at a time
// on |q|² + |x|² − 2q·x, rows near the boundary being decided by the
// direct sum of squared differences. The core test stops at
// MinSamples rows and runs in parallel over a fixed number of blocks; core
// points are then joined sequentially, skipping tiles whose core points are
// already in the query's cluster. The result does not depend on the number
// of cores. Memory is O(n) plus the neighbourhoods of the non-core rows,
// each smaller than MinSamples.
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
	t := neighbors.NewTiles(data, n, d)
	eps2 := m.Eps * m.Eps
	corePos, near := dbscanCore(t, eps2, m.MinSamples)
	labels, nClusters := dbscanJoin(t, eps2, corePos, near)
	core := make([]bool, n)
	for p, c := range corePos {
		core[t.Orig(p)] = c
	}
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

func (m *DBSCAN) check() { checkFitted(m.fitted, "DBSCAN") }
