package songs

import (
	"math"

	"gonum.org/v1/gonum/stat"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/stats"
)

// ColumnSummary describes one numeric column as pandas' describe() does:
// the count of finite values, their mean and sample standard deviation
// (n-1), minimum, quartiles (type 7, as NumPy) and maximum.
type ColumnSummary struct {
	Column                             string
	Count                              int
	Mean, SD, Min, Q1, Median, Q3, Max float64
}

// Describe summarises every numeric column of the catalog, in the
// original study's column order.
func Describe(cat *catalog.Catalog) []ColumnSummary {
	var out []ColumnSummary
	for _, c := range cat.NumericColumns() {
		x := cat.Values(c)
		s := ColumnSummary{Column: c, Count: len(x), Min: math.Inf(1), Max: math.Inf(-1)}
		s.Mean, s.SD = stat.MeanStdDev(x, nil)
		f := stats.TukeyFences(x)
		s.Q1, s.Median, s.Q3 = f.Q1, f.Median, f.Q3
		for _, v := range x {
			s.Min, s.Max = math.Min(s.Min, v), math.Max(s.Max, v)
		}
		out = append(out, s)
	}
	return out
}
