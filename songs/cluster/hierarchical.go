package cluster

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
)

// Agglomerative is hierarchical agglomerative clustering under the Euclidean
// distance, as sklearn.cluster.AgglomerativeClustering (whose tree comes from
// scipy.cluster.hierarchy.linkage): the full merge tree is built, then cut
// into NClusters clusters, or, when NClusters is 0, at Height.
//
// The zero value is Ward linkage with no cut (every row its own cluster).
// See LinkageTree for the algorithms and their memory.
type Agglomerative struct {
	// Linkage is the rule for the distance between clusters.
	Linkage Linkage
	// NClusters, when positive, is the number of clusters to cut the tree
	// into, undoing its last NClusters−1 merges.
	NClusters int
	// Height, used when NClusters is 0, cuts the tree so that every merge at
	// or below Height is kept (scipy.cluster.hierarchy.fcluster with
	// criterion="distance").
	Height float64
	// MaxCondensed bounds the number of rows for complete and average
	// linkage (DefaultMaxCondensed when 0).
	MaxCondensed int

	merges []Merge
	labels []int
	fitted bool
}

// Fit builds the merge tree of the rows of x and cuts it. It returns an
// error if x holds NaN or infinite values, has no rows, has fewer rows than
// NClusters, or is too large for the condensed matrix of complete or average
// linkage; the model is then left unfitted. Fit panics if NClusters or Height
// is negative.
func (a *Agglomerative) Fit(x mat.Matrix) error {
	if a.NClusters < 0 || a.Height < 0 {
		panic("cluster: negative NClusters or Height")
	}
	a.fitted = false
	if n, _ := x.Dims(); a.NClusters > n {
		return fmt.Errorf("cluster: %d rows cannot form %d clusters", n, a.NClusters)
	}
	merges, err := LinkageTree(x, a.Linkage, a.MaxCondensed)
	if err != nil {
		return err
	}
	n, _ := x.Dims()
	if a.NClusters > 0 {
		a.labels = CutTree(merges, n, a.NClusters)
	} else {
		a.labels = CutHeight(merges, n, a.Height)
	}
	a.merges = merges
	a.fitted = true
	return nil
}

// Merges returns the merge tree found by Fit, SciPy's linkage matrix as
// described in LinkageTree. It panics before a successful Fit.
func (a *Agglomerative) Merges() []Merge {
	checkFitted(a.fitted, "Agglomerative")
	return a.merges
}

// Labels returns the cluster of each row, numbered 0, 1, ... in the order
// of each cluster's first row. It panics before a successful Fit.
func (a *Agglomerative) Labels() []int {
	checkFitted(a.fitted, "Agglomerative")
	return a.labels
}

// CutTree returns the flat clustering of n rows into k clusters obtained by
// applying the first n−k merges of a tree sorted by height, as the labels of
// sklearn.cluster.AgglomerativeClustering(n_clusters=k) up to relabelling.
// Clusters are numbered 0, 1, ... in the order of their first row. CutTree
// panics if k is not in [1, n] or len(merges) != n−1.
func CutTree(merges []Merge, n, k int) []int {
	if k < 1 || k > n {
		panic("cluster: cut size out of range")
	}
	if len(merges) != n-1 {
		panic("cluster: merge tree length mismatch")
	}
	return cutFirst(merges, n, n-k)
}

// CutHeight returns the flat clustering obtained by applying every merge at
// or below height h, as scipy.cluster.hierarchy.fcluster(Z, h,
// criterion="distance") up to relabelling, for the monotone linkages of this
// package. Clusters are numbered as in CutTree. CutHeight panics if
// len(merges) != n−1.
func CutHeight(merges []Merge, n int, h float64) []int {
	if len(merges) != n-1 {
		panic("cluster: merge tree length mismatch")
	}
	m := 0
	for m < len(merges) && merges[m].Height <= h {
		m++
	}
	return cutFirst(merges, n, m)
}

// cutFirst labels the rows after applying merges[:m].
func cutFirst(merges []Merge, n, m int) []int {
	parent := newForest(2*n - 1)
	for i := 0; i < m; i++ {
		parent[merges[i].A] = n + i
		parent[merges[i].B] = n + i
	}
	labels := make([]int, n)
	seen := make(map[int]int)
	for i := range labels {
		r := parent.find(i)
		l, ok := seen[r]
		if !ok {
			l = len(seen)
			seen[r] = l
		}
		labels[i] = l
	}
	return labels
}
