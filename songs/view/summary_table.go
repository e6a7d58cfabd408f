package view

import (
	"strconv"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/report"
)

// SummaryTable shows count, mean, standard deviation (n-1), minimum,
// quartiles and maximum of every numeric column (songs.Describe), as
// pandas' describe().
func SummaryTable(cs []songs.ColumnSummary) report.Table {
	var rows [][]string
	for _, s := range cs {
		d := DecimalsFor(s.Column)
		row := []string{s.Column, strconv.Itoa(s.Count)}
		for _, v := range []float64{s.Mean, s.SD, s.Min, s.Q1, s.Median, s.Q3, s.Max} {
			row = append(row, ftoa(v, d))
		}
		rows = append(rows, row)
	}
	t := report.NewTable([]string{"feature", "count", "mean", "std", "min", "25%", "50%", "75%", "max"}, rows)
	t.Caption = "Summary statistics of the cleaned tracks"
	return t
}

// DecimalsFor is the number of decimals a column's values are shown with.
func DecimalsFor(col string) int {
	switch col {
	case catalog.DurationMS:
		return 0
	case catalog.Popularity, catalog.Tempo, catalog.Loudness:
		return 2
	}
	return 3
}
