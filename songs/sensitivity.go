package songs

import "github.com/songcohorts/cohorts/songs/catalog"

// KProfiles are the cohorts the study would have with k clusters of the
// chosen algorithm, and where each comes from at the previous k.
type KProfiles struct {
	K       int
	Cohorts []Cohort
	// From[c] is the cohort of the previous k (in Plan.SensitivityK)
	// that holds most of cohort c's tracks, FromShare that share of
	// cohort c; From is nil at the first k.
	From      []int
	FromShare []float64
}

// SensitivityProfiles profiles the chosen algorithm's solutions at every k
// of v.Plan.SensitivityK side by side (TrackLabelsAt, Profiles), each
// cohort traced to the cohort of the previous k it mostly comes from.
func SensitivityProfiles(cat *catalog.Catalog, v *Validation, threshold float64) ([]KProfiles, error) {
	var out []KProfiles
	var prev []int
	for _, k := range v.Plan.SensitivityK {
		labels, err := v.TrackLabelsAt(cat, k)
		if err != nil {
			return nil, err
		}
		cs, err := Profiles(cat, labels, k, threshold)
		if err != nil {
			return nil, err
		}
		kp := KProfiles{K: k, Cohorts: cs}
		if prev != nil {
			kp.From, kp.FromShare = parentsOf(labels, prev, k)
		}
		out = append(out, kp)
		prev = labels
	}
	return out, nil
}

// parentsOf returns, for each of the k clusters of labels, the cluster of
// prev holding most of its rows (ties to the lower label) and its share.
func parentsOf(labels, prev []int, k int) ([]int, []float64) {
	count := make([]map[int]int, k)
	size := make([]int, k)
	for c := range count {
		count[c] = map[int]int{}
	}
	for i, l := range labels {
		if l >= 0 && prev[i] >= 0 {
			count[l][prev[i]]++
			size[l]++
		}
	}
	from := make([]int, k)
	share := make([]float64, k)
	for c := range from {
		best := -1
		for p, n := range count[c] {
			if best < 0 || n > count[c][best] || (n == count[c][best] && p < best) {
				best = p
			}
		}
		from[c] = best
		if size[c] > 0 {
			share[c] = float64(count[c][best]) / float64(size[c])
		}
	}
	return from, share
}
