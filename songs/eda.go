package songs

import (
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/stats"
)

// PopularityCorrelations tests each audio feature's correlation with
// popularity (Pearson and Spearman, two-sided, 95% Fisher-z intervals).
func PopularityCorrelations(cat *catalog.Catalog) ([]stats.Result, error) {
	pop := cat.Column(catalog.Popularity)
	var out []stats.Result
	for _, f := range append(append([]string(nil), catalog.AudioFeatures...), catalog.DurationMS) {
		x := cat.Column(f)
		for _, spearman := range []bool{false, true} {
			test := stats.Pearson
			if spearman {
				test = stats.Spearman
			}
			r, err := test(x, pop, stats.TwoSided, 0.95)
			if err != nil {
				return nil, err
			}
			out = append(out, r.WithGroups(f, catalog.Popularity))
		}
	}
	stats.AdjustResults(out, stats.Holm)
	return out, nil
}
