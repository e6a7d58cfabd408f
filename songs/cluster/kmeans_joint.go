package cluster

import (
	"math"

	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

// kmPhase is the step a run of kmJoint takes in the next pass.
type kmPhase int

const (
	kmAssign  kmPhase = iota // assignment with sums, then centre update
	kmFinal                  // last assignment without sums (non-strict stop)
	kmInertia                // inertia of the final labels
	kmDone
)

// kmJoint runs the NInit restarts of a fit in lockstep: every pass over
// the data serves all runs, each block of rows being taken through every
// run's step while it is in cache, so that the data are read once per
// pass rather than once per run. Each run keeps its own centres, labels,
// bounds and per-block sums, reduced in block order, so a run's result is
// the one it would reach alone and does not depend on the number of cores.
type kmJoint struct {
	data    []float64 // n x d, row-major, centred
	w       []float64
	n, d, k int
	nb      int
	algo    KMeansAlgorithm
	runs    []*kmeansRun
	state   []uint64 // runs x n: k-means++ distances, then Hamerly bounds
	scr     *kmScratch
}

func newKMJoint(data, w []float64, n, d, k, runs int, algo KMeansAlgorithm, seeded bool) *kmJoint {
	nb := kmBlocks(n)
	j := &kmJoint{data: data, w: w, n: n, d: d, k: k, nb: nb, algo: algo}
	width := kmPad4(k)
	if seeded {
		width = max(width, runs*kmPad4(2+int(math.Log(float64(k)))), kmPad4(runs))
	}
	j.scr = newKMScratch(nb, width)
	if seeded || algo == Hamerly {
		j.state = make([]uint64, runs*n)
	}
	labels := make([]int32, runs*n)
	j.runs = make([]*kmeansRun, runs)
	for r := range j.runs {
		run := newKMeansRun(data, w, n, d, k, nb, j.scr, labels[r*n:(r+1)*n:(r+1)*n])
		if algo == Hamerly {
			run.bounds = j.state[r*n : (r+1)*n : (r+1)*n]
		}
		j.runs[r] = run
	}
	return j
}

// solve runs Lloyd iterations of every run from its centres, following
// sklearn's _kmeans_single_lloyd: assign, update (with empty-cluster
// relocation), stop on unchanged labels or on a total squared shift <= tol
// or after maxIter iterations, and reassign once more if the stop was not
// strict; then the inertia. Each run records its inertia and iterations.
func (j *kmJoint) solve(maxIter int, tol float64) {
	for _, r := range j.runs {
		for i := range r.labels {
			r.labels[i] = -1
		}
		r.phase, r.it = kmAssign, 0
		clear(r.drift)
		clear(r.ldrift)
	}
	ham := j.algo == Hamerly
	for {
		active := 0
		for _, r := range j.runs {
			switch r.phase {
			case kmAssign, kmFinal:
				if ham {
					r.hamerlyPrepare(r.phase == kmFinal || r.it > 0)
				} else {
					r.ct = kmTranspose(r.ct, r.centres, r.k, r.d)
				}
			}
			if r.phase != kmDone {
				active++
			}
		}
		if active == 0 {
			return
		}
		parallel.For(j.n, j.nb, func(b, lo, hi int) {
			for _, r := range j.runs {
				switch r.phase {
				case kmAssign:
					if ham {
						r.hamerlyBlock(b, lo, hi, r.it == 0, true)
					} else {
						r.lloydBlock(b, lo, hi, true)
					}
				case kmFinal:
					if ham {
						r.hamerlyBlock(b, lo, hi, false, false)
					} else {
						r.lloydBlock(b, lo, hi, false)
					}
				case kmInertia:
					r.inertiaBlock(b, lo, hi)
				}
			}
		})
		for _, r := range j.runs {
			switch r.phase {
			case kmAssign:
				changed := r.gatherSums(!ham || r.it == 0)
				r.update()
				r.centres, r.newCentres = r.newCentres, r.centres
				if changed == 0 {
					r.iters, r.phase = r.it+1, kmInertia
					continue
				}
				var tot float64
				for _, s := range r.shift {
					tot += s * s
				}
				if tot <= tol || r.it+1 >= maxIter {
					r.iters, r.phase = r.it+1, kmFinal
					continue
				}
				r.it++
			case kmFinal:
				r.phase = kmInertia
			case kmInertia:
				r.inertia, r.phase = r.sumInertia(), kmDone
			}
		}
	}
}
