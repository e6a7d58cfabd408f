package neighbors

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

// leafSize is the number of rows below which the tree stops splitting
// (scikit-learn's KDTree uses 40, its NearestNeighbors 30).
const leafSize = 32

// Tree is a k-d tree over the rows of a matrix (Bentley 1975; Friedman,
// Bentley and Finkel 1977): each node splits its rows at the median of the
// column of largest spread, and keeps their bounding box. A search visits
// the nearer child first and skips every node whose box lies farther than
// the current k-th neighbour; it returns exactly the neighbours, distances
// and tie order of Search and SearchSelf.
//
// A Tree keeps its own reordered copy of the rows and is safe for
// concurrent searches.
type Tree struct {
	n, d  int
	data  []float64 // rows in tree order, n*d
	index []int     // index[p] is the original row of tree row p
	nodes []treeNode
	lower []float64 // bounding box of node i at i*d
	upper []float64
	keys  []float64 // scratch of the build: the split column of index's rows
}

type treeNode struct {
	lo, hi      int // tree rows [lo, hi)
	left, right int // -1 for a leaf
}

// NewTree builds a k-d tree over the rows of x. It panics if x has no rows
// or no columns.
func NewTree(x mat.Matrix) *Tree {
	src, n, d := rowMajor(x)
	if n == 0 || d == 0 {
		panic("neighbors: empty matrix")
	}
	t := newTree(src, n, d)
	t.data = make([]float64, n*d)
	for p, r := range t.index {
		copy(t.data[p*d:(p+1)*d], src[r*d:(r+1)*d])
	}
	return t
}

// Len returns the number of rows in the tree.
func (t *Tree) Len() int { return t.n }

// parallelDepth is the depth above which newTree builds the two subtrees
// of a node side by side.
const parallelDepth = 3

// newTree returns the tree's order and nodes over the n×d row-major rows
// src, without its copy of the rows.
func newTree(src []float64, n, d int) *Tree {
	total := treeNodes(n)
	t := &Tree{n: n, d: d, index: make([]int, n), keys: make([]float64, n),
		nodes: make([]treeNode, total), lower: make([]float64, total*d), upper: make([]float64, total*d)}
	for i := range t.index {
		t.index[i] = i
	}
	t.build(src, 0, 0, n, 0)
	t.keys = nil
	return t
}

// treeNodes returns the number of nodes of the tree over m rows: a leaf at
// most leafSize rows, else a node over two halves.
func treeNodes(m int) int {
	if m <= leafSize {
		return 1
	}
	return 1 + treeNodes(m/2) + treeNodes(m-m/2)
}

// build makes node id over the rows [lo, hi) of index and its subtree.
// Nodes are numbered in preorder, parent first, whether the subtrees are
// built one after the other or side by side: the left child of node id
// is id+1, the right one follows the left subtree. The order of the rows
// depends on the rows only.
func (t *Tree) build(src []float64, id, lo, hi, depth int) {
	d := t.d
	t.nodes[id] = treeNode{lo: lo, hi: hi, left: -1, right: -1}
	low, up := t.lower[id*d:(id+1)*d], t.upper[id*d:(id+1)*d]
	for j := 0; j < d; j++ {
		low[j], up[j] = math.Inf(1), math.Inf(-1)
	}
	for _, r := range t.index[lo:hi] {
		row := src[r*d : (r+1)*d]
		low, up := low[:len(row)], up[:len(row)]
		for j, v := range row {
			if v < low[j] {
				low[j] = v
			}
			if v > up[j] {
				up[j] = v
			}
		}
	}
	if hi-lo <= leafSize {
		return
	}
	dim, spread := 0, -1.0
	for j := 0; j < d; j++ {
		if s := up[j] - low[j]; s > spread {
			dim, spread = j, s
		}
	}
	mid := (lo + hi) / 2
	idx, keys := t.index[lo:hi], t.keys[lo:hi]
	for i, r := range idx {
		keys[i] = src[r*d+dim]
	}
	selectNth(keys, idx, mid-lo)
	left, right := id+1, id+1+treeNodes(mid-lo)
	t.nodes[id].left, t.nodes[id].right = left, right
	if depth >= parallelDepth {
		t.build(src, left, lo, mid, depth+1)
		t.build(src, right, mid, hi, depth+1)
		return
	}
	// The subtrees write disjoint ranges of index and of the nodes.
	_ = parallel.Run(
		func() error { t.build(src, left, lo, mid, depth+1); return nil },
		func() error { t.build(src, right, mid, hi, depth+1); return nil },
	)
}

