package songs

import (
	"fmt"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/embed"
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

// WriteMetrics02 records notebook 02's results.
// The album recommendation is recorded only when the catalog has albums and
// popularity.
func WriteMetrics02(p Params, cat *catalog.Catalog, pca *embed.PCA) error {
	m := map[string]any{
		"eda": map[string]any{
			"pca_explained_variance_ratio": pca.ExplainedVarianceRatio(),
			"pca_features":                 cat.NumericColumns(),
			"pca_components_95":            pca.ComponentsFor(0.95),
		},
	}
	if cat.Require("", catalog.Album, catalog.Popularity) == nil {
		m["recommended_albums"] = RecommendAlbums(cat, p.PopularThreshold).Metrics()
	}
	return WriteMetrics(p, "02", m)
}
