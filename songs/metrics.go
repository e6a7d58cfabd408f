package songs

import (
	"os"

	"github.com/songcohorts/cohorts/songs/catalog"
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

// WriteMetrics01 records the cleaning's reproduction figures: the rows kept
// and the IQR outlier count per feature.
func WriteMetrics01(p Params, c *catalog.Cleaned) error {
	iqr := map[string]int{}
	for _, o := range c.Outliers {
		iqr[o.Column] = o.IQR
	}
	return WriteMetrics(p, "01", map[string]any{
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
