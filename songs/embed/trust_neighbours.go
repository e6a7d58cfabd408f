package embed

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
