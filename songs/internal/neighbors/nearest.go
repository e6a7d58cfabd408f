package neighbors

// Nearest selects from one row of squared distances, d2[j] from a query
// to row j (as SqDist gives them), the len(idx) nearest rows other than
// row skip (-1 for none): their indices in idx and squared distances in
// dist, nearest first, ties broken by the smaller index, as every search
// of the package orders them. It panics if len(dist) differs from
// len(idx) or fewer candidates than len(idx) remain.
func Nearest(idx []int, dist, d2 []float64, skip int) {
	if len(dist) != len(idx) {
		panic("neighbors: Nearest: idx and dist differ in length")
	}
	n := len(d2)
	if skip >= 0 && skip < n {
		n--
	}
	checkK(len(idx), n)
	h := newTopK(dist, idx, nil)
	for j, v := range d2 {
		// Indices come in increasing order, so a value equal to the worst
		// kept comes after it: only a smaller one can enter a full heap.
		if j == skip || (h.full() && !(v < h.d[0])) {
			continue
		}
		h.add(v, j)
	}
	h.sort()
}
