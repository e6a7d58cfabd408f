package cluster

import "math"

// The Hamerly bounds of a row are stored as two float32 in one uint64,
// relative to the cumulative drifts of the row's centre a: the upper bound
// on the distance to a is ũ + drift[a] and the lower bound on the distance
// to every other centre is l̃ − ldrift[a], where drift[a] sums a's shifts
// and ldrift[a] sums, per iteration, the largest shift of the other
// centres -- the per-iteration updates u += shift[a], l −= max_{j≠a}
// shift[j] of Hamerly (2010), accumulated once per centre instead of once
// per row. Rows whose bounds still prove their label are only read, never
// written. ũ is rounded up and l̃ down by a margin of 2⁻²² (|ũ| + drift[a])
// (and likewise for l̃), which covers the float32 rounding and the float64
// roundings of the subtraction and of the later addition of the drift, so
// the bounds stay valid; they only decide which rows get their distances
// computed, never a label.

// hamerlyPrepare readies a Hamerly pass: the transposed centres, half the
// distance from each centre to its nearest other centre and, when
// applyShift is set, the drifts moved by the last shifts.
func (r *kmeansRun) hamerlyPrepare(applyShift bool) {
	d, k := r.d, r.k
	c := r.centres
	r.ct = kmTranspose(r.ct, c, k, d)
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
	if !applyShift {
		return
	}
	max1, max2, arg1 := 0.0, 0.0, -1
	for j, s := range r.shift {
		if s > max1 {
			max2 = max1
			max1, arg1 = s, j
		} else if s > max2 {
			max2 = s
		}
	}
	for j, s := range r.shift {
		r.drift[j] += s
		if j == arg1 {
			r.ldrift[j] += max2
		} else {
			r.ldrift[j] += max1
		}
	}
}

// hamerlyBlock is the assignment step of Hamerly's algorithm (G. Hamerly,
// "Making k-means even faster", SIAM International Conference on Data
// Mining, 2010) on rows lo..hi-1, after hamerlyPrepare. With full set it
// computes every distance, sets the bounds and accumulates the block's sums
// from scratch; otherwise it computes distances only for rows whose bounds
// no longer prove their label, listed kmChunk at a time, each getting all
// k distances from the kernel (which sets both bounds exactly and costs
// little more than the single distance of Hamerly's tightening step), and
// with sums set records the moved rows in the block's sums (added to the
// new cluster, taken from the old). It records the block's number of
// changed labels.
func (r *kmeansRun) hamerlyBlock(b, lo, hi int, full, sums bool) {
	if sums {
		clear(r.bsums[b])
		clear(r.bw[b])
	}
	changed := 0
	if full {
		for c0 := lo; c0 < hi; c0 += kmChunk {
			changed += r.hamerlyRows(b, c0, min(kmChunk, hi-c0), nil, true, sums)
		}
		r.bchanged[b] = changed
		return
	}
	idx, cnt := r.scr.idx[b][:kmChunk], 0
	for i := lo; i < hi; i++ {
		a := r.labels[i]
		bd := r.bounds[i]
		u := float64(math.Float32frombits(uint32(bd))) + r.drift[a]
		l := float64(math.Float32frombits(uint32(bd>>32))) - r.ldrift[a]
		// Every row is written to the list, which grows only if the
		// row is kept: no branch on the unpredictable test.
		idx[cnt] = int32(i)
		if u > max(r.half[a], l) {
			cnt++
		}
		if cnt == kmChunk {
			changed += r.hamerlyRows(b, 0, 0, idx, false, sums)
			cnt = 0
		}
	}
	if cnt > 0 {
		changed += r.hamerlyRows(b, 0, 0, idx[:cnt], false, sums)
	}
	r.bchanged[b] = changed
}

