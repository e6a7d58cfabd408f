package cluster

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
)

// Linkage names the rule that measures the distance between two clusters in
// agglomerative clustering, with the meanings of scipy.cluster.hierarchy.linkage
// (Müllner 2011, "Modern hierarchical, agglomerative clustering algorithms",
// arXiv:1109.2378).
type Linkage int

const (
	// Ward merges the pair of clusters whose union least increases the total
	// within-cluster sum of squares (Ward 1963). The merge height of clusters
	// a and b is sqrt(2·na·nb/(na+nb))·‖ca − cb‖, as in SciPy.
	Ward Linkage = iota
	// Complete uses the largest distance between members of the two clusters.
	Complete
	// Average uses the mean distance between members of the two clusters
	// (UPGMA).
	Average
	// Single uses the smallest distance between members of the two clusters.
	Single
)

// String returns the SciPy name of the linkage.
func (l Linkage) String() string {
	return enumName("Linkage", int(l), "ward", "complete", "average", "single")
}

// enumName returns names[v], or the type's name and v for a value with no
// name.
func enumName(typ string, v int, names ...string) string {
	if v >= 0 && v < len(names) {
		return names[v]
	}
	return fmt.Sprintf("%s(%d)", typ, v)
}

// checkFitted panics, naming the model, if it has not been fitted.
func checkFitted(fitted bool, model string) {
	if !fitted {
		panic("cluster: " + model + " used before Fit")
	}
}

// DefaultMaxCondensed is the largest number of rows for which complete and
// average linkage build the condensed distance matrix, n(n−1)/2 float64
// values (1.6 GB at 20,000 rows), when Agglomerative.MaxCondensed is 0.
// Ward and single linkage need no such matrix and have no limit.
const DefaultMaxCondensed = 20000

// Merge is one row of a SciPy linkage matrix: clusters A < B were merged at
// Height into a cluster of Size rows. Cluster ids below n are the rows of
// the data; the cluster formed by merge i has id n+i.
type Merge struct {
	A, B   int
	Height float64
	Size   int
}

// LinkageTree computes the full agglomerative merge tree of the rows of x
// under the Euclidean distance, with SciPy's conventions
// (scipy.cluster.hierarchy.linkage): n−1 merges sorted by height (a stable
// sort of the order in which they were found), each naming the smaller
// cluster id first.
//
// Ward, complete and average linkage use the nearest-neighbour chain
// algorithm (Murtagh 1983; Müllner 2011, §3.4) with the same tie rules as
// SciPy. Ward works on cluster centroids and sizes, needing O(n·d) memory;
// complete and average update the condensed distance matrix with the
// Lance–Williams formulas and refuse n > maxCondensed (DefaultMaxCondensed
// when maxCondensed is 0) with an error. Single linkage is Prim's minimum
// spanning tree computed on the fly in O(n) memory (Gower and Ross 1969).
// The searches run over a fixed number of blocks, so the result does not
// depend on the number of cores.
//
// LinkageTree returns an error if x holds NaN or infinite values, and panics
// if the linkage is unknown.
func LinkageTree(x mat.Matrix, method Linkage, maxCondensed int) ([]Merge, error) {
	data, n, d, err := densityRows(x)
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, errors.New("cluster: no rows to link")
	}
	if maxCondensed <= 0 {
		maxCondensed = DefaultMaxCondensed
	}
	var merges []Merge
	switch method {
	case Ward:
		merges = wardChain(data, n, d)
	case Complete, Average:
		if n > maxCondensed {
			return nil, fmt.Errorf("cluster: %v linkage of %d rows needs the %d-entry condensed distance matrix (%.1f GB); the limit is %d rows (Agglomerative.MaxCondensed, default DefaultMaxCondensed): use Ward or single linkage, which need O(n) memory, or a subsample",
				method, n, n*(n-1)/2, float64(n)*float64(n-1)/2*8/1e9, maxCondensed)
		}
		merges = condensedChain(data, n, d, method)
	case Single:
		merges = primSingle(data, n, d)
	default:
		panic("cluster: unknown linkage")
	}
	sort.SliceStable(merges, func(i, j int) bool { return merges[i].Height < merges[j].Height })
	relabelMerges(merges, n)
	return merges, nil
}

// relabelMerges turns merges recorded as pairs of row slots into SciPy's
// cluster ids, as scipy.cluster.hierarchy's label(): each slot is replaced by
// the id of the cluster that currently holds it, smaller id first, and the
// sizes are recomputed.
func relabelMerges(merges []Merge, n int) {
	parent := newForest(2*n - 1)
	size := make([]int, 2*n-1)
	for i := range size {
		size[i] = 1
	}
	for i := range merges {
		a, b := parent.find(merges[i].A), parent.find(merges[i].B)
		if a > b {
			a, b = b, a
		}
		next := n + i
		parent[a], parent[b] = next, next
		size[next] = size[a] + size[b]
		merges[i].A, merges[i].B, merges[i].Size = a, b, size[next]
	}
}

// densityRows copies x into a row-major slice and checks that every value is
// finite.
func densityRows(x mat.Matrix) ([]float64, int, int, error) {
	n, d := x.Dims()
	data := make([]float64, n*d)
	for i := 0; i < n; i++ {
		for j := 0; j < d; j++ {
			v := x.At(i, j)
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, 0, 0, fmt.Errorf("cluster: row %d column %d is %v", i, j, v)
			}
			data[i*d+j] = v
		}
	}
	return data, n, d, nil
}
