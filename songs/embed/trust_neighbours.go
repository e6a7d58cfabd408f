package embed

import (
	"math"

	"github.com/songcohorts/cohorts/songs/internal/neighbors"
)

// sqDistances sets dist[j] to the squared Euclidean distance between rows
// i and j of the row-major data with d columns, as the neighbour search
// computes it.
func sqDistances(dist, data []float64, d, i int) {
	xi := data[i*d : (i+1)*d]
	for j := range dist {
		dist[j] = neighbors.SqDist(xi, data[j*d:(j+1)*d])
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
