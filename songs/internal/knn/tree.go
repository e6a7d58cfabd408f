package knn

import (
	"fmt"
	"sync"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

const (
	leafSize    = 32 // at most this many rows in a leaf
	parallelTop = 3  // build the subtrees below this depth concurrently
)

// Tree is a k-d tree over the rows of a matrix (Friedman, Bentley and Finkel
// 1977, "An algorithm for finding best matches in logarithmic expected
// time"): nodes split the widest side of their cell at the median, and a
// search visits the nearer child first and skips every node whose tight
// bounding box lies farther than the current k-th neighbour. It returns
// exactly the neighbours, distances and tie order of Search and SearchSelf.
//
// A Tree keeps its own reordered copy of the data and is safe for concurrent
// searches.
type Tree struct {
	n, d  int
	data  []float64 // rows in tree order
	index []int     // index[p] is the original row of tree position p
	// Nodes use heap numbering: the children of node i are 2i+1 and 2i+2.
	lo, hi   []int     // row range [lo, hi) in tree order; hi == 0 marks an absent node
	leaf     []bool    // whether the node is a leaf
	splitDim []int     // dimension a branch splits
	splitVal []float64 // value a branch splits at
	boxLo    []float64 // tight bounding box, nodes × d
	boxHi    []float64
}

// NewTree builds a k-d tree over the rows of x. It panics if x has no rows.
func NewTree(x mat.Matrix) *Tree {
	src, n, d := rowMajor(x)
	if n == 0 {
		panic("knn: empty matrix")
	}
	depth := 0
	for size := n; size > leafSize; size = (size + 1) / 2 {
		depth++
	}
	nodes := 1<<(depth+1) - 1
	t := &Tree{
		n: n, d: d,
		data:     make([]float64, n*d),
		index:    make([]int, n),
		lo:       make([]int, nodes),
		hi:       make([]int, nodes),
		leaf:     make([]bool, nodes),
		splitDim: make([]int, nodes),
		splitVal: make([]float64, nodes),
		boxLo:    make([]float64, nodes*d),
		boxHi:    make([]float64, nodes*d),
	}
	for i := range t.index {
		t.index[i] = i
	}
	keys := make([]float64, n)
	cellLo := make([]float64, d)
	cellHi := make([]float64, d)
	for j := 0; j < d; j++ {
		cellLo[j], cellHi[j] = inf, -inf
	}
	for i := 0; i < n; i++ {
		for j, v := range src[i*d : i*d+d] {
			cellLo[j] = min(cellLo[j], v)
			cellHi[j] = max(cellHi[j], v)
		}
	}
	var wg sync.WaitGroup
	t.build(src, keys, 0, 0, n, 0, cellLo, cellHi, &wg)
	wg.Wait()
	return t
}

// build splits rows [lo, hi) of index into node id and its subtree, then
// copies leaf rows into tree order and sets tight boxes bottom-up.
func (t *Tree) build(src, keys []float64, id, lo, hi, depth int, cellLo, cellHi []float64, wg *sync.WaitGroup) {
	d := t.d
	t.lo[id], t.hi[id] = lo, hi
	if hi-lo <= leafSize {
		t.leaf[id] = true
		bl, bh := t.boxLo[id*d:id*d+d], t.boxHi[id*d:id*d+d]
		for j := range bl {
			bl[j], bh[j] = inf, -inf
		}
		for p := lo; p < hi; p++ {
			row := src[t.index[p]*d : t.index[p]*d+d]
			copy(t.data[p*d:p*d+d], row)
			for j, v := range row {
				bl[j] = min(bl[j], v)
				bh[j] = max(bh[j], v)
			}
		}
		return
	}
	dim := 0
	for j := 1; j < d; j++ {
		if cellHi[j]-cellLo[j] > cellHi[dim]-cellLo[dim] {
			dim = j
		}
	}
	mid := lo + (hi-lo+1)/2
	idx, k := t.index[lo:hi], keys[lo:hi]
	for i, r := range idx {
		k[i] = src[r*d+dim]
	}
	selectNth(k, idx, mid-lo)
	split := k[mid-lo]
	t.splitDim[id], t.splitVal[id] = dim, split

	leftHi := append([]float64(nil), cellHi...)
	leftHi[dim] = split
	rightLo := append([]float64(nil), cellLo...)
	rightLo[dim] = split
	if depth < parallelTop {
		var inner sync.WaitGroup
		inner.Add(1)
		go func() {
			defer inner.Done()
			t.build(src, keys, 2*id+1, lo, mid, depth+1, cellLo, leftHi, wg)
		}()
		t.build(src, keys, 2*id+2, mid, hi, depth+1, rightLo, cellHi, wg)
		inner.Wait()
	} else {
		t.build(src, keys, 2*id+1, lo, mid, depth+1, cellLo, leftHi, wg)
		t.build(src, keys, 2*id+2, mid, hi, depth+1, rightLo, cellHi, wg)
	}
	bl, bh := t.boxLo[id*d:id*d+d], t.boxHi[id*d:id*d+d]
	l, r := 2*id+1, 2*id+2
	for j := range bl {
		bl[j] = min(t.boxLo[l*d+j], t.boxLo[r*d+j])
		bh[j] = max(t.boxHi[l*d+j], t.boxHi[r*d+j])
	}
}

// selectNth reorders k (and idx alongside) so that k[nth] holds the value it
// would have in sorted order, no larger value before it and no smaller after
// it (Hoare's selection with a median-of-three pivot).
func selectNth(k []float64, idx []int, nth int) {
	lo, hi := 0, len(k)-1
	for hi > lo {
		m := lo + (hi-lo)/2
		if k[m] < k[lo] {
			k[m], k[lo], idx[m], idx[lo] = k[lo], k[m], idx[lo], idx[m]
		}
		if k[hi] < k[lo] {
			k[hi], k[lo], idx[hi], idx[lo] = k[lo], k[hi], idx[lo], idx[hi]
		}
		if k[hi] < k[m] {
			k[hi], k[m], idx[hi], idx[m] = k[m], k[hi], idx[m], idx[hi]
		}
		pivot := k[m]
		i, j := lo, hi
		for i <= j {
			for k[i] < pivot {
				i++
			}
			for k[j] > pivot {
				j--
			}
			if i <= j {
				k[i], k[j], idx[i], idx[j] = k[j], k[i], idx[j], idx[i]
				i++
				j--
			}
		}
		switch {
		case nth <= j:
			hi = j
		case nth >= i:
			lo = i
		default:
			return
		}
	}
}

// Len returns the number of rows in the tree.
func (t *Tree) Len() int { return t.n }

// Search returns the k nearest rows to every row of q, exactly as Search(x, q, k).
// It panics if k < 1, k exceeds the number of rows, or q has the wrong width.
func (t *Tree) Search(q mat.Matrix, k int) *Result {
	qs, m, dq := rowMajor(q)
	if dq != t.d {
		panic(fmt.Sprintf("knn: width mismatch %d != %d", t.d, dq))
	}
	checkK(k, t.n)
	res := &Result{K: k, Index: make([]int, m*k), Dist: make([]float64, m*k)}
	parallel.For((m+queryBlock-1)/queryBlock, (m+queryBlock-1)/queryBlock, func(b, _, _ int) {
		for i := b * queryBlock; i < min((b+1)*queryBlock, m); i++ {
			h := newTopK(res.Dist[i*k:(i+1)*k], res.Index[i*k:(i+1)*k])
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
	res := &Result{K: k, Index: make([]int, t.n*k), Dist: make([]float64, t.n*k)}
	d := t.d
	// Queries go in tree order, so consecutive queries share their leaves.
	parallel.For((t.n+queryBlock-1)/queryBlock, (t.n+queryBlock-1)/queryBlock, func(b, _, _ int) {
		for p := b * queryBlock; p < min((b+1)*queryBlock, t.n); p++ {
			i := t.index[p]
			h := newTopK(res.Dist[i*k:(i+1)*k], res.Index[i*k:(i+1)*k])
			t.search(0, t.data[p*d:(p+1)*d], &h, i)
			h.finish()
		}
	})
	return res
}

// boxDist returns the squared distance from q to the bounding box of node id.
func (t *Tree) boxDist(id int, q []float64) float64 {
	d := t.d
	bl, bh := t.boxLo[id*d:id*d+d], t.boxHi[id*d:id*d+d]
	bl, bh = bl[:len(q)], bh[:len(q)]
	var s float64
	for j, v := range q {
		if v < bl[j] {
			u := bl[j] - v
			s += u * u
		} else if v > bh[j] {
			u := v - bh[j]
			s += u * u
		}
	}
	return s
}

// search visits node id for query q, skipping row skip.
func (t *Tree) search(id int, q []float64, h *topK, skip int) {
	d := t.d
	if t.leaf[id] {
		for p := t.lo[id]; p < t.hi[id]; p++ {
			i := t.index[p]
			if i == skip {
				continue
			}
			s := sqDist(q, t.data[p*d:p*d+d])
			if s <= h.worst() {
				h.push(s, i)
			}
		}
		return
	}
	near, far := 2*id+1, 2*id+2
	if q[t.splitDim[id]] >= t.splitVal[id] {
		near, far = far, near
	}
	if t.boxDist(near, q) <= h.worst()*(1+1e-12) {
		t.search(near, q, h, skip)
	}
	if t.boxDist(far, q) <= h.worst()*(1+1e-12) {
		t.search(far, q, h, skip)
	}
}
