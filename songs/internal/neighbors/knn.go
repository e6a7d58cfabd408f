package neighbors

import "math"

// KNN finds the k rows nearest to q under the Euclidean distance and writes
// their original row indices to idx and their distances to dist, nearest
// first, ties broken by the smaller row index. A row equal to q is included
// at distance 0 (as scikit-learn's kneighbors on the training rows). KNN
// panics if k < 1, k exceeds the number of rows, len(idx) or len(dist) is
// less than k, or len(q) differs from the tree's dimension.
func (t *KDTree) KNN(q []float64, k int, idx []int, dist []float64) {
	t.checkQuery(q)
	if k < 1 || k > t.n {
		panic("neighbors: k out of range")
	}
	if len(idx) < k || len(dist) < k {
		panic("neighbors: destination too short")
	}
	h := knnHeap{d2: dist[:0], idx: idx[:0], k: k}
	t.knn(0, q, &h)
	// Sort the max-heap into ascending order.
	for m := len(h.d2) - 1; m > 0; m-- {
		h.swap(0, m)
		h.down(0, m)
	}
	for i := range h.d2 {
		dist[i] = math.Sqrt(h.d2[i])
	}
}

func (t *KDTree) knn(id int, q []float64, h *knnHeap) {
	nd := t.nodes[id]
	if nd.left < 0 {
		d := t.d
		for i := nd.lo; i < nd.hi; i++ {
			h.push(dist2(q, t.data[i*d:(i+1)*d]), t.index[i])
		}
		return
	}
	a, b := nd.left, nd.right
	da, db := t.minDist2(a, q), t.minDist2(b, q)
	if db < da {
		a, b, da, db = b, a, db, da
	}
	if !h.full() || da <= h.d2[0] {
		t.knn(a, q, h)
	}
	if !h.full() || db <= h.d2[0] {
		t.knn(b, q, h)
	}
}

// knnHeap is a max-heap on (squared distance, index) holding at most k
// entries.
type knnHeap struct {
	d2  []float64
	idx []int
	k   int
}

func (h *knnHeap) full() bool { return len(h.d2) == h.k }

func (h *knnHeap) less(i, j int) bool {
	if h.d2[i] != h.d2[j] {
		return h.d2[i] < h.d2[j]
	}
	return h.idx[i] < h.idx[j]
}

func (h *knnHeap) swap(i, j int) {
	h.d2[i], h.d2[j] = h.d2[j], h.d2[i]
	h.idx[i], h.idx[j] = h.idx[j], h.idx[i]
}

func (h *knnHeap) push(d2 float64, i int) {
	if h.full() {
		if d2 > h.d2[0] || (d2 == h.d2[0] && i > h.idx[0]) {
			return
		}
		h.d2[0], h.idx[0] = d2, i
		h.down(0, len(h.d2))
		return
	}
	h.d2 = append(h.d2, d2)
	h.idx = append(h.idx, i)
	for j := len(h.d2) - 1; j > 0; {
		p := (j - 1) / 2
		if !h.less(p, j) {
			break
		}
		h.swap(p, j)
		j = p
	}
}

func (h *knnHeap) down(i, n int) {
	for {
		l := 2*i + 1
		if l >= n {
			return
		}
		m := l
		if r := l + 1; r < n && h.less(l, r) {
			m = r
		}
		if !h.less(i, m) {
			return
		}
		h.swap(i, m)
		i = m
	}
}
