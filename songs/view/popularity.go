package view

import (
	"fmt"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/chart"
	"github.com/songcohorts/cohorts/songs/report"
)

// AlbumTable shows the first n albums of a ranking.
func AlbumTable(albums []songs.AlbumPopularity, n int, caption string) report.Table {
	var rows [][]string
	for i, a := range albums {
		if i == n {
			break
		}
		rows = append(rows, []string{itoa(i + 1), a.Album, itoa(a.Tracks), itoa(a.PopularSongs), ftoa(100*a.Share, 1), ftoa(a.Mean, 1)})
	}
	t := report.NewTable([]string{"rank", "album", "tracks", "popular songs", "% popular", "mean popularity"}, rows)
	t.Caption = caption
	return t
}

// ThresholdSensitivity shows, for each threshold, how many songs count as
// popular and which two albums the count ranking recommends.
func ThresholdSensitivity(cat *catalog.Catalog, thresholds []float64, labels []string) report.Table {
	var rows [][]string
	for i, th := range thresholds {
		ranked := songs.AlbumsByPopularSongs(cat, th)
		popular := 0
		for _, a := range ranked {
			popular += a.PopularSongs
		}
		top := func(k int) string {
			if k >= len(ranked) {
				return ""
			}
			return fmt.Sprintf("%s (%d)", ranked[k].Album, ranked[k].PopularSongs)
		}
		rows = append(rows, []string{labels[i], ftoa(th, 0), itoa(popular), top(0), top(1), top(2)})
	}
	t := report.NewTable([]string{"threshold", "popularity >=", "popular songs", "first album", "second album", "third album"}, rows)
	t.Caption = "Sensitivity of the album ranking to the popularity threshold"
	return t
}

// TopSongsTable lists tracks ranked by popularity (songs.TopSongs).
func TopSongsTable(tracks []catalog.Track) report.Table {
	var rows [][]string
	for k, t := range tracks {
		rows = append(rows, []string{itoa(k + 1), t.Name, t.Album, t.ReleaseDate.String(), ftoa(t.Popularity, 0)})
	}
	tb := report.NewTable([]string{"rank", "title", "album", "released", "popularity"}, rows)
	tb.Caption = fmt.Sprintf("The %d most popular tracks", len(tracks))
	return tb
}

// PopularityByYearChart draws mean popularity per release year with its
// 95% confidence band.
func PopularityByYearChart(cat *catalog.Catalog) (chart.Figure, error) {
	m := songs.MeansByYear(cat, catalog.Popularity)
	return chart.LineBand(m.Year, m.Mean, m.Lo, m.Hi, "mean popularity", "95% confidence interval",
		chart.Options{Title: "Popularity by release year", XLabel: "release year", YLabel: "mean popularity (0-100)"})
}

// EarlyLateSummary compares the mean popularity of the first and last five
// release years of the catalog, as the original study did (1964-68 vs
// 2018-22 for the Rolling Stones).
func EarlyLateSummary(cat *catalog.Catalog) string {
	m := songs.MeansByYear(cat, catalog.Popularity)
	if len(m.Year) == 0 {
		return "No release years: popularity over time cannot be shown."
	}
	first, last := int(m.Year[0]), int(m.Year[len(m.Year)-1])
	early, ne := songs.MeanOver(cat, catalog.Popularity, first, first+4)
	late, nl := songs.MeanOver(cat, catalog.Popularity, last-4, last)
	return report.Markdownf("Tracks released %d-%d average popularity **%.2f** (%d tracks); tracks released %d-%d average **%.2f** (%d tracks). "+
		"Notebook 03 tests whether popularity differs across periods.", first, first+4, early, ne, last-4, last, late, nl)
}

// AlbumAnswer states the recommendation, where the threshold falls in the
// popularity distribution, and at how many of the alternative thresholds
// the same two albums lead. With no popular song, or one album with any,
// it says so and recommends what there is: nothing, or that album.
func AlbumAnswer(r songs.AlbumRecommendation, cat *catalog.Catalog, alternatives []float64) string {
	pop := cat.Column(catalog.Popularity)
	above := 0
	for _, v := range pop {
		if v >= r.Threshold {
			above++
		}
	}
	head := report.Markdownf("With popularity >= %g, %s, **%d of %d tracks (%.1f%%) count as popular**; "+
		"the median track has popularity %.0f and the 90th percentile is %.0f. ",
		r.Threshold, OnPopularityScale(r.Threshold), above, len(pop), 100*float64(above)/float64(len(pop)),
		catalog.Quantile(pop, 0.5), catalog.Quantile(pop, 0.9))
	rec := r.Recommended()
	switch len(rec) {
	case 0:
		return head + "**No album has a popular song: there is nothing to recommend at this threshold.**"
	case 1:
		return head + report.Markdownf("**Only one album has popular songs: %s (%d).** It is the one to recommend; "+
			"a second would have none.", rec[0].Album, rec[0].PopularSongs)
	}
	same := 0
	for _, th := range alternatives {
		alt := songs.RecommendAlbums(cat, th).Recommended()
		if len(alt) == 2 && topTwo(alt) == topTwo(rec) {
			same++
		}
	}
	return head + report.Markdownf("**The two albums to recommend are %s (%d popular songs) and %s (%d).** "+
		"The same two albums lead at %d of the %d other thresholds in the sensitivity table.",
		rec[0].Album, rec[0].PopularSongs, rec[1].Album, rec[1].PopularSongs, same, len(alternatives))
}

// OnPopularityScale places a popularity threshold on Spotify's 0-100 scale,
// in words: "the midpoint of Spotify's 0-100 scale", or how far above or
// below the midpoint it lies.
func OnPopularityScale(t float64) string {
	const mid = 50
	switch {
	case t == mid:
		return "the midpoint of Spotify's 0-100 scale"
	case t > mid:
		return fmt.Sprintf("%g points above the midpoint of Spotify's 0-100 scale", t-mid)
	default:
		return fmt.Sprintf("%g points below the midpoint of Spotify's 0-100 scale", mid-t)
	}
}

// topTwo names the first two albums of a ranking as an unordered pair.
func topTwo(r []songs.AlbumPopularity) [2]string {
	a, b := r[0].Album, r[1].Album
	if b < a {
		a, b = b, a
	}
	return [2]string{a, b}
}
