package neighbors

import "math"

// less is the order of every neighbour list of the package: by squared
// distance, then by index. An empty slot, (+Inf, -1), comes after every
// candidate (the index compares as unsigned).
func less(d1 float64, i1 int, d2 float64, i2 int) bool {
	return d1 < d2 || (d1 == d2 && uint(i1) < uint(i2))
}

// topK keeps the k smallest (squared distance, index) pairs offered to it,
// as a max-heap under less over the first n entries of d and idx: the root
// is the worst pair kept, the bar a new pair must beat once the heap is
// full. fresh, when not nil, holds a flag that travels with each entry
// (set for entries added), as nearest-neighbour descent marks the entries
// it has not yet joined.
type topK struct {
	d     []float64
	idx   []int
	fresh []bool
	n     int
}

// newTopK returns an empty heap over d and idx (and fresh, which may be
// nil), all of length k.
func newTopK(d []float64, idx []int, fresh []bool) topK {
	return topK{d: d, idx: idx[:len(d)], fresh: fresh}
}

// fillEmpty fills the heap with empty slots, (+Inf, -1): a full heap that
// any candidate enters.
func (h *topK) fillEmpty() {
	for i := range h.d {
		h.d[i], h.idx[i] = math.Inf(1), -1
	}
	h.n = len(h.d)
}

// full reports whether the heap holds k pairs.
func (h *topK) full() bool { return h.n == len(h.d) }

// worst returns the largest squared distance kept, +Inf while the heap is
// not full.
func (h *topK) worst() float64 {
	if h.n < len(h.d) {
		return math.Inf(1)
	}
	return h.d[0]
}

// beats reports whether (d, i) would enter the heap.
func (h *topK) beats(d float64, i int) bool {
	return h.n < len(h.d) || less(d, i, h.d[0], h.idx[0])
}

// has reports whether index i is kept.
func (h *topK) has(i int) bool {
	for _, v := range h.idx[:h.n] {
		if v == i {
			return true
		}
	}
	return false
}

// push offers (d, i) and reports whether it was kept.
func (h *topK) push(d float64, i int) bool {
	if !h.beats(d, i) {
		return false
	}
	h.add(d, i)
	return true
}

// add puts (d, i), which must beat the worst pair, in the heap: in a free
// slot while there is one, else in place of the worst pair.
func (h *topK) add(d float64, i int) {
	if h.n < len(h.d) {
		j := h.n
		h.n++
		for j > 0 {
			p := (j - 1) / 2
			if !less(h.d[p], h.idx[p], d, i) {
				break
			}
			h.move(j, p)
			j = p
		}
		h.set(j, d, i)
		return
	}
	k := len(h.d)
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
		h.move(j, c)
		j = c
	}
	h.set(j, d, i)
}

// set writes a new entry (d, i) in slot j.
func (h *topK) set(j int, d float64, i int) {
	h.d[j], h.idx[j] = d, i
	if h.fresh != nil {
		h.fresh[j] = true
	}
}

// move copies entry c to slot j.
func (h *topK) move(j, c int) {
	h.d[j], h.idx[j] = h.d[c], h.idx[c]
	if h.fresh != nil {
		h.fresh[j] = h.fresh[c]
	}
}

// swap exchanges entries a and b.
func (h *topK) swap(a, b int) {
	h.d[a], h.d[b] = h.d[b], h.d[a]
	h.idx[a], h.idx[b] = h.idx[b], h.idx[a]
	if h.fresh != nil {
		h.fresh[a], h.fresh[b] = h.fresh[b], h.fresh[a]
	}
}

// finish sorts the entries and turns squared distances into distances.
func (h *topK) finish() {
	h.sort()
	for i, v := range h.d {
		h.d[i] = math.Sqrt(v)
	}
}

// sort sorts the entries in increasing order under less (heap sort in
// place). The heap must be full.
func (h *topK) sort() {
	d, idx := h.d, h.idx
	for end := len(d) - 1; end > 0; end-- {
		h.swap(0, end)
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
			h.swap(j, c)
			j = c
		}
	}
}