// selectNth reorders keys, and idx alongside, so that keys[k] is the k-th
// smallest key, with no larger key before it and no smaller key after it
// (Hoare's selection with a median-of-three pivot).
func selectNth(keys []float64, idx []int, k int) {
	swap := func(a, b int) {
		keys[a], keys[b] = keys[b], keys[a]
		idx[a], idx[b] = idx[b], idx[a]
	}
	lo, hi := 0, len(idx)-1
	for hi > lo {
		m := lo + (hi-lo)/2
		if keys[m] < keys[lo] {
			swap(m, lo)
		}
		if keys[hi] < keys[lo] {
			swap(hi, lo)
		}
		if keys[hi] < keys[m] {
			swap(hi, m)
		}
		pivot := keys[m]
		i, j := lo, hi
		for i <= j {
			for keys[i] < pivot {
				i++
			}
			for keys[j] > pivot {
				j--
			}
			if i <= j {
				swap(i, j)
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return
		}
	}
}

// boxDist2 returns the squared distance from q to the box of node id,
// each square rounded as in SqDist, so that it never exceeds SqDist from q
// to a row of the node.
func (t *Tree) boxDist2(id int, q []float64) float64 {
	d := t.d
	low, up := t.lower[id*d:(id+1)*d], t.upper[id*d:(id+1)*d]
	var s float64
	for j, v := range q {
		if v < low[j] {
			e := low[j] - v
			s += float64(e * e)
		} else if v > up[j] {
			e := v - up[j]
			s += float64(e * e)
		}
	}
	return s
}

// Search returns the k nearest rows to every row of q, exactly as
// Search(x, q, k). It panics if k < 1, k exceeds the number of rows, or q
// has the wrong width.
func (t *Tree) Search(q mat.Matrix, k int) *Result {
	qs, m, dq := rowMajor(q)
	checkWidth(t.d, dq)
	checkK(k, t.n)
	res := newResult(m, k)
	parallel.For(m, (m+queryBlock-1)/queryBlock, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			h := res.heap(i)
			t.search(0, qs[i*t.d:(i+1)*t.d], &h, -1)
			h.finish()
		}
	})
	return res
}

// SearchSelf returns, for every row i, its k nearest other rows, exactly as
// SearchSelf(x, k). It panics if k < 1 or k >= the number of rows.
func (t *Tree) SearchSelf(k int) *Result {
	checkK(k, t.n-1)
	res := newResult(t.n, k)
	d := t.d
	// Queries go in tree order, so that consecutive ones share leaves.
	parallel.For(t.n, (t.n+queryBlock-1)/queryBlock, func(_, lo, hi int) {
		for p := lo; p < hi; p++ {
			i := t.index[p]
			h := res.heap(i)
			t.search(0, t.data[p*d:(p+1)*d], &h, i)
			h.finish()
		}
	})
	return res
}

// search visits node id for query q, skipping original row skip.
func (t *Tree) search(id int, q []float64, h *topK, skip int) {
	nd := t.nodes[id]
	if nd.left < 0 {
		d := t.d
		for p := nd.lo; p < nd.hi; p++ {
			if i := t.index[p]; i != skip {
				h.push(SqDist(q, t.data[p*d:(p+1)*d]), i)
			}
		}
		return
	}
	a, b := nd.left, nd.right
	da, db := t.boxDist2(a, q), t.boxDist2(b, q)
	if db < da {
		a, b, da, db = b, a, db, da
	}
	if da <= h.worst() {
		t.search(a, q, h, skip)
	}
	if db <= h.worst() {
		t.search(b, q, h, skip)
	}
}
