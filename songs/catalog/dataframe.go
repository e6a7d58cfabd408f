package catalog

import (
	"fmt"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// DataFrame returns the catalog as a gota DataFrame, one row per track, to
// explore in a notebook (filter, sort, group): the id, title, the album,
// artist and release date where the catalog has them, the release year,
// the nine audio features, the duration in minutes, popularity where the
// catalog has it, and the id of the track's canonical recording. Missing
// numbers are NaN.
func DataFrame(cat *Catalog) (dataframe.DataFrame, error) {
	n := len(cat.Tracks)
	text := func(name string, get func(*Track) string) series.Series {
		v := make([]string, n)
		for i := range cat.Tracks {
			v[i] = get(&cat.Tracks[i])
		}
		return series.New(v, series.String, name)
	}
	num := func(name string, get func(*Track) float64) series.Series {
		v := make([]float64, n)
		for i := range cat.Tracks {
			v[i] = get(&cat.Tracks[i])
		}
		return series.New(v, series.Float, name)
	}
	cols := []series.Series{
		text("id", func(t *Track) string { return t.ID }),
		text("name", func(t *Track) string { return t.Name }),
	}
	if cat.Has[Album] {
		cols = append(cols, text(Album, func(t *Track) string { return t.Album }))
	}
	if cat.Has["artist"] {
		cols = append(cols, text("artist", func(t *Track) string { return t.Artist }))
	}
	if cat.Has[ReleaseDate] {
		cols = append(cols, text(ReleaseDate, func(t *Track) string { return t.ReleaseDate.String() }))
	}
	if cat.Has[ReleaseDate] || cat.Has["year"] {
		cols = append(cols, series.New(years(cat), series.Int, "year"))
	}
	for j, f := range AudioFeatures {
		cols = append(cols, num(f, func(t *Track) float64 { return t.Audio[j] }))
	}
	cols = append(cols, num("duration_min", func(t *Track) float64 { return t.DurationMS / 60000 }))
	if cat.Has[Popularity] {
		cols = append(cols, num(Popularity, func(t *Track) float64 { return t.Popularity }))
	}
	cols = append(cols, text("canonical_id", func(t *Track) string { return t.CanonicalID }))
	df := dataframe.New(cols...)
	if df.Err != nil {
		return df, fmt.Errorf("catalog: data frame: %w", df.Err)
	}
	return df, nil
}

// years lists the tracks' release years (0 when unknown).
func years(cat *Catalog) []int {
	out := make([]int, len(cat.Tracks))
	for i := range cat.Tracks {
		out[i] = cat.Tracks[i].ReleaseDate.Year
	}
	return out
}
