package songs

import (
	"math"

	"gonum.org/v1/gonum/stat"

	"github.com/songcohorts/cohorts/songs/report"
	"github.com/songcohorts/cohorts/songs/stats"
)

// SummaryTable shows count, mean, standard deviation (n-1), minimum,
// quartiles (type 7) and maximum of every numeric column, as pandas'
// describe().
func SummaryTable(cat *Catalog) report.Table {
	var rows [][]string
	for _, c := range cat.NumericColumns() {
		x := finite(cat.Column(c))
		mean, sd := stat.MeanStdDev(x, nil)
		f := stats.TukeyFences(x)
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, v := range x {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
		d := decimalsFor(c)
		rows = append(rows, []string{c, itoa(len(x)), ftoa(mean, d), ftoa(sd, d), ftoa(lo, d), ftoa(f.Q1, d), ftoa(f.Median, d), ftoa(f.Q3, d), ftoa(hi, d)})
	}
	t := report.NewTable([]string{"feature", "count", "mean", "std", "min", "25%", "50%", "75%", "max"}, rows)
	t.Caption = "Summary statistics of the cleaned tracks"
	return t
}

// decimalsFor picks a readable precision for a column's values.
func decimalsFor(col string) int {
	switch col {
	case DurationMS:
		return 0
	case Popularity, Tempo, Loudness:
		return 2
	}
	return 3
}
