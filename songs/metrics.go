package songs

import (
	"math"
	"os"
	"strconv"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/embed"
	"github.com/songcohorts/cohorts/songs/internal/metricsfile"
)

// WriteMetrics writes one notebook's machine-readable results to
// p.Processed("metrics-<step>.json") atomically as canonical JSON (sorted
// keys, one spelling per number).
func WriteMetrics(p Params, step string, v any) error {
	if err := os.MkdirAll(p.ProcessedDir(), 0o755); err != nil {
		return err
	}
	return metricsfile.Write(p.Processed("metrics-"+step+".json"), v)
}

// WriteCleaningMetrics records the cleaning's reproduction figures: the rows kept
// and the IQR outlier count per feature.
func WriteCleaningMetrics(p Params, c *catalog.Cleaned) error {
	iqr := map[string]int{}
	for _, o := range c.Outliers {
		iqr[o.Column] = o.IQR
	}
	return WriteMetrics(p, "cleaning", map[string]any{
		"reproduction": map[string]any{
			"rows_after_cleaning": len(c.Tracks.Tracks),
			"iqr_outliers":        iqr,
		},
		"cleaning": map[string]any{
			"rows_loaded":    len(c.Loaded.Tracks),
			"removed":        c.RuleCounts(),
			"reissue_rows":   catalog.ReissueCount(c.Reissues),
			"reissue_groups": len(c.Reissues),
		},
	})
}

// WriteExplorationMetrics records the exploration's results: the album
// recommendation, popularity over time, the album effect and the PCA of
// the cleaned catalog's numeric features. Each popularity result is
// recorded only when it applies to the catalog (NotApplicable): the album
// effect also needs two releases large enough to compare.
func WriteExplorationMetrics(p Params, cat *catalog.Catalog, pca *embed.PCA) error {
	m := map[string]any{
		"eda": map[string]any{
			"pca_explained_variance_ratio": pca.ExplainedVarianceRatio(),
			"pca_features":                 cat.NumericColumns(),
			"pca_components_95":            pca.ComponentsFor(0.95),
		},
	}
	if rec, err := RecommendAlbums(cat, p.PopularThreshold); err == nil {
		m["recommended_albums"] = rec.Metrics()
	}
	if cat.Require("", catalog.Popularity, catalog.ReleaseDate) == nil {
		t, err := PopularityOverTime(cat, p.PopularThreshold, p.Seed)
		if err != nil {
			return err
		}
		m["popularity_over_time"] = t.Metrics()
	}
	switch a, err := AlbumEffectOn(cat, p.Seed); {
	case err == nil:
		m["album_effect"] = a.Metrics()
	case !NotApplicable(err):
		return err
	}
	return WriteMetrics(p, "exploration", m)
}

// WriteValidationMetrics records the reproduction figures and the choice.
func WriteValidationMetrics(p Params, v *Validation) error {
	o := v.Original
	sil := map[string]map[string]float64{}
	keys := map[string]string{AlgKMeans: "kmeans", AlgWard: "ward", AlgGMM: "gmm"}
	for _, a := range Algorithms {
		m := map[string]float64{}
		for _, r := range o.Sweeps[a] {
			m[strconv.Itoa(r.K)] = r.Silhouette
		}
		sil[keys[a]] = m
	}
	check := v.ChosenCheck()
	return WriteMetrics(p, "validation", map[string]any{
		"reproduction": map[string]any{
			"pca_explained_variance_ratio": o.PCARatio,
			"pca_components_95":            o.Components,
			"kmeans_wcss":                  o.WCSS,
			"kmeans_knee":                  o.Knee,
			"silhouette":                   sil,
		},
		"chosen": map[string]any{
			"algorithm":  v.Chosen.Algorithm,
			"k":          v.Chosen.K,
			"silhouette": v.Chosen.Silhouette,
			"features":   v.Improved.Set.Columns,
			"feature_set": map[string]any{
				"name": v.Improved.Set.Name, "one_row_per_recording": v.Improved.Set.OnePerRecording, "standardised": true,
			},
			"stability":           check.Stability.Mean,
			"stability_resamples": len(check.Stability.ARI),
			"stability_ci95":      check.Stability.CI95[:],
			"null_silhouette":     nullMetrics(check.Null),
			"sides":               sideMetrics(v.Sides),
		},
	})
}

// nullMetrics is a structureless reference in metrics.json.
func nullMetrics(r Reference) map[string]any {
	return map[string]any{"mean": r.Mean, "sd": r.SD, "draws": len(r.Draws)}
}

// sideMetrics records, per cohort, how its recordings clustered alone
// split: the sub-cohorts and, when the cohort was clustered, its best
// solution with its structureless reference and stability.
func sideMetrics(sides []Side) []map[string]any {
	out := []map[string]any{}
	for _, s := range sides {
		m := map[string]any{"cohort": s.Cohort, "recordings": s.N, "subcohorts": s.K}
		if s.Clustered() {
			c := s.Check
			m["algorithm"], m["best_k"], m["silhouette"] = c.Algorithm, c.K, c.Silhouette
			m["null_silhouette"] = nullMetrics(c.Null)
			m["stability"], m["stability_ci95"] = c.Stability.Mean, c.Stability.CI95[:]
		}
		out = append(out, m)
	}
	return out
}

// cohortMetrics lists cohorts (or sub-cohorts) in metrics.json.
func cohortMetrics(cs []Cohort, sub bool) []map[string]any {
	out := []map[string]any{}
	for _, c := range cs {
		m := map[string]any{"cohort": c.ID, "name": c.Name, "tracks": c.Size, "recordings": c.Recordings, "live_share": c.LiveShare}
		if sub {
			m["cohort"], m["subcohort"] = c.Parent, c.Label
		}
		if !math.IsNaN(c.Popularity) {
			m["mean_popularity"], m["popular_share"] = c.Popularity, c.PopularShare
		}
		out = append(out, m)
	}
	return out
}

// WriteEmbeddingMetrics records the embeddings' quality and the cohorts
// and sub-cohorts.
func WriteEmbeddingMetrics(p Params, e *Embeddings, cs, subs []Cohort) error {
	tw := map[string]float64{}
	for i, name := range Projections {
		tw[name] = e.Trustworthiness[i]
	}
	return WriteMetrics(p, "embeddings", map[string]any{
		"embeddings": map[string]any{"trustworthiness_k10": tw, "tsne_kl_divergence": e.TSNEKL},
		"cohorts":    cohortMetrics(cs, false),
		"subcohorts": cohortMetrics(subs, true),
	})
}
