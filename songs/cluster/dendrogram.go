package cluster

import "strconv"

// DendrogramData is the drawing data of a merge tree, as returned by
// scipy.cluster.hierarchy.dendrogram(Z, no_plot=True) with the default
// left-to-right child order.
//
// Link i is the U-shape through the points (Icoord[i][k], Dcoord[i][k]),
// k = 0..3: up from its left child, across at the merge height, down to its
// right child. Leaves sit at x = 5, 15, 25, ... in the order of Leaves.
type DendrogramData struct {
	// Icoord holds the x coordinates of each link, in SciPy's order
	// (post-order: a link follows the links below it).
	Icoord [][]float64
	// Dcoord holds the heights of each link: its left child's height, the
	// merge height twice, its right child's height. A leaf, including a
	// truncated cluster shown as a leaf, has height 0.
	Dcoord [][]float64
	// Leaves holds the id of each shown leaf from left to right: a row for
	// a singleton, n+i for the cluster formed by merge i when the tree is
	// truncated (SciPy's "leaves").
	Leaves []int
	// LeafSizes holds the number of rows under each shown leaf.
	LeafSizes []int
}

// LeafLabels returns SciPy's leaf labels ("ivl" with show_leaf_counts=True):
// the row number for a singleton leaf and the row count in parentheses, as
// "(123)", for a truncated cluster.
func (d DendrogramData) LeafLabels() []string {
	labels := make([]string, len(d.Leaves))
	for i, id := range d.Leaves {
		if d.LeafSizes[i] == 1 {
			labels[i] = strconv.Itoa(id)
		} else {
			labels[i] = "(" + strconv.Itoa(d.LeafSizes[i]) + ")"
		}
	}
	return labels
}

// Dendrogram returns the drawing data of a merge tree over n rows, as
// scipy.cluster.hierarchy.dendrogram(Z, no_plot=True) for p <= 0, and as
// dendrogram(Z, no_plot=True, truncate_mode="lastp", p=p) otherwise: only
// the last p−1 merges are drawn and the p clusters below them are shown as
// leaves. p >= n draws the full tree. The merges are SciPy's linkage matrix
// as returned by LinkageTree. Dendrogram panics if n < 1 or
// len(merges) != n−1.
func Dendrogram(merges []Merge, n int, p int) DendrogramData {
	if n < 1 {
		panic("cluster: dendrogram of no rows")
	}
	if len(merges) != n-1 {
		panic("cluster: merge tree length mismatch")
	}
	if p <= 0 || p > n {
		p = n
	}
	w := dendroWalk{merges: merges, n: n, firstShown: 2*n - p}
	d := &w.out
	d.Icoord = make([][]float64, 0, p-1)
	d.Dcoord = make([][]float64, 0, p-1)
	d.Leaves = make([]int, 0, p)
	d.LeafSizes = make([]int, 0, p)
	w.walk(2*n-2, 0)
	return w.out
}

// dendroWalk lays out the tree as SciPy's _dendrogram_calculate_info.
type dendroWalk struct {
	merges     []Merge
	n          int
	firstShown int // clusters with ids below this (and at least n) are leaves
	out        DendrogramData
}

// walk places cluster id with its leftmost leaf slot starting at x = iv.
// It returns the x of the cluster's top, the width used and its height.
func (w *dendroWalk) walk(id int, iv float64) (x, width, h float64) {
	if id < w.n || id < w.firstShown {
		size := 1
		if id >= w.n {
			size = w.merges[id-w.n].Size
		}
		w.out.Leaves = append(w.out.Leaves, id)
		w.out.LeafSizes = append(w.out.LeafSizes, size)
		return iv + 5, 10, 0
	}
	m := w.merges[id-w.n]
	xa, wa, ha := w.walk(m.A, iv)
	xb, wb, hb := w.walk(m.B, iv+wa)
	w.out.Icoord = append(w.out.Icoord, []float64{xa, xa, xb, xb})
	w.out.Dcoord = append(w.out.Dcoord, []float64{ha, m.Height, m.Height, hb})
	return (xa + xb) / 2, wa + wb, m.Height
}

// CutHeightFor returns a height at which CutHeight cuts the tree of n =
// len(merges)+1 rows into k clusters, for drawing the cut line: the midpoint
// between the heights of the last merge kept (merge n−k−1) and the first
// merge undone (merge n−k). For k = 1 it is the root's height and for k = n
// half the first merge's height. When those two merges have the same height
// no height gives exactly k clusters and CutHeight at the returned height
// gives fewer. CutHeightFor panics if merges is empty or k is not in [1, n].
func CutHeightFor(merges []Merge, k int) float64 {
	n := len(merges) + 1
	if n < 2 {
		panic("cluster: cut height of an empty merge tree")
	}
	if k < 1 || k > n {
		panic("cluster: cut size out of range")
	}
	switch k {
	case 1:
		return merges[n-2].Height
	case n:
		return merges[0].Height / 2
	}
	return (merges[n-k-1].Height + merges[n-k].Height) / 2
}
