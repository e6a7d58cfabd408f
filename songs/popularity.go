package songs

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/stats"
)

// PopularityQuantile is the popularity below which a fraction q of tracks
// lie (type 7).
func PopularityQuantile(cat *catalog.Catalog, q float64) float64 {
	return stats.Quantile(cat.Column(catalog.Popularity), q)
}

// YearMeans are the mean of a column per release year with a 95%
// t-interval (a year with one track has a zero-width interval).
type YearMeans struct {
	Year, Mean, Lo, Hi []float64
	N                  []int
}

// MeansByYear computes YearMeans for a numeric column.
func MeansByYear(cat *catalog.Catalog, column string) YearMeans {
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
func MeanOver(cat *catalog.Catalog, column string, from, to int) (mean float64, n int) {
	var x []float64
	for i := range cat.Tracks {
		if y := cat.Tracks[i].ReleaseDate.Year; y >= from && y <= to {
			x = append(x, cat.Tracks[i].Value(column))
		}
	}
	return stat.Mean(x, nil), len(x)
}

// TopSongs returns the n most popular tracks, most popular first, and
// every further track as popular as the n-th (a list never cut through a
// tie); equal popularity is ordered by title.
func TopSongs(cat *catalog.Catalog, n int) []catalog.Track {
	out := append([]catalog.Track(nil), cat.Tracks...)
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Popularity != out[b].Popularity {
			return out[a].Popularity > out[b].Popularity
		}
		return out[a].Name < out[b].Name
	})
	if n <= 0 {
		return nil
	}
	m := min(n, len(out))
	for m < len(out) && out[m].Popularity == out[n-1].Popularity {
		m++
	}
	return out[:m]
}
