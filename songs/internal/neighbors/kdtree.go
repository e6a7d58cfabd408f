package neighbors

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// DefaultLeafSize is the number of rows below which New stops splitting
// when called with leafSize <= 0 (scikit-learn's KDTree uses 40, its
// NearestNeighbors 30).
const DefaultLeafSize = 32

// KDTree is an exact Euclidean search tree over the rows of a matrix
// (Bentley 1975; Friedman, Bentley and Finkel 1977). Each node keeps the
// bounding box of its rows, used to prune a query, and the sum of its rows,
// used by RadiusSum to add whole nodes that lie inside the query ball.
// A KDTree is read-only after New and safe for concurrent queries.
type KDTree struct {
	n, d  int
	data  []float64 // rows in tree order, n*d
	index []int     // index[i] is the original row of tree row i
	nodes []kdNode
	lower []float64 // bounding box lower corner of node i at i*d
	upper []float64 // bounding box upper corner of node i at i*d
	sums  []float64 // sum of the rows of node i at i*d
}

type kdNode struct {
	lo, hi      int
	left, right int // -1 for a leaf
}

// New builds a kd-tree over the rows of x, splitting each node at the median
// of its dimension of largest spread until at most leafSize rows remain
// (DefaultLeafSize when leafSize <= 0). The rows are copied. New panics if x
// has no rows or no columns.
func New(x mat.Matrix, leafSize int) *KDTree {
	n, d := x.Dims()
	if n == 0 || d == 0 {
		panic("neighbors: empty matrix")
	}
	if leafSize <= 0 {
		leafSize = DefaultLeafSize
	}
	src := make([]float64, n*d)
	for i := 0; i < n; i++ {
		row := src[i*d : (i+1)*d]
		if rv, ok := x.(mat.RawRowViewer); ok {
			copy(row, rv.RawRowView(i))
		} else {
			for j := range row {
				row[j] = x.At(i, j)
			}
		}
	}
	t := &KDTree{n: n, d: d, index: make([]int, n)}
	for i := range t.index {
		t.index[i] = i
	}
	t.build(src, 0, n, leafSize)
	t.data = make([]float64, n*d)
	for i, r := range t.index {
		copy(t.data[i*d:(i+1)*d], src[r*d:(r+1)*d])
	}
	return t
}

// Len returns the number of rows in the tree.
func (t *KDTree) Len() int { return t.n }

// Dim returns the number of columns of the rows in the tree.
func (t *KDTree) Dim() int { return t.d }

func (t *KDTree) build(src []float64, lo, hi, leafSize int) int {
	d := t.d
	id := len(t.nodes)
	t.nodes = append(t.nodes, kdNode{lo: lo, hi: hi, left: -1, right: -1})
	t.lower = append(t.lower, make([]float64, d)...)
	t.upper = append(t.upper, make([]float64, d)...)
	t.sums = append(t.sums, make([]float64, d)...)
	low, up := t.lower[id*d:(id+1)*d], t.upper[id*d:(id+1)*d]
	for j := 0; j < d; j++ {
		low[j], up[j] = math.Inf(1), math.Inf(-1)
	}
	for _, r := range t.index[lo:hi] {
		row := src[r*d : (r+1)*d]
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
		sum := t.sums[id*d : (id+1)*d]
		for _, r := range t.index[lo:hi] {
			for j, v := range src[r*d : (r+1)*d] {
				sum[j] += v
			}
		}
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
	left := t.build(src, lo, mid, leafSize)
	right := t.build(src, mid, hi, leafSize)
	t.nodes[id].left, t.nodes[id].right = left, right
	sum := t.sums[id*d : (id+1)*d]
	ls, rs := t.sums[left*d:(left+1)*d], t.sums[right*d:(right+1)*d]
	for j := range sum {
		sum[j] = ls[j] + rs[j]
	}
	return id
}

// selectNth reorders idx so that key(idx[k]) is the k-th smallest key, with
// no larger key before it and no smaller key after it (Hoare's selection).
func selectNth(idx []int, k int, key func(int) float64) {
	lo, hi := 0, len(idx)-1
	for hi > lo {
		// Median of three as pivot.
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

// minDist2 returns the squared distance from q to the box of node id.
func (t *KDTree) minDist2(id int, q []float64) float64 {
	d := t.d
	low, up := t.lower[id*d:(id+1)*d], t.upper[id*d:(id+1)*d]
	var s float64
	for j, v := range q {
		if v < low[j] {
			e := low[j] - v
			s += e * e
		} else if v > up[j] {
			e := v - up[j]
			s += e * e
		}
	}
	return s
}

// maxDist2 returns the squared distance from q to the farthest corner of the
// box of node id.
func (t *KDTree) maxDist2(id int, q []float64) float64 {
	d := t.d
	low, up := t.lower[id*d:(id+1)*d], t.upper[id*d:(id+1)*d]
	var s float64
	for j, v := range q {
		a, b := v-low[j], up[j]-v
		if a < b {
			a = b
		}
		s += a * a
	}
	return s
}

func dist2(a, b []float64) float64 {
	var s float64
	b = b[:len(a)]
	for j, v := range a {
		e := v - b[j]
		s += e * e
	}
	return s
}

// within reports whether ‖a−b‖² <= r2, abandoning the sum once half of it
// already exceeds r2 (partial sums of squares only grow).
func within(a, b []float64, r2 float64) bool {
	b = b[:len(a)]
	h := len(a) / 2
	var s float64
	for j := 0; j < h; j++ {
		e := a[j] - b[j]
		s += e * e
	}
	if s > r2 {
		return false
	}
	for j := h; j < len(a); j++ {
		e := a[j] - b[j]
		s += e * e
	}
	return s <= r2
}

func (t *KDTree) checkQuery(q []float64) {
	if len(q) != t.d {
		panic("neighbors: query dimension mismatch")
	}
}
