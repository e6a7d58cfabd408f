package songs

import (
	"fmt"
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

// PopularityFeatures are the columns FeatureTests correlates with
// popularity: the nine audio features and duration.
var PopularityFeatures = append(append([]string(nil), catalog.AudioFeatures...), catalog.DurationMS)

// FeatureTests answers "which audio features go with popularity?" on one
// row per recording: Spearman's rho of each of PopularityFeatures with
// popularity, with a BCa bootstrap interval over recordings, the ten
// p-values Holm-adjusted together. The seed drives the intervals. A
// catalog without popularity has no such tests: the error is a
// *catalog.MissingColumnError.
func FeatureTests(cat *catalog.Catalog, seed uint64) (ClaimFamily, error) {
	if err := cat.Require("the correlation of each feature with popularity", catalog.Popularity); err != nil {
		return ClaimFamily{}, err
	}
	recs := Recordings(cat)
	pop := make([]float64, len(recs))
	for i, r := range recs {
		pop[i] = r.Popularity
	}
	out := ClaimFamily{Question: QuestionFeatures, Recordings: len(recs)}
	for k, f := range PopularityFeatures {
		x := make([]float64, len(recs))
		for i, r := range recs {
			x[i] = cat.Tracks[r.Track].Value(f)
		}
		r, err := spearmanClaim(x, pop, claimBootstrap(seed, streamFeatures+uint64(k)))
		if err != nil {
			return ClaimFamily{}, fmt.Errorf("%s: %w", f, err)
		}
		out.Results = append(out.Results, r.WithGroups(f, catalog.Popularity))
	}
	stats.AdjustResults(out.Results, stats.Holm)
	return out, nil
}
