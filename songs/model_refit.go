package songs

import (
	"fmt"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/cluster"
)

// cohortFit is the chosen clustering refitted on ImprovedSet with the
// validation's seed: what the cohort table and the saved model need beyond
// the labels that Validate cached.
type cohortFit struct {
	prep *Prepared
	// x holds the prepared rows the algorithm was fitted on: all of
	// prep.X, or the validation's seeded sample.
	x *mat.Dense
	// fitLabels are the cohorts (0..k-1, by decreasing size) of x's rows;
	// rowLabels those of every row of prep.X.
	fitLabels, rowLabels []int
	// centres are the cohorts' centres in the scaled space: the fitted
	// K-Means centres, the component means of the mixture, or the cohort
	// means for Ward.
	centres [][]float64
	// gmm is the fitted mixture (GMM only); order[c] is the mixture
	// component of cohort c.
	gmm   *cluster.GaussianMixture
	order []int
	// rowOf maps a track id to its prepared row (a reissue to its
	// canonical recording's row).
	rowOf map[string]int
}

// refitCohorts refits v's chosen algorithm on ImprovedSet with v's seed, as
// Validate did, and checks that the refit gives every cleaned track the
// cohort v recorded.
func refitCohorts(cat *catalog.Catalog, v *Validation) (*cohortFit, error) {
	if v.Chosen.Set != "" && v.Chosen.Set != ImprovedSet.Name {
		return nil, fmt.Errorf("cohorts were chosen on the %q feature set; only %q can be refitted", v.Chosen.Set, ImprovedSet.Name)
	}
	if len(v.IDs) != len(cat.Tracks) {
		return nil, fmt.Errorf("the validation cache has %d tracks, the cleaned catalog %d: rerun notebook 03-tests-validation (make output/03-tests-validation.html)", len(v.IDs), len(cat.Tracks))
	}
	prep, err := ImprovedSet.Prepare(cat)
	if err != nil {
		return nil, err
	}
	f := &cohortFit{prep: prep, x: v.Improved.Rows(prep.X)}
	k := v.Chosen.K
	var raw []int
	var fitted *mat.Dense // K-Means centres or mixture means, in fit order
	switch v.Chosen.Algorithm {
	case AlgKMeans:
		km := cluster.KMeans{K: k, NInit: 10, Seed: v.Seed}
		if err := km.Fit(f.x, nil); err != nil {
			return nil, err
		}
		raw, fitted = km.Labels, km.Centres
	case AlgWard:
		if raw, err = Clusterer(AlgWard, v.Seed).Cluster(f.x, k); err != nil {
			return nil, err
		}
	case AlgGMM:
		g := cluster.GaussianMixture{K: k, Seed: v.Seed}
		if err := g.Fit(f.x); err != nil {
			return nil, err
		}
		raw = g.Predict(nil, f.x)
		f.gmm, fitted = &g, g.Means
	default:
		return nil, fmt.Errorf("unknown algorithm %q in the validation cache", v.Chosen.Algorithm)
	}
	f.fitLabels = RelabelBySize(raw)
	f.order = make([]int, k)
	seen := 0
	for i, l := range f.fitLabels {
		if l >= k {
			return nil, fmt.Errorf("refitting %s with k=%d gives more than k cohorts", v.Chosen.Algorithm, k)
		}
		f.order[l] = raw[i] // RelabelBySize is one-to-one
		seen = max(seen, l+1)
	}
	if seen != k {
		return nil, fmt.Errorf("refitting %s with k=%d gives %d cohorts", v.Chosen.Algorithm, k, seen)
	}
	if fitted != nil {
		f.centres = permutedRows(fitted, f.order)
	} else {
		f.centres = cohortMeans(f.x, f.fitLabels, k)
	}
	f.rowLabels = f.fitLabels
	if v.Improved.Sample != nil {
		f.rowLabels = nearestCentre(prep.X, f.x, f.fitLabels, k)
	}
	ids, labels := expandToTracks(cat, prep.Rows, f.rowLabels)
	differ := 0
	for i := range ids {
		if ids[i] != v.IDs[i] || labels[i] != v.Labels[i] {
			differ++
		}
	}
	if differ > 0 {
		return nil, fmt.Errorf("refitting %s with k=%d and seed %d gives %d of %d tracks another cohort than the validation cache: rerun notebook 03-tests-validation (make output/03-tests-validation.html)",
			v.Chosen.Algorithm, k, v.Seed, differ, len(ids))
	}
	f.rowOf = make(map[string]int, len(cat.Tracks))
	for r, i := range prep.Rows {
		f.rowOf[cat.Tracks[i].ID] = r
	}
	for i := range cat.Tracks {
		t := &cat.Tracks[i]
		if _, ok := f.rowOf[t.ID]; !ok {
			if r, ok := f.rowOf[t.CanonicalID]; ok {
				f.rowOf[t.ID] = r
			}
		}
	}
	return f, nil
}

// cohortMeans returns the mean row of each label 0..k-1.
func cohortMeans(x *mat.Dense, labels []int, k int) [][]float64 {
	_, d := x.Dims()
	out := make([][]float64, k)
	counts := make([]float64, k)
	for c := range out {
		out[c] = make([]float64, d)
	}
	for i, l := range labels {
		if l >= 0 {
			floats.Add(out[l], x.RawRowView(i))
			counts[l]++
		}
	}
	for c := range out {
		if counts[c] > 0 {
			floats.Scale(1/counts[c], out[c])
		}
	}
	return out
}

// permutedRows returns rows order[0], order[1], ... of m as slices.
func permutedRows(m *mat.Dense, order []int) [][]float64 {
	out := make([][]float64, len(order))
	for c, o := range order {
		out[c] = mat.Row(nil, o, m)
	}
	return out
}
