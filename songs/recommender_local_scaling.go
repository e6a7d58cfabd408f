package songs

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/neighbors"
)

// LocalScalingCandidates is the number of nearest tracks that local
// scaling (RecommendOptions.LocalScaling) re-ranks: a fixed candidate
// pool, as in the approximate hubness reduction of Feldbauer et al.
// (2018), which keeps the cost of a query that of a plain search.
const LocalScalingCandidates = 50

// localScale holds the local scales of every track for one k: sigma[i] is
// the distance from track i's recording to its k-th nearest other
// recording (the local scaling of Zelnik-Manor and Perona 2004, as
// Schnitzer et al. 2012 use it against hubness), max the largest.
type localScale struct {
	sigma []float64
	max   float64
}

// recordingRows returns one row per recording (the first track's) and a
// k-d tree over them, built once.
func (r *Recommender) recordingRows() (*mat.Dense, *neighbors.Tree) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.repTree == nil {
		_, d := r.x.Dims()
		r.repRows = mat.NewDense(len(r.reps), d, nil)
		for g, i := range r.reps {
			r.repRows.SetRow(g, r.x.RawRowView(i))
		}
		r.repTree = neighbors.NewTree(r.repRows)
	}
	return r.repRows, r.repTree
}

// checkLocalScaling says whether the catalog has enough recordings for
// local scaling with k neighbours.
func (r *Recommender) checkLocalScaling(k int) error {
	if k > 0 && k >= len(r.reps) {
		return fmt.Errorf("local scaling with k = %d needs more than %d recordings; the catalog has %d", k, k, len(r.reps))
	}
	return nil
}

// localScales returns the local scales for k (computed once per k; two
// callers racing may both compute them, and the first result is kept). Two
// recordings never share a profile (reissues share a recording), so every
// scale is positive; a scale that still comes out 0 is raised to the
// smallest positive number, which pushes its track to the end.
func (r *Recommender) localScales(k int) *localScale {
	rows, _ := r.recordingRows()
	r.mu.Lock()
	ls := r.scales[k]
	r.mu.Unlock()
	if ls != nil {
		return ls
	}
	// Blocked brute force finds exactly the tree's neighbours, and sooner
	// when every recording is a query.
	res := neighbors.SearchSelf(rows, k)
	perRecording := make([]float64, len(r.reps))
	ls = &localScale{sigma: make([]float64, len(r.group))}
	for g := range r.reps {
		_, dist := res.Row(g)
		perRecording[g] = math.Max(dist[k-1], math.SmallestNonzeroFloat64)
		ls.max = math.Max(ls.max, perRecording[g])
	}
	for i, g := range r.group {
		ls.sigma[i] = perRecording[g]
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.scales[k] == nil {
		r.scales[k] = ls
	}
	return r.scales[k]
}

// querySigma is the local scale of the query q made from seeds idx: its
// distance to the k-th nearest recording outside the seeds' recordings (or
// to the farthest one left, when fewer than k are).
func (r *Recommender) querySigma(q []float64, idx []int, k int) float64 {
	seedGroups := map[int]bool{}
	for _, i := range idx {
		seedGroups[r.group[i]] = true
	}
	_, tree := r.recordingRows()
	want := min(k+len(seedGroups), tree.Len())
	ids, dist := tree.Search(mat.NewDense(1, len(q), q), want).Row(0)
	sigma, found := 0.0, 0
	for j, g := range ids {
		if seedGroups[g] {
			continue
		}
		sigma = dist[j]
		if found++; found == k {
			break
		}
	}
	return sigma
}
