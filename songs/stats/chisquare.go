package stats

import (
	"fmt"
	"math"
)

// ChiSquareIndependence is Pearson's chi-square test of independence of
// the rows and columns of a contingency table of counts, as
// scipy.stats.chi2_contingency(table, correction=yates):
//
//	chi2 = sum (O - E)^2 / E,  E = row total * column total / N
//
// with DF = (r-1)(c-1). Yates' continuity correction (each |O-E| reduced by
// at most 0.5) is applied only when yates is true and DF = 1, as SciPy's
// default correction=True. With DF = 0 the statistic is 0 and p = 1. Effect
// holds Cramer's V of the uncorrected statistic.
//
// It returns ErrZeroExpected when a row or column sums to zero (SciPy
// raises) and ErrNegativeCount for a negative count. ChiSquareIndependence
// panics with "stats: ragged table" if the rows differ in length and with
// "stats: empty table" for no cells.
//
// References: Pearson, K. (1900), Phil. Mag. 50, 157-175; Yates, F. (1934),
// JRSS Suppl. 1, 217-235.
func ChiSquareIndependence(table [][]float64, yates bool) (Result, error) {
	res := newResult("chi-square independence", TwoSided)
	exp, err := expected(table)
	if err != nil {
		return res, err
	}
	r, c := len(table), len(table[0])
	df := float64((r - 1) * (c - 1))
	res.DF = df
	if df == 0 {
		res.Statistic, res.P = 0, 1
		res = res.WithEffect("Cramer's V", CramersV(table), Interval{})
		return res, nil
	}
	var chi2 float64
	for i, row := range table {
		for j, o := range row {
			e := exp[i][j]
			d := o - e
			if yates && df == 1 {
				adj := math.Min(0.5, math.Abs(d))
				if d > 0 {
					d -= adj
				} else {
					d += adj
				}
			}
			chi2 += d * d / e
		}
	}
	res.Statistic = chi2
	res.P = chi2SF(chi2, df)
	res = res.WithEffect("Cramer's V", CramersV(table), Interval{})
	return res, nil
}

// expected returns the expected counts under independence.
func expected(table [][]float64) ([][]float64, error) {
	if len(table) == 0 || len(table[0]) == 0 {
		panic("stats: empty table")
	}
	c := len(table[0])
	rows := make([]float64, len(table))
	cols := make([]float64, c)
	var n float64
	for i, row := range table {
		if len(row) != c {
			panic("stats: ragged table")
		}
		for j, v := range row {
			if v < 0 {
				return nil, ErrNegativeCount
			}
			if math.IsNaN(v) {
				return nil, ErrNaN
			}
			rows[i] += v
			cols[j] += v
			n += v
		}
	}
	exp := make([][]float64, len(table))
	for i := range table {
		exp[i] = make([]float64, c)
		for j := range exp[i] {
			exp[i][j] = rows[i] * cols[j] / n
			if exp[i][j] == 0 {
				return nil, fmt.Errorf("%w at (%d, %d)", ErrZeroExpected, i, j)
			}
		}
	}
	return exp, nil
}

// CramersV is Cramer's V of a contingency table, from the chi-square
// statistic without continuity correction:
//
//	V = sqrt(chi2 / (N (min(r, c) - 1)))
//
// as scipy.stats.contingency.association(table, method='cramer'). It is NaN
// when an expected count is zero or a count is negative.
//
// Reference: Cramer, H. (1946), Mathematical Methods of Statistics, p. 282.
func CramersV(table [][]float64) float64 {
	exp, err := expected(table)
	if err != nil {
		return math.NaN()
	}
	var chi2, n float64
	for i, row := range table {
		for j, o := range row {
			d := o - exp[i][j]
			chi2 += d * d / exp[i][j]
			n += o
		}
	}
	k := float64(min(len(table), len(table[0])))
	return math.Sqrt(chi2 / (n * (k - 1)))
}
