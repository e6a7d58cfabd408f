package view

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/chart"
	"github.com/songcohorts/cohorts/songs/report"
)

// NearestToCentreTable lists the tracks nearest each cohort's centre
// (songs.NearestToCentre).
func NearestToCentreTable(cat *catalog.Catalog, near []songs.CentreTrack, cs []songs.Cohort) report.Table {
	rows := make([][]string, len(near))
	per := map[int]int{}
	for r, nt := range near {
		t := &cat.Tracks[nt.Track]
		per[nt.Cohort]++
		rows[r] = []string{fmt.Sprintf("%d: %s", nt.Cohort, cs[nt.Cohort].Name), t.Name, t.Album, ftoa(nt.Distance, 2)}
	}
	t := report.NewTable([]string{"cohort", "title", "album", "distance to the centre (standard deviations)"}, rows)
	most := 0
	for _, n := range per {
		most = max(most, n)
	}
	t.Caption = fmt.Sprintf("The %d songs nearest each cohort's centre", most)
	return t
}

// PopularAlbumsByCohort ranks albums by their density of popular songs
// (share with popularity >= threshold, albums of at least 5 tracks) and
// shows how each album's tracks split across cohorts.
func PopularAlbumsByCohort(cat *catalog.Catalog, labels []int, k int, threshold float64, n int) report.Table {
	type album struct {
		name          string
		tracks, pop   int
		cohortTracks  []int
		cohortPopular []int
	}
	by := map[string]*album{}
	var order []string
	for i := range cat.Tracks {
		t := &cat.Tracks[i]
		a := by[t.Album]
		if a == nil {
			a = &album{name: t.Album, cohortTracks: make([]int, k), cohortPopular: make([]int, k)}
			by[t.Album] = a
			order = append(order, t.Album)
		}
		a.tracks++
		if labels[i] >= 0 {
			a.cohortTracks[labels[i]]++
		}
		if t.Popularity >= threshold {
			a.pop++
			if labels[i] >= 0 {
				a.cohortPopular[labels[i]]++
			}
		}
	}
	var list []*album
	for _, name := range order {
		if a := by[name]; a.tracks >= 5 && a.pop > 0 {
			list = append(list, a)
		}
	}
	sort.SliceStable(list, func(i, j int) bool {
		si, sj := float64(list[i].pop)/float64(list[i].tracks), float64(list[j].pop)/float64(list[j].tracks)
		if si != sj {
			return si > sj
		}
		return list[i].pop > list[j].pop
	})
	var rows [][]string
	for i, a := range list {
		if i == n {
			break
		}
		split, popSplit := "", ""
		for c := 0; c < k; c++ {
			if c > 0 {
				split += " / "
				popSplit += " / "
			}
			split += strconv.Itoa(a.cohortTracks[c])
			popSplit += strconv.Itoa(a.cohortPopular[c])
		}
		rows = append(rows, []string{a.name, itoa(a.tracks), itoa(a.pop), ftoa(100*float64(a.pop)/float64(a.tracks), 1), split, popSplit})
	}
	t := report.NewTable([]string{"album", "tracks", "popular", "% popular", "tracks per cohort (0 / 1 / ...)", "popular per cohort"}, rows)
	t.Caption = fmt.Sprintf("Albums with the highest density of popular songs (popularity >= %g, albums of 5+ tracks)", threshold)
	return t
}

// CohortMixChart draws each decade's share of tracks per cohort.
func CohortMixChart(cat *catalog.Catalog, labels []int, cs []songs.Cohort) (chart.Figure, error) {
	idx := map[int]int{}
	var decades []int
	for i := range cat.Tracks {
		if d := cat.Tracks[i].Decade; d != 0 {
			if _, ok := idx[d]; !ok {
				idx[d] = 0
				decades = append(decades, d)
			}
		}
	}
	sort.Ints(decades)
	for i, d := range decades {
		idx[d] = i
	}
	counts := make([][]float64, len(cs))
	for c := range counts {
		counts[c] = make([]float64, len(decades))
	}
	totals := make([]float64, len(decades))
	for i := range cat.Tracks {
		d := cat.Tracks[i].Decade
		if d == 0 || labels[i] < 0 {
			continue
		}
		counts[labels[i]][idx[d]]++
		totals[idx[d]]++
	}
	groups := make([]string, len(decades))
	for g, d := range decades {
		groups[g] = fmt.Sprintf("%ds (n=%d)", d, int(totals[g]))
		for c := range counts {
			counts[c][g] = 100 * counts[c][g] / totals[g]
		}
	}
	return chart.GroupedBars(groups, CohortNames(cs), counts, chart.Options{Title: "Cohort mix by release decade",
		XLabel: "release decade", YLabel: "share of the decade's tracks (%)"})
}

// CatalogExtras shows, per cohort, what a catalog has beyond the study's
// columns: the share of hits when it has a hit/flop "target" column, and
// the number of distinct artists and the most frequent ones when it has
// artists.
// It returns a *MissingColumnError when the catalog has neither.
func CatalogExtras(cat *catalog.Catalog, labels []int, cs []songs.Cohort) (report.Table, error) {
	target := cat.ExtraColumn("target")
	if target == nil && !cat.Has["artist"] {
		return report.Table{}, &catalog.MissingColumnError{Step: "hit rate and artists per cohort", Columns: []string{"target", "artist"}}
	}
	headers := []string{"cohort", "tracks"}
	if target != nil {
		headers = append(headers, "% hits (target = 1)")
	}
	if cat.Has["artist"] {
		headers = append(headers, "artists", "most frequent artists")
	}
	var rows [][]string
	for _, c := range cs {
		hits, n := 0, 0
		artists := map[string]int{}
		for i := range cat.Tracks {
			if labels[i] != c.ID {
				continue
			}
			n++
			if target != nil && target[i] == "1" {
				hits++
			}
			artists[cat.Tracks[i].Artist]++
		}
		row := []string{fmt.Sprintf("%d: %s", c.ID, c.Name), itoa(n)}
		if target != nil {
			row = append(row, ftoa(100*float64(hits)/float64(n), 1))
		}
		if cat.Has["artist"] {
			row = append(row, itoa(len(artists)), topCounts(artists, 3))
		}
		rows = append(rows, row)
	}
	t := report.NewTable(headers, rows)
	t.Caption = "What else the catalog says about each cohort"
	return t, nil
}

// topCounts names the n most frequent keys with their counts.
func topCounts(m map[string]int, n int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool {
		if m[keys[a]] != m[keys[b]] {
			return m[keys[a]] > m[keys[b]]
		}
		return keys[a] < keys[b]
	})
	out := ""
	for i, k := range keys {
		if i == n {
			break
		}
		if i > 0 {
			out += ", "
		}
		out += fmt.Sprintf("%s (%d)", k, m[k])
	}
	return out
}
