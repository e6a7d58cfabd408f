package view

import (
	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/report"
)

// DerivedFeatures shows the features derived for the first n tracks: year,
// decade, duration in minutes and the two live flags.
func DerivedFeatures(cat *catalog.Catalog, n int) report.Table {
	var rows [][]string
	for i := range cat.Tracks {
		if i == n {
			break
		}
		t := &cat.Tracks[i]
		rows = append(rows, []string{t.Name, intOrEmpty(t.ReleaseDate.Year), intOrEmpty(t.Decade),
			ftoa(t.DurationMS/60000, 2), yesNo(songs.LiveByTitle(t)), yesNo(songs.LiveByLiveness(t))})
	}
	tb := report.NewTable([]string{"title", "year", "decade", "minutes", "live (title/album)", "live (liveness > 0.8)"}, rows)
	tb.Caption = "Derived features (first tracks)"
	return tb
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
