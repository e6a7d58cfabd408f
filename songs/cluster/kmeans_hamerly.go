package cluster

import (
	"math"

	"github.com/songcohorts/cohorts/songs/internal/neighbors"
)

// hamerlyAssign is the assignment step of Hamerly's algorithm (Hamerly
// 2010). With full set it computes every distance and initialises the
// bounds; otherwise it first moves the bounds by the last centre shifts
// (when applyShift is set) and recomputes distances only for rows whose
// bounds no longer prove their label. With sums set it keeps r.sums and
// r.wsum consistent with the new labels (recomputed in full when full is
// set, updated by the moved rows otherwise). It returns the number of rows
// whose label changed.
func (r *kmeansRun) hamerlyAssign(full, sums, applyShift bool) int {
	d, k := r.d, r.k
	c := r.centres
	// Half the distance from each centre to its nearest other centre.
	for j := 0; j < k; j++ {
		m := math.Inf(1)
		for jj := 0; jj < k; jj++ {
			if jj != j {
				if dd := kmSqDist(c[j*d:(j+1)*d], c[jj*d:(jj+1)*d]); dd < m {
					m = dd
				}
			}
		}
		r.half[j] = 0.5 * math.Sqrt(m)
	}
	// Largest and second largest shift, for the lower bounds.
	max1, max2, arg1 := 0.0, 0.0, -1
	if applyShift {
		for j, s := range r.shift {
			if s > max1 {
				max2 = max1
				max1, arg1 = s, j
			} else if s > max2 {
				max2 = s
			}
		}
	}
	neighbors.ForBlocks(r.n, r.nb, func(b, lo, hi int) {
		bs, bw := r.bsums[b], r.bw[b]
		if sums {
			clear(bs)
			clear(bw)
		}
		changed := 0
		dist := make([]float64, k)
		for i := lo; i < hi; i++ {
			x := r.data[i*d : (i+1)*d]
			a := int(r.labels[i])
			u, l := r.upper[i], r.lower[i]
			if !full {
				if applyShift {
					u += r.shift[a]
					if a == arg1 {
						l -= max2
					} else {
						l -= max1
					}
				}
				m := r.half[a]
				if l > m {
					m = l
				}
				if u > m {
					u = math.Sqrt(kmSqDist(x, c[a*d:(a+1)*d]))
				}
				if u <= m {
					r.upper[i], r.lower[i] = u, l
					continue
				}
			}
			kmDistsTo(x, c, dist)
			best, d1, d2 := 0, math.Inf(1), math.Inf(1)
			for j, dd := range dist {
				if dd < d1 {
					best, d1, d2 = j, dd, d1
				} else if dd < d2 {
					d2 = dd
				}
			}
			r.upper[i], r.lower[i] = math.Sqrt(d1), math.Sqrt(d2)
			if best != a {
				changed++
				r.labels[i] = int32(best)
				if sums {
					wi := r.w[i]
					s := bs[best*d : (best+1)*d]
					for f, v := range x {
						s[f] += wi * v
					}
					bw[best] += wi
					if a >= 0 && !full {
						s := bs[a*d : (a+1)*d]
						for f, v := range x {
							s[f] -= wi * v
						}
						bw[a] -= wi
					}
				}
			} else if full && sums {
				wi := r.w[i]
				s := bs[best*d : (best+1)*d]
				for f, v := range x {
					s[f] += wi * v
				}
				bw[best] += wi
			}
		}
		r.bchanged[b] = changed
	})
	total := 0
	for b := 0; b < r.nb; b++ {
		total += r.bchanged[b]
	}
	if sums {
		if full {
			clear(r.sums)
			clear(r.wsum)
		}
		for b := 0; b < r.nb; b++ {
			for j, v := range r.bsums[b] {
				r.sums[j] += v
			}
			for j, v := range r.bw[b] {
				r.wsum[j] += v
			}
		}
	}
	return total
}
