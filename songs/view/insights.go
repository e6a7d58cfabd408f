package view

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/chart"
	"github.com/songcohorts/cohorts/songs/report"
	"gonum.org/v1/gonum/stat"
)

// NearestToCentre lists, per cohort, the n tracks closest to the cohort's
// mean in the standardised profile features, one per title (reissues and
// other releases of a listed title are skipped).
func NearestToCentre(cat *catalog.Catalog, labels []int, cs []songs.Cohort, n int) report.Table {
	cols := make([][]float64, len(songs.ProfileFeatures))
	means, sds := make([]float64, len(cols)), make([]float64, len(cols))
	for j, f := range songs.ProfileFeatures {
		cols[j] = cat.Column(f)
		means[j], sds[j] = stat.PopMeanStdDev(cols[j], nil)
		if sds[j] == 0 {
			sds[j] = 1 // a constant feature: every track 0 standard deviations from its mean
		}
	}
	var rows [][]string
	for _, c := range cs {
		type cand struct {
			i int
			d float64
		}
		var cands []cand
		for i := range cat.Tracks {
			t := &cat.Tracks[i]
			if labels[i] != c.ID || (t.CanonicalID != "" && t.CanonicalID != t.ID) {
				continue
			}
			d := 0.0
			for j := range cols {
				z := (cols[j][i]-means[j])/sds[j] - c.Z[j]
				d += z * z
			}
			cands = append(cands, cand{i, math.Sqrt(d)})
		}
		sort.SliceStable(cands, func(a, b int) bool { return cands[a].d < cands[b].d })
		shown := map[string]bool{}
		for _, cd := range cands {
			t := &cat.Tracks[cd.i]
			if len(shown) == n {
				break
			}
			if key := strings.ToLower(t.Name); shown[key] {
				continue // another release of a title already listed
			} else {
				shown[key] = true
			}
			rows = append(rows, []string{fmt.Sprintf("%d: %s", c.ID, c.Name), t.Name, t.Album, ftoa(cd.d, 2)})
		}
	}
	t := report.NewTable([]string{"cohort", "title", "album", "distance to the centre (standard deviations)"}, rows)
	t.Caption = fmt.Sprintf("The %d songs nearest each cohort's centre", n)
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

// ExplorerOf builds the interactive scatter of an embedding (UMAP by
// default in notebook 04) with hover text per track.
func ExplorerOf(cat *catalog.Catalog, e *songs.Embeddings, cs []songs.Cohort, projection int) report.Explorer {
	ex := report.Explorer{Title: songs.Projections[projection] + " map of the catalog: hover for the song",
		XLabel: songs.Projections[projection] + " 1", YLabel: songs.Projections[projection] + " 2"}
	names := CohortNames(cs)
	for i := range cat.Tracks {
		t := &cat.Tracks[i]
		ex.X = append(ex.X, e.XY[projection][i][0])
		ex.Y = append(ex.Y, e.XY[projection][i][1])
		g := "noise"
		if c := e.Cohort[i]; c >= 0 {
			g = names[c]
		}
		ex.Group = append(ex.Group, g)
		ex.Hover = append(ex.Hover, []string{t.Name, t.Album, "year " + intOrEmpty(t.ReleaseDate.Year), "popularity " + ftoa(t.Popularity, 0), "cohort " + g})
	}
	return ex
}

// PlotlyPath is the plotly.js bundle the explorer embeds: PLOTLY_JS when
// set, else where the Makefile installs it with npm.
func PlotlyPath(p songs.Params) string {
	if v := os.Getenv("PLOTLY_JS"); v != "" {
		return v
	}
	return filepath.Join(p.Root, ".tools", "node_modules", "plotly.js-dist-min", "plotly.min.js")
}

// Insights states what the cohorts mean for recommendations, computed from
// the profiles: the most and least popular cohorts and what drives
// popularity.
func Insights(cs []songs.Cohort, claims []string) string {
	if len(cs) == 0 {
		return ""
	}
	hi, lo := cs[0], cs[0]
	for _, c := range cs {
		if c.Popularity > hi.Popularity {
			hi = c
		}
		if c.Popularity < lo.Popularity {
			lo = c
		}
	}
	s := report.Markdownf("- **Which cohort to draw from.** A listener of a song in cohort %d (%s) should be offered songs of that cohort first: "+
		"cohorts are regions of similar sound, and the evaluation above measures how much better than chance nearest songs do.\n", hi.ID, hi.Name)
	if !math.IsNaN(hi.Popularity) {
		s += report.Markdownf("- **Where popularity lives.** Cohort %d (%s) has the highest mean popularity (%.1f, %.1f%% popular songs); cohort %d (%s) the lowest (%.1f, %.1f%%).\n",
			hi.ID, hi.Name, hi.Popularity, 100*hi.PopularShare, lo.ID, lo.Name, lo.Popularity, 100*lo.PopularShare)
	}
	for _, c := range claims {
		s += "- " + report.EscapeMarkdown(c) + "\n"
	}
	s += "- **Limits.** Silhouettes near 0.2 mean the cohorts overlap: they are soft regions, not genres. Popularity is today's " +
		"Spotify popularity, which favours remasters and playlisted songs; audio features are Spotify's estimates; one artist's " +
		"catalog says little about listeners in general.\n"
	return s
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

// EvaluationSummary states the offline evaluation's main comparison.
func EvaluationSummary(ev *songs.RecommenderEvaluation) string {
	if ev.ReissueSeeds == 0 {
		return "The catalog has no reissued recordings, so the reissue hit rate cannot be measured."
	}
	rate := map[string]float64{}
	for _, m := range ev.Methods {
		rate[m.Method] = m.ReissueHitRate
	}
	s := report.Markdownf("For %d seed tracks released more than once, the nearest-neighbour recommender puts the other release of "+
		"the same recording in its top %d for **%.1f%%** of them, against %.1f%% for random picks",
		ev.ReissueSeeds, ev.N, 100*rate[songs.MethodNearest], 100*rate[songs.MethodRandom])
	if p, ok := rate[songs.MethodPopular]; ok && !math.IsNaN(p) {
		s += report.Markdownf(" and %.1f%% for the most popular songs", 100*p)
	}
	return s + "."
}
