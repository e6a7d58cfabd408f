package embed

import "math"

// sqDistances sets dist[j] to the squared Euclidean distance between rows
// i and j of the row-major data with d columns.
func sqDistances(dist, data []float64, d, i int) {
	xi := data[i*d : (i+1)*d]
	for j := range dist {
		xj := data[j*d : (j+1)*d]
		s := 0.0
		for l, v := range xi {
			t := v - xj[l]
			s += t * t
		}
		dist[j] = s
	}
}

// kNearest fills idx and val with the len(idx) smallest entries of dist,
// other than entry self, in increasing order of (distance, index).
func kNearest(idx []int, val []float64, dist []float64, self int) {
	k := len(idx)
	m := 0
	for j, v := range dist {
		if j == self {
			continue
		}
		if m == k && !(v < val[k-1]) {
			continue // ties keep the lower index, already held
		}
		// Insert (v, j) keeping the order; j is the largest index so far,
		// so it goes after equal distances.
		p := min(m, k-1)
		for p > 0 && val[p-1] > v {
			val[p], idx[p] = val[p-1], idx[p-1]
			p--
		}
		val[p], idx[p] = v, j
		if m < k {
			m++
		}
	}
}

// farRanks returns Σ (r(i, j) - k) over the rows j in far, where r is the
// rank of j among the other rows by distX (1 for the nearest, ties broken
// by row index). less and notMore are scratch of length >= len(far).
// Counting is branch-free: the sign bit of a - b is set exactly when a < b.
func farRanks(distX []float64, far []int, i, k int, less, notMore []int) int64 {
	m := len(far)
	less, notMore = less[:m], notMore[:m]
	clear(less)
	clear(notMore)
	var thr [16]float64
	for p0 := 0; p0 < m; p0 += len(thr) {
		p1 := min(m, p0+len(thr))
		t := thr[:p1-p0]
		for p := range t {
			t[p] = distX[far[p0+p]]
		}
		for _, dl := range distX {
			for p, tp := range t {
				less[p0+p] += int(math.Float64bits(dl-tp) >> 63)
				notMore[p0+p] += int(math.Float64bits(tp-dl)>>63) ^ 1
			}
		}
	}
	var sum int64
	for p, j := range far {
		dj := distX[j]
		// Row i itself is at distance 0: count it out.
		lt := less[p]
		if 0 < dj {
			lt--
		}
		rank := 1 + lt
		if eq := notMore[p] - less[p]; eq > 1 || (dj == 0 && eq > 0) {
			// Rows other than j (and i) at exactly the same distance:
			// those with a lower index rank first.
			for l, dl := range distX[:j] {
				if dl == dj && l != i {
					rank++
				}
			}
		}
		sum += int64(rank - k)
	}
	return sum
}
