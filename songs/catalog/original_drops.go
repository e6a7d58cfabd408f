package catalog

import (
	"fmt"
	"math"
	"sort"
)

// ExtremeRule drops the N tracks with the largest (Top) or smallest values
// of one column.
type ExtremeRule struct {
	Column string
	N      int
	Top    bool
}

// OriginalExtremes is the original study's hand-picked rule set: the most
// extreme rows by acousticness (top 2), energy (bottom 2), loudness
// (bottom 4), speechiness (top 3) and duration_ms (top 3). Overlaps leave 10
// distinct rows of the 1,610-track catalog, so 1,600 remain.
var OriginalExtremes = []ExtremeRule{
	{Column: Acousticness, N: 2, Top: true},
	{Column: Energy, N: 2},
	{Column: Loudness, N: 4},
	{Column: Speechiness, N: 3, Top: true},
	{Column: DurationMS, N: 3, Top: true},
}

// Select returns the indices (into tracks) that the rule drops, ties
// broken by file order, each with a detail for the cleaning log.
func (r ExtremeRule) Select(tracks []Track) ([]int, []string) {
	idx := make([]int, 0, len(tracks))
	for i := range tracks {
		if !math.IsNaN(tracks[i].Value(r.Column)) {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool {
		va, vb := tracks[idx[a]].Value(r.Column), tracks[idx[b]].Value(r.Column)
		if r.Top {
			return va > vb
		}
		return va < vb
	})
	if len(idx) > r.N {
		idx = idx[:r.N]
	}
	side := "bottom"
	if r.Top {
		side = "top"
	}
	details := make([]string, len(idx))
	for k, i := range idx {
		details[k] = fmt.Sprintf("%s %s %d: %g", r.Column, side, r.N, tracks[i].Value(r.Column))
	}
	return idx, details
}

// OriginalDropIDs are the ids of the ten tracks OriginalExtremes drops from
// the course file (recomputed with pandas by testdata/gen_original_drops.py;
// the test of the real catalog checks that the rules select exactly these).
var OriginalDropIDs = []string{
	"79WmJqppHiyEeJ6S4EY4iG", "1xELymSaqrPQjF1HUlCH84", "4Q1mpLGl94xstgXlhoaCh5", "53ccq2vLuIz4HT3vAyBQDD",
	"6OqrmslFQYvd2GOP9ERBVP", "6ZJ5gVsnpgNIkBWM0zJrwd", "6fmxr9Wui3uYW7GtpscwDx", "5vaIQW6IAjNo5tUoZGTiKE",
	"3As7nxoMY2gOMxVdksIU2F", "7hnehY2vACxvGRAarPmK1o",
}

// HoldsCourseFile reports whether the catalog holds every track the
// original study dropped from the course file (OriginalDropIDs): the
// hand-picked drops make sense for that file only.
func HoldsCourseFile(cat *Catalog) bool {
	ids := make(map[string]bool, len(cat.Tracks))
	for i := range cat.Tracks {
		ids[cat.Tracks[i].ID] = true
	}
	for _, id := range OriginalDropIDs {
		if !ids[id] {
			return false
		}
	}
	return true
}
