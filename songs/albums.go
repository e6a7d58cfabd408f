package songs

import (
	"fmt"
	"sort"

	"github.com/songcohorts/cohorts/songs/catalog"
)

// AlbumRecommendation answers the course's question: the two albums with
// the most popular songs at a threshold.
type AlbumRecommendation struct {
	Threshold float64
	Ranked    []AlbumPopularity
}

// RecommendAlbums ranks albums by their number of songs with popularity >=
// threshold.
func RecommendAlbums(cat *catalog.Catalog, threshold float64) AlbumRecommendation {
	return AlbumRecommendation{Threshold: threshold, Ranked: AlbumsByPopularSongs(cat, threshold)}
}

// Recommended returns the albums to recommend: the first two of the
// ranking that have at least one popular song (one, or none, when fewer
// have any).
func (r AlbumRecommendation) Recommended() []AlbumPopularity {
	var out []AlbumPopularity
	for _, a := range r.Ranked {
		if a.PopularSongs == 0 || len(out) == 2 {
			break
		}
		out = append(out, a)
	}
	return out
}

// Metrics is the recommended_albums entry of metrics.json: the rule and the
// albums with at least one popular song, the two recommended first.
func (r AlbumRecommendation) Metrics() map[string]any {
	var albums []map[string]any
	for _, a := range r.Ranked {
		if a.PopularSongs == 0 {
			break
		}
		albums = append(albums, map[string]any{"album": a.Album, "popular_songs": a.PopularSongs})
	}
	return map[string]any{
		"threshold": r.Threshold,
		"rule":      fmt.Sprintf("popularity >= %g", r.Threshold),
		"albums":    albums,
	}
}

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
func AlbumsByPopularSongs(cat *catalog.Catalog, threshold float64) []AlbumPopularity {
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
func AlbumsByMeanPopularity(cat *catalog.Catalog, threshold float64) []AlbumPopularity {
	out := AlbumsByPopularSongs(cat, threshold)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Mean != out[j].Mean {
			return out[i].Mean > out[j].Mean
		}
		return out[i].Album < out[j].Album
	})
	return out
}
