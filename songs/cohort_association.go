package songs

import (
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/stats"
)

// CohortAssociation tests cohort membership against the live flag and the
// release decade (chi-square with Cramér's V).
func CohortAssociation(cat *catalog.Catalog, labels []int, k int) ([]stats.Result, error) {
	var out []stats.Result
	live := make([][]float64, k)
	for i := range live {
		live[i] = make([]float64, 2)
	}
	decIdx := map[int]int{}
	var decades []int
	for i := range cat.Tracks {
		if d := cat.Tracks[i].Decade; d != 0 {
			if _, ok := decIdx[d]; !ok {
				decIdx[d] = len(decades)
				decades = append(decades, d)
			}
		}
	}
	dec := make([][]float64, k)
	for i := range dec {
		dec[i] = make([]float64, len(decades))
	}
	for i := range cat.Tracks {
		l := labels[i]
		if l < 0 {
			continue
		}
		live[l][b2i(LiveByTitle(&cat.Tracks[i]))]++
		if d := cat.Tracks[i].Decade; d != 0 {
			dec[l][decIdx[d]]++
		}
	}
	r, err := stats.ChiSquareIndependence(live, false)
	if err != nil {
		return nil, err
	}
	out = append(out, r.WithGroups("cohort", "live flag"))
	if len(decades) > 1 {
		r, err = stats.ChiSquareIndependence(dec, false)
		if err != nil {
			return nil, err
		}
		out = append(out, r.WithGroups("cohort", "release decade"))
	}
	stats.AdjustResults(out, stats.Holm)
	return out, nil
}
