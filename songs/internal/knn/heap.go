package knn

// topK keeps the k smallest (distance², index) pairs seen so far as a max-heap
// ordered lexicographically, so that ties are resolved by the smaller index.
type topK struct {
	d   []float64
	idx []int
	n   int
}

func newTopK(d []float64, idx []int) topK {
	return topK{d: d, idx: idx}
}

// worst returns the largest squared distance kept, or +Inf while not full.
func (h *topK) worst() float64 {
	if h.n < len(h.d) {
		return inf
	}
	return h.d[0]
}

func less(d1 float64, i1 int, d2 float64, i2 int) bool {
	return d1 < d2 || (d1 == d2 && i1 < i2)
}

// push offers (d, i); it is kept when the heap is not full or it precedes the
// current worst pair.
func (h *topK) push(d float64, i int) {
	k := len(h.d)
	if h.n < k {
		j := h.n
		h.n++
		for j > 0 {
			p := (j - 1) / 2
			if !less(h.d[p], h.idx[p], d, i) {
				break
			}
			h.d[j], h.idx[j] = h.d[p], h.idx[p]
			j = p
		}
		h.d[j], h.idx[j] = d, i
		return
	}
	if !less(d, i, h.d[0], h.idx[0]) {
		return
	}
	j := 0
	for {
		c := 2*j + 1
		if c >= k {
			break
		}
		if c+1 < k && less(h.d[c], h.idx[c], h.d[c+1], h.idx[c+1]) {
			c++
		}
		if !less(d, i, h.d[c], h.idx[c]) {
			break
		}
		h.d[j], h.idx[j] = h.d[c], h.idx[c]
		j = c
	}
	h.d[j], h.idx[j] = d, i
}

// finish sorts the kept pairs in increasing order and turns squared
// distances into distances.
func (h *topK) finish() {
	// Heap sort in place: repeatedly move the maximum to the end.
	d, idx := h.d[:h.n], h.idx[:h.n]
	for end := h.n - 1; end > 0; end-- {
		d[0], d[end] = d[end], d[0]
		idx[0], idx[end] = idx[end], idx[0]
		j := 0
		for {
			c := 2*j + 1
			if c >= end {
				break
			}
			if c+1 < end && less(d[c], idx[c], d[c+1], idx[c+1]) {
				c++
			}
			if !less(d[j], idx[j], d[c], idx[c]) {
				break
			}
			d[j], d[c] = d[c], d[j]
			idx[j], idx[c] = idx[c], idx[j]
			j = c
		}
	}
	for i := range d {
		d[i] = sqrt(d[i])
	}
}
