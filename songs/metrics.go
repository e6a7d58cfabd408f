package songs

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/songcohorts/cohorts/songs/internal/atomicfile"
)

// WriteMetrics writes one notebook's machine-readable results to
// p.Processed("metrics-<step>.json") atomically, with sorted keys.
func WriteMetrics(p Params, step string, v any) error {
	if err := os.MkdirAll(p.ProcessedDir(), 0o755); err != nil {
		return err
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(p.Processed("metrics-"+step+".json"), append(b, '\n'), 0o644)
}

// WriteMetrics01 records the cleaning's reproduction figures: the rows kept
// and the IQR outlier count per feature.
func WriteMetrics01(p Params, c *Cleaned) error {
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
			"reissue_rows":   ReissueCount(c.Reissues),
			"reissue_groups": len(c.Reissues),
		},
	})
}

// MergeMetrics merges JSON objects read from files into one, key by key:
// nested objects merge recursively and a later file's value replaces an
// earlier one's otherwise. The result is indented with sorted keys.
func MergeMetrics(files []string) ([]byte, error) {
	merged := map[string]any{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		mergeInto(merged, m)
	}
	b, err := json.MarshalIndent(merged, "", "  ")
	return append(b, '\n'), err
}

func mergeInto(dst, src map[string]any) {
	for k, v := range src {
		if sub, ok := v.(map[string]any); ok {
			if have, ok := dst[k].(map[string]any); ok {
				mergeInto(have, sub)
				continue
			}
		}
		dst[k] = v
	}
}
