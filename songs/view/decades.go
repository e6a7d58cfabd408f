package view

import (
	"sort"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/report"
	"github.com/songcohorts/cohorts/songs/stats"
)

// DecadeTable shows, per release decade, the number of tracks and the
// median of each numeric column.
func DecadeTable(cat *catalog.Catalog) report.Table {
	by := map[int][]int{}
	for i := range cat.Tracks {
		by[cat.Tracks[i].Decade] = append(by[cat.Tracks[i].Decade], i)
	}
	decades := make([]int, 0, len(by))
	for d := range by {
		decades = append(decades, d)
	}
	sort.Ints(decades)
	cols := cat.NumericColumns()
	headers := append([]string{"decade", "tracks"}, cols...)
	var rows [][]string
	for _, d := range decades {
		label := "unknown"
		if d != 0 {
			label = itoa(d) + "s"
		}
		row := []string{label, itoa(len(by[d]))}
		for _, c := range cols {
			x := make([]float64, len(by[d]))
			for k, i := range by[d] {
				x[k] = cat.Tracks[i].Value(c)
			}
			row = append(row, ftoa(stats.Quantile(x, 0.5), DecimalsFor(c)))
		}
		rows = append(rows, row)
	}
	t := report.NewTable(headers, rows)
	t.Caption = "Median of each feature by release decade"
	return t
}
