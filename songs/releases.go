package songs

import (
	"fmt"
	"strconv"

	"github.com/songcohorts/cohorts/songs/catalog"
)

// SameReleaseShare is the share of a restarted run's titles that must
// already be on the release for the run to count as another release of the
// album rather than another disc of it (titles compared by TitleKey, so
// "Angie - Remastered 2009" and "Angie - Live" are both Angie).
const SameReleaseShare = 0.8

// Release is one release of an album: the tracks a catalog lists under one
// album name and release date, split where Spotify lists the same album
// twice. Within an album name and date, tracks come in runs of rising
// track numbers; a run whose track numbers restart is another release when
// at least SameReleaseShare of its titles are already on the current
// release (the same songs again: "Let It Bleed" is listed twice, 9 tracks
// each), and another disc of the current release otherwise (a bonus disc
// of new titles).
type Release struct {
	// Album is the album name as the catalog spells it.
	Album string
	// Date is the release date the tracks share.
	Date catalog.Date
	// Label names the release for a reader: the album name, followed by
	// the year when the name has several release dates ("Tattoo You
	// (1981)") and by "(release k of n)" when one name and date hold n
	// releases ("Let It Bleed (release 2 of 2)").
	Label string
	// Index is k of "release k of n" (1-based) and Of is n; both are 1 for
	// an album name and date listed once.
	Index, Of int
	// Discs is the number of runs of track numbers of this release.
	Discs int
	// Tracks are the release's tracks (indices into cat.Tracks), in
	// catalog order.
	Tracks []int
}

// Releases splits a catalog's tracks into releases (see Release), in the
// order of each release's first track. It relies on the catalog listing
// each album's tracks in track-number order, as Spotify's API returns
// them; without a track_number column an album name and date is one
// release. Tracks without an album name are left out. A catalog without
// albums has none.
func Releases(cat *catalog.Catalog) []Release {
	if !cat.Has[catalog.Album] {
		return nil
	}
	type key struct {
		album string
		date  catalog.Date
	}
	var keys []key
	byKey := map[key][]int{}
	dates := map[string]map[catalog.Date]bool{}
	for i := range cat.Tracks {
		t := &cat.Tracks[i]
		if t.Album == "" {
			continue
		}
		k := key{t.Album, t.ReleaseDate}
		if _, ok := byKey[k]; !ok {
			keys = append(keys, k)
			if dates[t.Album] == nil {
				dates[t.Album] = map[catalog.Date]bool{}
			}
			dates[t.Album][t.ReleaseDate] = true
		}
		byKey[k] = append(byKey[k], i)
	}
	numbered := cat.Has["track_number"]
	var out []Release
	for _, k := range keys {
		groups := splitReleases(cat, byKey[k], numbered)
		for n, g := range groups {
			r := Release{Album: k.album, Date: k.date, Label: k.album, Index: n + 1, Of: len(groups), Discs: g.discs, Tracks: g.tracks}
			if len(dates[k.album]) > 1 {
				r.Label += " (" + datePart(k.date, dates[k.album]) + ")"
			}
			if r.Of > 1 {
				r.Label += fmt.Sprintf(" (release %d of %d)", r.Index, r.Of)
			}
			out = append(out, r)
		}
	}
	return out
}

// datePart names a date among the other dates of one album name: its year,
// or the full date when another date has the same year.
func datePart(d catalog.Date, all map[catalog.Date]bool) string {
	for o := range all {
		if o != d && o.Year == d.Year {
			return d.String()
		}
	}
	if d.IsZero() {
		return "undated"
	}
	return strconv.Itoa(d.Year)
}

type releaseTracks struct {
	tracks []int
	discs  int
}

// splitReleases splits the tracks of one album name and date (catalog
// order) into releases by the rule of Release.
func splitReleases(cat *catalog.Catalog, idx []int, numbered bool) []releaseTracks {
	var runs [][]int
	for n, i := range idx {
		if n == 0 || (numbered && cat.Tracks[i].TrackNumber <= cat.Tracks[idx[n-1]].TrackNumber) {
			runs = append(runs, nil)
		}
		runs[len(runs)-1] = append(runs[len(runs)-1], i)
	}
	out := []releaseTracks{{tracks: runs[0], discs: 1}}
	titles := titleSet(cat, runs[0], nil)
	for _, run := range runs[1:] {
		same := 0
		for _, i := range run {
			if titles[TitleKey(cat.Tracks[i].Name)] {
				same++
			}
		}
		if float64(same) >= SameReleaseShare*float64(len(run)) {
			out = append(out, releaseTracks{tracks: run, discs: 1})
			titles = titleSet(cat, run, nil)
			continue
		}
		cur := &out[len(out)-1]
		cur.tracks = append(cur.tracks, run...)
		cur.discs++
		titles = titleSet(cat, run, titles)
	}
	return out
}

// titleSet adds the TitleKeys of the tracks to set (a new set if nil).
func titleSet(cat *catalog.Catalog, idx []int, set map[string]bool) map[string]bool {
	if set == nil {
		set = map[string]bool{}
	}
	for _, i := range idx {
		set[TitleKey(cat.Tracks[i].Name)] = true
	}
	return set
}

// ReleaseOf maps every track to its release (an index into releases), -1
// for a track in none.
func ReleaseOf(cat *catalog.Catalog, releases []Release) []int {
	out := make([]int, len(cat.Tracks))
	for i := range out {
		out[i] = -1
	}
	for r, rel := range releases {
		for _, i := range rel.Tracks {
			out[i] = r
		}
	}
	return out
}
