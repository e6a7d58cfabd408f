package songs

import (
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/stats"
)

// CohortAssociation tests cohort membership against the live flag and the
// release decade on one row per recording (Recordings: the cohort and the
// live flag of its most popular copy, the decade of its earliest
// release): chi-square with Cramér's V and its BCa bootstrap interval over
// the recordings (stats.Bootstrap.IntervalTable), Holm-adjusted together.
// The seed drives the intervals.
func CohortAssociation(cat *catalog.Catalog, labels []int, k int, seed uint64) ([]stats.Result, error) {
	recs := Recordings(cat)
	live := make([][]float64, k)
	for i := range live {
		live[i] = make([]float64, 2)
	}
	decIdx := map[int]int{}
	var decades []int
	for _, r := range recs {
		if d := r.Decade; d != 0 && labels[r.Track] >= 0 {
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
	for _, r := range recs {
		l := labels[r.Track]
		if l < 0 {
			continue
		}
		live[l][b2i(r.Live)]++
		if d := r.Decade; d != 0 {
			dec[l][decIdx[d]]++
		}
	}
	var out []stats.Result
	add := func(table [][]float64, stream uint64, groups ...string) error {
		r, err := stats.ChiSquareIndependence(table, false)
		if err != nil {
			return err
		}
		ci, err := claimBootstrap(seed, stream).IntervalTable(table, stats.CramersV)
		if err != nil {
			return err
		}
		out = append(out, r.WithEffect(r.EffectName, r.Effect, ci).WithGroups(groups...))
		return nil
	}
	if err := add(live, streamCohortLive, "cohort", "live flag"); err != nil {
		return nil, err
	}
	if len(decades) > 1 {
		if err := add(dec, streamCohortDecade, "cohort", "release decade"); err != nil {
			return nil, err
		}
	}
	stats.AdjustResults(out, stats.Holm)
	return out, nil
}
