package cluster

import (
	"math"
	"sort"
)

// kmBlockRows is the target number of rows in one parallel block; the
// number of blocks depends only on n, never on the number of cores.
const (
	kmBlockRows = 4096
	kmMaxBlocks = 256
)

// kmChunk is the number of rows handed to the distance kernel at a time.
const kmChunk = 64

// kmBlocks returns the fixed number of row blocks used for n rows.
func kmBlocks(n int) int {
	b := (n + kmBlockRows - 1) / kmBlockRows
	if b < 1 {
		b = 1
	}
	if b > kmMaxBlocks {
		b = kmMaxBlocks
	}
	return b
}

// kmScratch is per-block scratch for the distance kernel, shared by all
// the runs of a fit: a block's runs are processed one after the other by
// the goroutine that holds the block.
type kmScratch struct {
	dist [][]float64 // per block kmChunk x widest kernel block
	idx  [][]int32   // per block indices of the gathered rows
}

func newKMScratch(nb, width int) *kmScratch {
	s := &kmScratch{
		dist: make([][]float64, nb),
		idx:  make([][]int32, nb),
	}
	for b := 0; b < nb; b++ {
		s.dist[b] = make([]float64, kmChunk*width)
		s.idx[b] = make([]int32, 0, kmChunk)
	}
	return s
}

// kmeansRun holds the state of one k-means run of a fit: its centres,
// labels, Hamerly bounds and per-block partial sums. The runs of a fit
// share the data and advance together (see kmJoint).
type kmeansRun struct {
	data    []float64 // n x d, row-major, centred (shared)
	w       []float64
	n, d, k int
	nb      int
	scr     *kmScratch

	centres    []float64 // k x d
	newCentres []float64 // k x d
	sums       []float64 // k x d weighted sums consistent with labels
	wsum       []float64 // k weights consistent with labels
	work       []float64 // k x d scratch for relocation
	workW      []float64 // k
	shift      []float64 // k centre shifts of the last update
	labels     []int32

	bsums    [][]float64 // per block k x d
	bw       [][]float64 // per block k
	bchanged []int
	binert   []float64

	// Distance kernel: the centres transposed, d x kp with kp = k
	// rounded up to 4.
	kp int
	ct []float64

	// Hamerly state: bounds packed per row (see kmeans_hamerly.go), half the
	// distance from each centre to its nearest other centre, and the
	// cumulative drifts that the stored bounds are relative to.
	bounds []uint64
	half   []float64
	drift  []float64 // k: sum of the centre's shifts
	ldrift []float64 // k: sum of the largest shift of the other centres

	// Progress of the run in kmJoint.
	phase   kmPhase
	it      int
	iters   int
	inertia float64
}

func newKMeansRun(data, w []float64, n, d, k, nb int, scr *kmScratch, labels []int32) *kmeansRun {
	r := &kmeansRun{
		data: data, w: w, n: n, d: d, k: k, nb: nb, scr: scr,
		centres:    make([]float64, k*d),
		newCentres: make([]float64, k*d),
		sums:       make([]float64, k*d),
		wsum:       make([]float64, k),
		work:       make([]float64, k*d),
		workW:      make([]float64, k),
		shift:      make([]float64, k),
		labels:     labels,
		bsums:      make([][]float64, nb),
		bw:         make([][]float64, nb),
		bchanged:   make([]int, nb),
		binert:     make([]float64, nb),
		kp:         kmPad4(k),
		half:       make([]float64, k),
		drift:      make([]float64, k),
		ldrift:     make([]float64, k),
	}
	r.ct = make([]float64, d*r.kp)
	for b := range r.bsums {
		r.bsums[b] = make([]float64, k*d)
		r.bw[b] = make([]float64, k)
	}
	return r
}

