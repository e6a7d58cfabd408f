package cluster

import (
	"math"

	"github.com/songcohorts/cohorts/songs/internal/neighbors"
)

// hamerlyAssign is the assignment step of Hamerly's algorithm (Hamerly
// 2010). With full set it computes every distance and initialises the
// bounds; otherwise it first moves the bounds by the last centre shifts
// (when applyShift is set) and computes distances only for rows whose
// bounds no longer prove their label. Those rows are gathered kmChunk at a
// time and get all k distances from the kernel, which sets both bounds
// exactly (the kernel costs little more than the single distance of
// Hamerly's bound-tightening step). With sums set it keeps r.sums and
// r.wsum consistent with the new labels (recomputed in full when full is
// set, updated by the moved rows otherwise). It returns the number of rows
// whose label changed.
func (r *kmeansRun) hamerlyAssign(full, sums, applyShift bool) int {
	d, k := r.d, r.k
	c := r.centres
	r.ct = kmTranspose(r.ct, c, k, d)
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
		if full {
			for c0 := lo; c0 < hi; c0 += kmChunk {
				m := min(kmChunk, hi-c0)
				changed += r.hamerlyRows(b, c0, m, nil, full, sums)
			}
			r.bchanged[b] = changed
			return
		}
		idx := r.bidx[b][:0]
		for i := lo; i < hi; i++ {
			a := int(r.labels[i])
			u, l := r.upper[i], r.lower[i]
			if applyShift {
				u += r.shift[a]
				if a == arg1 {
					l -= max2
				} else {
					l -= max1
				}
			}
			r.upper[i], r.lower[i] = u, l
			if u <= max(r.half[a], l) {
				continue
			}
			idx = append(idx, int32(i))
			if len(idx) == kmChunk {
				changed += r.hamerlyRows(b, 0, 0, idx, full, sums)
				idx = idx[:0]
			}
		}
		if len(idx) > 0 {
			changed += r.hamerlyRows(b, 0, 0, idx, full, sums)
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

// hamerlyRows computes all k distances of a chunk of rows of block b -- the
// m consecutive rows from c0 when idx is nil, else the rows listed in idx --
// sets their labels and bounds, and records moved rows (every row when full
// is set) in the block's sums. It returns the number of changed labels.
func (r *kmeansRun) hamerlyRows(b, c0, m int, idx []int32, full, sums bool) int {
	d, k, kp := r.d, r.k, r.kp
	dist := r.bdist[b]
	if idx == nil {
		kmDists(r.data[c0*d:(c0+m)*d], m, d, r.ct, kp, dist)
	} else {
		m = len(idx)
		rows := r.brows[b]
		for q, i := range idx {
			copy(rows[q*d:(q+1)*d], r.data[int(i)*d:(int(i)+1)*d])
		}
		kmDists(rows, m, d, r.ct, kp, dist)
	}
	bs, bw := r.bsums[b], r.bw[b]
	changed := 0
	for q := 0; q < m; q++ {
		i := c0 + q
		if idx != nil {
			i = int(idx[q])
		}
		best, d1, d2 := 0, math.Inf(1), math.Inf(1)
		for j, dd := range dist[q*kp : q*kp+k] {
			if dd < d1 {
				best, d1, d2 = j, dd, d1
			} else if dd < d2 {
				d2 = dd
			}
		}
		r.upper[i], r.lower[i] = math.Sqrt(d1), math.Sqrt(d2)
		a := int(r.labels[i])
		if best != a {
			changed++
			r.labels[i] = int32(best)
		}
		if !sums || (best == a && !full) {
			continue
		}
		wi := r.w[i]
		x := r.data[i*d : (i+1)*d]
		s := bs[best*d : (best+1)*d]
		for f, v := range x {
			s[f] += wi * v
		}
		bw[best] += wi
		if a >= 0 && best != a && !full {
			s := bs[a*d : (a+1)*d]
			for f, v := range x {
				s[f] -= wi * v
			}
			bw[a] -= wi
		}
	}
	return changed
}
