package songs

import (
	"github.com/songcohorts/cohorts/songs/catalog"
)

// Recording is one recording of a catalog: a track and its reissues (the
// copies with identical audio features and duration, grouped by cleaning
// under one CanonicalID), the independent unit of the study's tests. It is
// represented by its most popular copy, the version listeners play, and
// dated by the earliest release of any copy.
type Recording struct {
	// Track is the most popular copy (ties: the earliest release, then
	// catalog order), an index into cat.Tracks.
	Track int
	// Copies are every copy, in catalog order.
	Copies []int
	// Year is the year of the earliest release of any copy (0 when no copy
	// is dated).
	Year int
	// Decade is the first year of the earliest release decade (1960 for
	// 1964): Year's decade, or for a catalog with a decade column but no
	// release dates the earliest decade of any copy; 0 when unknown.
	Decade int
	// Popularity is the most popular copy's popularity (NaN for a catalog
	// without popularity).
	Popularity float64
	// Live is LiveByTitle of the most popular copy.
	Live bool
}

// Recordings returns one row per recording, in the order of each
// recording's first copy. A track without a CanonicalID (a catalog not
// cleaned) is a recording of its own.
func Recordings(cat *catalog.Catalog) []Recording {
	byID := map[string]int{}
	var out []Recording
	for i := range cat.Tracks {
		t := &cat.Tracks[i]
		id := t.RecordingID()
		r, ok := byID[id]
		if !ok {
			r = len(out)
			byID[id] = r
			out = append(out, Recording{Track: i})
		}
		out[r].Copies = append(out[r].Copies, i)
	}
	for k := range out {
		rec := &out[k]
		for _, i := range rec.Copies {
			t, best := &cat.Tracks[i], &cat.Tracks[rec.Track]
			if y := t.ReleaseDate.Year; y != 0 && (rec.Year == 0 || y < rec.Year) {
				rec.Year = y
			}
			if d := t.Decade; d != 0 && (rec.Decade == 0 || d < rec.Decade) {
				rec.Decade = d
			}
			if t.Popularity > best.Popularity || (t.Popularity == best.Popularity && t.ReleaseDate.Before(best.ReleaseDate)) {
				rec.Track = i
			}
		}
		if rec.Year != 0 {
			rec.Decade = rec.Year / 10 * 10
		}
		rec.Popularity = cat.Tracks[rec.Track].Popularity
		rec.Live = LiveByTitle(&cat.Tracks[rec.Track])
	}
	return out
}