// lloydBlock labels rows lo..hi-1 with their nearest centres and, if sums
// is set, accumulates the block's per-cluster weighted sums from scratch.
// It records the number of changed labels of block b.
func (r *kmeansRun) lloydBlock(b, lo, hi int, sums bool) {
	d, k, kp := r.d, r.k, r.kp
	bs, bw := r.bsums[b], r.bw[b]
	if sums {
		clear(bs)
		clear(bw)
	}
	changed := 0
	dist := r.scr.dist[b]
	for c0 := lo; c0 < hi; c0 += kmChunk {
		m := min(kmChunk, hi-c0)
		kmDists(r.data[c0*d:(c0+m)*d], m, d, r.ct, kp, dist)
		for q := 0; q < m; q++ {
			i := c0 + q
			best, bestD := 0, math.Inf(1)
			for j, dd := range dist[q*kp : q*kp+k] {
				if dd < bestD {
					best, bestD = j, dd
				}
			}
			if r.labels[i] != int32(best) {
				changed++
				r.labels[i] = int32(best)
			}
			if sums {
				wi := r.w[i]
				s := bs[best*d : (best+1)*d]
				for f, v := range r.data[i*d : (i+1)*d] {
					s[f] += wi * v
				}
				bw[best] += wi
			}
		}
	}
	r.bchanged[b] = changed
}

// gatherSums adds the per-block sums into r.sums and r.wsum in block order
// (after clearing them when reset is set) and returns the total number of
// changed labels.
func (r *kmeansRun) gatherSums(reset bool) int {
	if reset {
		clear(r.sums)
		clear(r.wsum)
	}
	total := 0
	for b := 0; b < r.nb; b++ {
		total += r.bchanged[b]
		for j, v := range r.bsums[b] {
			r.sums[j] += v
		}
		for j, v := range r.bw[b] {
			r.wsum[j] += v
		}
	}
	return total
}

// update computes r.newCentres from r.sums and r.wsum, relocating empty
// clusters to the rows farthest from their centres as sklearn's
// _relocate_empty_clusters_dense, and fills r.shift.
func (r *kmeansRun) update() {
	d, k := r.d, r.k
	copy(r.work, r.sums)
	copy(r.workW, r.wsum)
	var empty []int
	for j := 0; j < k; j++ {
		if r.workW[j] == 0 {
			empty = append(empty, j)
		}
	}
	if len(empty) > 0 {
		r.relocate(empty)
	}
	for j := 0; j < k; j++ {
		src := r.work[j*d : (j+1)*d]
		dst := r.newCentres[j*d : (j+1)*d]
		if r.workW[j] > 0 {
			a := 1 / r.workW[j]
			for f, v := range src {
				dst[f] = v * a
			}
		} else {
			copy(dst, src)
		}
		r.shift[j] = math.Sqrt(kmSqDist(dst, r.centres[j*d:(j+1)*d]))
	}
}

// relocate moves each empty cluster onto one of the rows farthest from
// their current centres, taking that row's weight from its cluster.
func (r *kmeansRun) relocate(empty []int) {
	d := r.d
	dist := make([]float64, r.n)
	maxD := 0.0
	for i := 0; i < r.n; i++ {
		l := int(r.labels[i])
		dist[i] = kmSqDist(r.data[i*d:(i+1)*d], r.centres[l*d:(l+1)*d])
		if dist[i] > maxD {
			maxD = dist[i]
		}
	}
	if maxD == 0 {
		return
	}
	idx := make([]int, r.n)
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return dist[idx[a]] > dist[idx[b]] })
	for e, nj := range empty {
		far := idx[e]
		wf := r.w[far]
		old := int(r.labels[far])
		x := r.data[far*d : (far+1)*d]
		for f, v := range x {
			r.work[old*d+f] -= v * wf
			r.work[nj*d+f] = v * wf
		}
		r.workW[nj] = wf
		r.workW[old] -= wf
	}
}

// inertiaBlock records the weighted sum of squared distances of rows
// lo..hi-1 to their labelled centres as block b's share of the inertia.
func (r *kmeansRun) inertiaBlock(b, lo, hi int) {
	d := r.d
	var s float64
	for i := lo; i < hi; i++ {
		l := int(r.labels[i])
		s += r.w[i] * kmSqDist(r.data[i*d:(i+1)*d], r.centres[l*d:(l+1)*d])
	}
	r.binert[b] = s
}

// sumInertia adds the blocks' shares of the inertia in block order.
func (r *kmeansRun) sumInertia() float64 {
	var tot float64
	for b := 0; b < r.nb; b++ {
		tot += r.binert[b]
	}
	return tot
}
