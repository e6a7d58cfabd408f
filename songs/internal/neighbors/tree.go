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
	t := &Tree{n: n, d: d, index: make([]int, n)}
	for i := range t.index {
		t.index[i] = i
	}
	t.build(src, 0, n)
	t.data = make([]float64, n*d)
	for p, r := range t.index {
		copy(t.data[p*d:(p+1)*d], src[r*d:(r+1)*d])
	}
	return t
}

// Len returns the number of rows in the tree.
func (t *Tree) Len() int { return t.n }

// build makes the node of rows [lo, hi) of index and its subtree, and
// returns its id; nodes are numbered parent first.
func (t *Tree) build(src []float64, lo, hi int) int {
	d := t.d
	id := len(t.nodes)
	t.nodes = append(t.nodes, treeNode{lo: lo, hi: hi, left: -1, right: -1})
	t.lower = append(t.lower, make([]float64, d)...)
	t.upper = append(t.upper, make([]float64, d)...)
	low, up := t.lower[id*d:(id+1)*d], t.upper[id*d:(id+1)*d]
	for j := 0; j < d; j++ {
		low[j], up[j] = math.Inf(1), math.Inf(-1)
	}
	for _, r := range t.index[lo:hi] {
		for j, v := range src[r*d : (r+1)*d] {
			low[j] = min(low[j], v)
			up[j] = max(up[j], v)
		}
	}
	if hi-lo <= leafSize {
		return id
	}
	dim, spread := 0, -1.0
	for j := 0; j < d; j++ {
		if s := up[j] - low[j]; s > spread {
			dim, spread = j, s
		}
	}
	mid := (lo + hi) / 2
	selectNth(t.index[lo:hi], mid-lo, func(r int) float64 { return src[r*d+dim] })
	left := t.build(src, lo, mid)
	right := t.build(src, mid, hi)
	t.nodes[id].left, t.nodes[id].right = left, right
	return id
}

// selectNth reorders idx so that key(idx[k]) is the k-th smallest key, with
// no larger key before it and no smaller key after it (Hoare's selection
// with a median-of-three pivot).
func selectNth(idx []int, k int, key func(int) float64) {
	lo, hi := 0, len(idx)-1
	for hi > lo {
		m := lo + (hi-lo)/2
		if key(idx[m]) < key(idx[lo]) {
			idx[m], idx[lo] = idx[lo], idx[m]
		}
		if key(idx[hi]) < key(idx[lo]) {
			idx[hi], idx[lo] = idx[lo], idx[hi]
		}
		if key(idx[hi]) < key(idx[m]) {
			idx[hi], idx[m] = idx[m], idx[hi]
		}
		pivot := key(idx[m])
		i, j := lo, hi
		for i <= j {
			for key(idx[i]) < pivot {
				i++
			}
			for key(idx[j]) > pivot {
				j--
			}
			if i <= j {
				idx[i], idx[j] = idx[j], idx[i]
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
