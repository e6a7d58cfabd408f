package songs

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"

	"github.com/songcohorts/cohorts/songs/chart"
	"github.com/songcohorts/cohorts/songs/report"
	"github.com/songcohorts/cohorts/songs/stats"
)

// AlbumPopularity is one album's popularity figures.
type AlbumPopularity struct {
	Album        string
	Tracks       int
	PopularSongs int     // tracks with popularity >= the threshold
	Share        float64 // PopularSongs / Tracks
	Mean         float64 // mean popularity
}

// AlbumsByPopularSongs ranks albums by the number of tracks whose
// popularity is at least threshold (the course's question), then by mean
// popularity, then by name.
func AlbumsByPopularSongs(cat *Catalog, threshold float64) []AlbumPopularity {
	by := map[string]*AlbumPopularity{}
	var names []string
	for i := range cat.Tracks {
		t := &cat.Tracks[i]
		a := by[t.Album]
		if a == nil {
			a = &AlbumPopularity{Album: t.Album}
			by[t.Album] = a
			names = append(names, t.Album)
		}
		a.Tracks++
		a.Mean += t.Popularity
		if t.Popularity >= threshold {
			a.PopularSongs++
		}
	}
	out := make([]AlbumPopularity, 0, len(names))
	for _, n := range names {
		a := by[n]
		a.Mean /= float64(a.Tracks)
		a.Share = float64(a.PopularSongs) / float64(a.Tracks)
		out = append(out, *a)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].PopularSongs != out[j].PopularSongs {
			return out[i].PopularSongs > out[j].PopularSongs
		}
		if out[i].Mean != out[j].Mean {
			return out[i].Mean > out[j].Mean
		}
		return out[i].Album < out[j].Album
	})
	return out
}

// AlbumsByMeanPopularity ranks albums by mean popularity, as the original
// study did; popular songs are counted at threshold for comparison.
func AlbumsByMeanPopularity(cat *Catalog, threshold float64) []AlbumPopularity {
	out := AlbumsByPopularSongs(cat, threshold)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Mean != out[j].Mean {
			return out[i].Mean > out[j].Mean
		}
		return out[i].Album < out[j].Album
	})
	return out
}

// AlbumTable shows the first n albums of a ranking.
func AlbumTable(albums []AlbumPopularity, n int, caption string) report.Table {
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

// PopularityQuantile is the popularity below which a fraction q of tracks
// lie (type 7).
func PopularityQuantile(cat *Catalog, q float64) float64 {
	return stats.Quantile(cat.Column(Popularity), q)
}

// ThresholdSensitivity shows, for each threshold, how many songs count as
// popular and which two albums the count ranking recommends.
func ThresholdSensitivity(cat *Catalog, thresholds []float64, labels []string) report.Table {
	var rows [][]string
	for i, th := range thresholds {
		ranked := AlbumsByPopularSongs(cat, th)
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

// TopSongs lists the n most popular tracks (ties by title).
func TopSongs(cat *Catalog, n int) report.Table {
	idx := make([]int, len(cat.Tracks))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ta, tb := &cat.Tracks[idx[a]], &cat.Tracks[idx[b]]
		if ta.Popularity != tb.Popularity {
			return ta.Popularity > tb.Popularity
		}
		return ta.Name < tb.Name
	})
	var rows [][]string
	for k, i := range idx {
		if k == n {
			break
		}
		t := &cat.Tracks[i]
		rows = append(rows, []string{itoa(k + 1), t.Name, t.Album, t.ReleaseDate.String(), ftoa(t.Popularity, 0)})
	}
	tb := report.NewTable([]string{"rank", "title", "album", "released", "popularity"}, rows)
	tb.Caption = fmt.Sprintf("The %d most popular tracks", n)
	return tb
}

// YearMeans are the mean of a column per release year with a 95%
// t-interval (a year with one track has a zero-width interval).
type YearMeans struct {
	Year, Mean, Lo, Hi []float64
	N                  []int
}

// MeansByYear computes YearMeans for a numeric column.
func MeansByYear(cat *Catalog, column string) YearMeans {
	by := map[int][]float64{}
	for i := range cat.Tracks {
		t := &cat.Tracks[i]
		if y := t.ReleaseDate.Year; y != 0 {
			by[y] = append(by[y], t.Value(column))
		}
	}
	years := make([]int, 0, len(by))
	for y := range by {
		years = append(years, y)
	}
	sort.Ints(years)
	var out YearMeans
	for _, y := range years {
		x := by[y]
		m, sd := stat.MeanStdDev(x, nil)
		half := 0.0
		if len(x) > 1 {
			half = distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(len(x) - 1)}.Quantile(0.975) * sd / math.Sqrt(float64(len(x)))
		}
		out.Year = append(out.Year, float64(y))
		out.Mean = append(out.Mean, m)
		out.Lo = append(out.Lo, m-half)
		out.Hi = append(out.Hi, m+half)
		out.N = append(out.N, len(x))
	}
	return out
}

// MeanOver returns the mean of a column over the tracks released in the
// years [from, to].
func MeanOver(cat *Catalog, column string, from, to int) (mean float64, n int) {
	var x []float64
	for i := range cat.Tracks {
		if y := cat.Tracks[i].ReleaseDate.Year; y >= from && y <= to {
			x = append(x, cat.Tracks[i].Value(column))
		}
	}
	return stat.Mean(x, nil), len(x)
}

// PopularityByYearChart draws mean popularity per release year with its
// 95% confidence band.
func PopularityByYearChart(cat *Catalog) (chart.Figure, error) {
	m := MeansByYear(cat, Popularity)
	return chart.LineBand(m.Year, m.Mean, m.Lo, m.Hi, "mean popularity", "95% confidence interval",
		chart.Options{Title: "Popularity by release year", XLabel: "release year", YLabel: "mean popularity (0-100)"})
}

// EarlyLateSummary compares the mean popularity of the first and last five
// release years of the catalog, as the original study did (1964-68 vs
// 2018-22 for the Rolling Stones).
func EarlyLateSummary(cat *Catalog) string {
	m := MeansByYear(cat, Popularity)
	if len(m.Year) == 0 {
		return "No release years: popularity over time cannot be shown."
	}
	first, last := int(m.Year[0]), int(m.Year[len(m.Year)-1])
	early, ne := MeanOver(cat, Popularity, first, first+4)
	late, nl := MeanOver(cat, Popularity, last-4, last)
	return report.Markdownf("Tracks released %d-%d average popularity **%.2f** (%d tracks); tracks released %d-%d average **%.2f** (%d tracks). "+
		"Notebook 03 tests whether popularity differs across periods.", first, first+4, early, ne, last-4, last, late, nl)
}
