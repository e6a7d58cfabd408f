package songs

import (
	"math"

	"gonum.org/v1/gonum/stat"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/stats"
)

// CorrelationMatrix returns the Pearson (spearman false) or Spearman
// correlation of every pair of columns.
func CorrelationMatrix(cat *catalog.Catalog, columns []string, spearman bool) [][]float64 {
	data := make([][]float64, len(columns))
	for j, c := range columns {
		data[j] = cat.Column(c)
		if spearman {
			data[j] = stats.Rank(nil, data[j])
		}
	}
	m := make([][]float64, len(columns))
	for i := range m {
		m[i] = make([]float64, len(columns))
		m[i][i] = 1
		for j := 0; j < i; j++ {
			m[i][j] = stat.Correlation(data[i], data[j], nil)
			m[j][i] = m[i][j]
		}
	}
	return m
}

// Pair is two columns and their correlation.
type Pair struct {
	A, B string
	R    float64
}

// StrongestPairs returns the most positive and the most negative
// off-diagonal correlations of a matrix.
func StrongestPairs(m [][]float64, columns []string) (pos, neg Pair) {
	pos.R, neg.R = math.Inf(-1), math.Inf(1)
	for i := range m {
		for j := i + 1; j < len(m); j++ {
			if m[i][j] > pos.R {
				pos = Pair{columns[i], columns[j], m[i][j]}
			}
			if m[i][j] < neg.R {
				neg = Pair{columns[i], columns[j], m[i][j]}
			}
		}
	}
	return pos, neg
}

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
