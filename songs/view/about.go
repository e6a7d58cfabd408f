package view

import (
	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/report"
)

// AboutCatalog says in a short paragraph what the catalog is: its title,
// where it comes from, its size (tracks, artists, years) and what measures
// a track's success in it.
func AboutCatalog(a songs.About, cat *catalog.Catalog) string {
	s := report.Markdownf("**%s.** %d tracks", a.Title, len(cat.Tracks))
	switch {
	case a.Artists == 1:
		s += report.Markdownf(" by %s", a.Artist)
	case a.Artists > 1:
		s += report.Markdownf(" by %d artists", a.Artists)
	}
	if first, last := yearRange(cat); first > 0 {
		s += report.Markdownf(", released %d to %d", first, last)
	}
	s += report.Markdownf(", from %s.", a.Source)
	if a.Outcome != "" {
		s += report.Markdownf(" A track's success is measured by %s.", a.Outcome)
	} else {
		s += " The catalog has no measure of a track's success."
	}
	return s
}

// yearRange returns the first and last release years (0, 0 when unknown).
func yearRange(cat *catalog.Catalog) (first, last int) {
	for i := range cat.Tracks {
		y := cat.Tracks[i].ReleaseDate.Year
		if y == 0 {
			continue
		}
		if first == 0 || y < first {
			first = y
		}
		last = max(last, y)
	}
	return first, last
}
