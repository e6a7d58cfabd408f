package cluster

import (
	"math"
	"sort"

	"github.com/songcohorts/cohorts/songs/internal/neighbors"
)

// kmBlockRows is the target number of rows in one parallel block; the
// number of blocks depends only on n, never on the number of cores.
const (
	kmBlockRows = 4096
	kmMaxBlocks = 256
)

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

// kmeansRun holds the data and the buffers of one k-means fit, reused by
// every restart so that the iterations do not allocate.
type kmeansRun struct {
	data    []float64 // n x d, row-major, centred
	w       []float64
	n, d, k int
	algo    KMeansAlgorithm
	nb      int

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

	// Distance kernel: the centres transposed (d x kp, kp = k rounded up
	// to 4) and per-block scratch for a chunk of kmChunk rows.
	kp    int
	ct    []float64
	bdist [][]float64 // per block kmChunk x max(kp, 4)
	brows [][]float64 // per block kmChunk x d gathered rows
	bidx  [][]int32   // per block row indices of the gathered rows

	// Hamerly bounds.
	upper, lower []float64
	half         []float64 // k: half the distance to the nearest other centre

	// k-means++ scratch.
	closest []float64
	candPot [][]float64
}

// kmChunk is the number of rows handed to the distance kernel at a time.
const kmChunk = 64

func newKMeansRun(data, w []float64, n, d, k int, algo KMeansAlgorithm) *kmeansRun {
	nb := kmBlocks(n)
	r := &kmeansRun{
		data: data, w: w, n: n, d: d, k: k, algo: algo, nb: nb,
		centres:    make([]float64, k*d),
		newCentres: make([]float64, k*d),
		sums:       make([]float64, k*d),
		wsum:       make([]float64, k),
		work:       make([]float64, k*d),
		workW:      make([]float64, k),
		shift:      make([]float64, k),
		labels:     make([]int32, n),
		bsums:      make([][]float64, nb),
		bw:         make([][]float64, nb),
		bchanged:   make([]int, nb),
		binert:     make([]float64, nb),
	}
	r.kp = kmPad4(k)
	r.ct = make([]float64, d*r.kp)
	r.bdist = make([][]float64, nb)
	r.brows = make([][]float64, nb)
	r.bidx = make([][]int32, nb)
	for b := range r.bsums {
		r.bsums[b] = make([]float64, k*d)
		r.bw[b] = make([]float64, k)
		r.bdist[b] = make([]float64, kmChunk*max(r.kp, kmPad4(2+int(math.Log(float64(k))))))
		r.brows[b] = make([]float64, kmChunk*d)
		r.bidx[b] = make([]int32, 0, kmChunk)
	}
	if algo == Hamerly {
		r.upper = make([]float64, n)
		r.lower = make([]float64, n)
		r.half = make([]float64, k)
	}
	return r
}

// solve runs Lloyd iterations from r.centres and returns the inertia and
// the number of iterations, following sklearn's _kmeans_single_lloyd:
// assign, update (with empty-cluster relocation), stop on unchanged labels
// or on a total squared shift <= tol, and reassign once more if the stop
// was not strict.
func (r *kmeansRun) solve(maxIter int, tol float64) (float64, int) {
	for i := range r.labels {
		r.labels[i] = -1
	}
	strict := false
	it := 0
	for ; it < maxIter; it++ {
		var changed int
		if r.algo == Hamerly {
			changed = r.hamerlyAssign(it == 0, true, it > 0)
		} else {
			changed = r.lloydAssign(true)
		}
		r.update()
		r.centres, r.newCentres = r.newCentres, r.centres
		if changed == 0 {
			strict = true
			break
		}
		var tot float64
		for _, s := range r.shift {
			tot += s * s
		}
		if tot <= tol {
			break
		}
	}
	if it == maxIter {
		it--
	}
	if !strict {
		if r.algo == Hamerly {
			r.hamerlyAssign(false, false, true)
		} else {
			r.lloydAssign(false)
		}
	}
	return r.inertia(), it + 1
}

// lloydAssign labels every row with its nearest centre and, if sums is
// set, recomputes the per-cluster weighted sums. It returns the number of
// rows whose label changed.
func (r *kmeansRun) lloydAssign(sums bool) int {
	d, k, kp := r.d, r.k, r.kp
	r.ct = kmTranspose(r.ct, r.centres, k, d)
	neighbors.ForBlocks(r.n, r.nb, func(b, lo, hi int) {
		bs, bw := r.bsums[b], r.bw[b]
		if sums {
			clear(bs)
			clear(bw)
		}
		changed := 0
		dist := r.bdist[b]
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
	})
	total := 0
	for b := 0; b < r.nb; b++ {
		total += r.bchanged[b]
	}
	if sums {
		clear(r.sums)
		clear(r.wsum)
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

// inertia returns the weighted sum of squared distances of the rows to
// their labelled centres, summed per block in block order.
func (r *kmeansRun) inertia() float64 {
	d := r.d
	neighbors.ForBlocks(r.n, r.nb, func(b, lo, hi int) {
		var s float64
		for i := lo; i < hi; i++ {
			l := int(r.labels[i])
			s += r.w[i] * kmSqDist(r.data[i*d:(i+1)*d], r.centres[l*d:(l+1)*d])
		}
		r.binert[b] = s
	})
	var tot float64
	for b := 0; b < r.nb; b++ {
		tot += r.binert[b]
	}
	return tot
}