// hamerlyRows computes all k distances of a chunk of rows of block b -- the
// m consecutive rows from c0 when idx is nil, else the rows listed in idx --
// sets their labels and bounds, and records moved rows (every row when full
// is set) in the block's sums. It returns the number of changed labels.
func (r *kmeansRun) hamerlyRows(b, c0, m int, idx []int32, full, sums bool) int {
	d, k, kp := r.d, r.k, r.kp
	dist := r.scr.dist[b]
	if idx == nil {
		kmDists(r.data[c0*d:(c0+m)*d], m, d, r.ct, kp, dist)
	} else {
		m = len(idx)
		kmDistsIdx(r.data, idx, d, r.ct, kp, dist)
	}
	bs, bw := r.bsums[b], r.bw[b]
	drift, ldrift := r.drift[:k], r.ldrift[:k]
	changed := 0
	for q := 0; q < m; q++ {
		i := c0 + q
		if idx != nil {
			i = int(idx[q])
		}
		var (
			best   int
			d1, d2 float64
		)
		if k == 8 {
			best, d1, d2 = kmTwoSmallest8(dist[q*kp : q*kp+8])
		} else {
			best, d1, d2 = kmTwoSmallest(dist[q*kp : q*kp+k])
		}
		// The bounds relative to the drifts of the new centre, rounded
		// outwards (see the top of this file). d1 is finite; d2 is +Inf
		// when k = 1.
		u := math.Sqrt(d1) - drift[best]
		l := math.Sqrt(d2) + ldrift[best]
		uu := float32(u + (math.Abs(u)+drift[best])*0x1p-22)
		ll := float32(l)
		if !math.IsInf(l, 1) {
			ll = float32(l - (math.Abs(l)+ldrift[best])*0x1p-22)
		}
		r.bounds[i] = uint64(math.Float32bits(uu)) | uint64(math.Float32bits(ll))<<32
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

// kmTwoSmallest returns the index of the first smallest of the
// non-negative distances dist, that value and the second smallest (+Inf if
// there is one distance). Non-negative floats order as their bit patterns,
// so the comparisons are on integers, which compile to conditional moves:
// the outcomes are unpredictable and branches would be mispredicted. Eight
// distances are reduced as a tree, for shorter dependency chains.
func kmTwoSmallest(dist []float64) (best int, d1, d2 float64) {
	if len(dist) == 8 {
		return kmTwoSmallest8(dist)
	}
	b1, b2 := math.Float64bits(math.Inf(1)), math.Float64bits(math.Inf(1))
	for j, dd := range dist {
		v := math.Float64bits(dd)
		lt := v < b1
		n2 := b2
		if v < n2 {
			n2 = v
		}
		if lt {
			n2 = b1
		}
		b2 = n2
		if lt {
			best = j
		}
		if lt {
			b1 = v
		}
	}
	return best, math.Float64frombits(b1), math.Float64frombits(b2)
}

// kmTwo is the first smallest value of a range of distances (as bits), its
// index, and the second smallest value.
type kmTwo struct {
	b      int
	d1, d2 uint64
}

// kmTwoLeaf reduces distances j and j+1.
func kmTwoLeaf(d []float64, j int) kmTwo {
	a, b := math.Float64bits(d[j]), math.Float64bits(d[j+1])
	r := kmTwo{j, a, b}
	if b < a {
		r = kmTwo{j + 1, b, a}
	}
	return r
}

// kmTwoMerge combines the reductions of two ranges, l before r; a tie
// keeps l's index.
func kmTwoMerge(l, r kmTwo) kmTwo {
	o, o2 := l, r.d1
	if r.d1 < l.d1 {
		o, o2 = r, l.d1
	}
	if o2 < o.d2 {
		o.d2 = o2
	}
	return o
}

// kmTwoSmallest8 is kmTwoSmallest for eight distances.
func kmTwoSmallest8(d []float64) (int, float64, float64) {
	d = d[:8]
	o := kmTwoMerge(kmTwoMerge(kmTwoLeaf(d, 0), kmTwoLeaf(d, 2)), kmTwoMerge(kmTwoLeaf(d, 4), kmTwoLeaf(d, 6)))
	return o.b, math.Float64frombits(o.d1), math.Float64frombits(o.d2)
}
