package songs

import (
	"fmt"

	"github.com/songcohorts/cohorts/songs/embed"
	"github.com/songcohorts/cohorts/songs/stats"

	"github.com/songcohorts/cohorts/songs/report"
)

// AlbumRecommendation answers the course's question: the two albums with
// the most popular songs at a threshold.
type AlbumRecommendation struct {
	Threshold float64
	Ranked    []AlbumPopularity
}

// RecommendAlbums ranks albums by their number of songs with popularity >=
// threshold.
func RecommendAlbums(cat *Catalog, threshold float64) AlbumRecommendation {
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

// Summary states the recommendation, where the threshold falls in the
// popularity distribution, and at how many of the alternative thresholds
// the same two albums lead.
func (r AlbumRecommendation) Summary(cat *Catalog, alternatives []float64) string {
	pop := cat.Column(Popularity)
	above := 0
	for _, v := range pop {
		if v >= r.Threshold {
			above++
		}
	}
	if len(r.Ranked) < 2 {
		return "Fewer than two albums: no recommendation."
	}
	a, b := r.Ranked[0], r.Ranked[1]
	same := 0
	for _, th := range alternatives {
		alt := AlbumsByPopularSongs(cat, th)
		if len(alt) >= 2 && topTwo(alt) == topTwo(r.Ranked) {
			same++
		}
	}
	return report.Markdownf("With popularity >= %g, the midpoint of Spotify's 0-100 scale, **%d of %d tracks (%.1f%%) count as popular**; "+
		"the median track has popularity %.0f and the 90th percentile is %.0f. "+
		"**The two albums to recommend are %s (%d popular songs) and %s (%d).** "+
		"The same two albums lead at %d of the %d other thresholds in the sensitivity table.",
		r.Threshold, above, len(pop), 100*float64(above)/float64(len(pop)), stats.Quantile(pop, 0.5), stats.Quantile(pop, 0.9),
		a.Album, a.PopularSongs, b.Album, b.PopularSongs, same, len(alternatives))
}

// topTwo names the first two albums of a ranking as an unordered pair.
func topTwo(r []AlbumPopularity) [2]string {
	a, b := r[0].Album, r[1].Album
	if b < a {
		a, b = b, a
	}
	return [2]string{a, b}
}

// WriteMetrics02 records notebook 02's results.
// The album recommendation is recorded only when the catalog has albums and
// popularity.
func WriteMetrics02(p Params, cat *Catalog, pca *embed.PCA) error {
	m := map[string]any{
		"eda": map[string]any{
			"pca_explained_variance_ratio": pca.ExplainedVarianceRatio(),
			"pca_features":                 cat.NumericColumns(),
			"pca_components_95":            pca.ComponentsFor(0.95),
		},
	}
	if cat.Require("", Album, Popularity) == nil {
		m["recommended_albums"] = RecommendAlbums(cat, p.PopularThreshold).Metrics()
	}
	return WriteMetrics(p, "02", m)
}
