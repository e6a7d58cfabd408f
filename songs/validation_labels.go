package songs

import (
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/catalog"
)

// nearestCentre labels every row of all by the nearest mean of the
// clusters that labels gives the rows of sample.
func nearestCentre(all, sample *mat.Dense, labels []int, k int) []int {
	centres := cohortMeans(sample, labels, k)
	n, _ := all.Dims()
	out := make([]int, n)
	for i := 0; i < n; i++ {
		row := all.RawRowView(i)
		best, bestD := 0, math.Inf(1)
		for c := range centres {
			if dd := floats.Distance(row, centres[c], 2); dd < bestD {
				best, bestD = c, dd
			}
		}
		out[i] = best
	}
	return out
}

// RelabelBySize renumbers labels 0..k-1 by decreasing cluster size (ties
// by first appearance), so cohort numbers are stable across runs. Negative
// labels (noise) are kept.
func RelabelBySize(labels []int) []int {
	size := map[int]int{}
	first := map[int]int{}
	var ids []int
	for i, l := range labels {
		if l < 0 {
			continue
		}
		if _, ok := size[l]; !ok {
			first[l] = i
			ids = append(ids, l)
		}
		size[l]++
	}
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0; j-- {
			a, b := ids[j-1], ids[j]
			if size[b] > size[a] || (size[b] == size[a] && first[b] < first[a]) {
				ids[j-1], ids[j] = b, a
			}
		}
	}
	newID := map[int]int{}
	for i, l := range ids {
		newID[l] = i
	}
	out := make([]int, len(labels))
	for i, l := range labels {
		if l < 0 {
			out[i] = l
		} else {
			out[i] = newID[l]
		}
	}
	return out
}

// expandToTracks gives every track the label of its row, or of its
// canonical recording's row when it is a reissue that was not clustered.
func expandToTracks(cat *catalog.Catalog, rows []int, labels []int) ([]string, []int) {
	byID := map[string]int{}
	for r, i := range rows {
		byID[cat.Tracks[i].ID] = labels[r]
	}
	ids := make([]string, len(cat.Tracks))
	out := make([]int, len(cat.Tracks))
	for i := range cat.Tracks {
		t := &cat.Tracks[i]
		ids[i] = t.ID
		l, ok := byID[t.ID]
		if !ok {
			l, ok = byID[t.CanonicalID]
		}
		if !ok {
			l = -1
		}
		out[i] = l
	}
	return ids, out
}

// TrackLabelsAt gives every cleaned track of cat its cluster in the
// chosen algorithm's solution at k (0..k-1 by decreasing size on the
// validated rows; the other rows join the nearest centre, a reissue its
// recording's cluster): the cohorts the study would have with k.
func (v *Validation) TrackLabelsAt(cat *catalog.Catalog, k int) ([]int, error) {
	prep, err := ImprovedSet.Prepare(cat)
	if err != nil {
		return nil, err
	}
	labels := v.Improved.LabelsOf(Choice{Algorithm: v.Chosen.Algorithm, K: k})
	if v.Improved.Sample != nil {
		labels = nearestCentre(prep.X, v.Improved.Rows(prep.X), labels, k)
	}
	_, out := expandToTracks(cat, prep.Rows, labels)
	return out, nil
}
