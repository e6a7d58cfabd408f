package view

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

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

// PopularAlbumsByCohort lists the releases with the most popular songs,
// ranked as the album question ranks them (songs.RankReleases: popular
// tracks, then mean popularity; the first n and every release tied with
// the n-th), and shows how each release's tracks and popular tracks split
// across cohorts.
func PopularAlbumsByCohort(cat *catalog.Catalog, labels []int, k int, threshold float64, n int) report.Table {
	var ranked []songs.AlbumPopularity
	for _, a := range songs.RankReleases(cat, threshold) {
		if a.PopularSongs > 0 {
			ranked = append(ranked, a)
		}
	}
	top := songs.TopWithTies(ranked, n)
	rank := competitionRanks(top)
	var rows [][]string
	for r, a := range top {
		tracks, popular := make([]int, k), make([]int, k)
		for _, i := range a.Members {
			if l := labels[i]; l >= 0 {
				tracks[l]++
				if cat.Tracks[i].Popularity >= threshold {
					popular[l]++
				}
			}
		}
		split, popSplit := "", ""
		for c := 0; c < k; c++ {
			if c > 0 {
				split += " / "
				popSplit += " / "
			}
			split += strconv.Itoa(tracks[c])
			popSplit += strconv.Itoa(popular[c])
		}
		rows = append(rows, []string{itoa(rank[r]), a.Album, itoa(a.Tracks), itoa(a.PopularSongs), ftoa(a.Mean, 1), split, popSplit})
	}
	cohorts := make([]string, k)
	for c := range cohorts {
		cohorts[c] = strconv.Itoa(c)
	}
	per := strings.Join(cohorts, " / ")
	t := report.NewTable([]string{"rank", "release", "tracks", "popular tracks", "mean popularity", "tracks in cohorts " + per, "popular tracks in cohorts " + per}, rows)
	t.Caption = fmt.Sprintf("Releases with the most popular tracks (popularity >= %g), ranked as in notebook 02, and their split across the cohorts", threshold) + tieNote(len(top), n)
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
	lo, hi := 0, 0 // the decades with the smallest and largest share of cohort 0
	for g, d := range decades {
		groups[g] = fmt.Sprintf("%ds\n(n = %d)", d, int(totals[g]))
		for c := range counts {
			counts[c][g] = 100 * counts[c][g] / totals[g]
		}
		if counts[0][g] < counts[0][lo] {
			lo = g
		}
		if counts[0][g] > counts[0][hi] {
			hi = g
		}
	}
	return chart.StackedShares(groups, CohortNames(cs), counts, chart.Options{Title: "Cohort mix by release decade",
		XLabel: "release decade (tracks)", YLabel: "share of the decade's tracks (%)",
		Caption: fmt.Sprintf("Cohort %d (%s) makes up %.0f%% of the %ds' tracks and %.0f%% of the %ds'.",
			cs[0].ID, cs[0].Name, counts[0][hi], decades[hi], counts[0][lo], decades[lo])})
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
