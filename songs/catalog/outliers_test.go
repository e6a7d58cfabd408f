package catalog

import (
	"testing"

	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
	"github.com/songcohorts/cohorts/songs/stats"
)

// TestOutliersReport counts per column on a small catalog and leaves
// popularity out when the catalog has none.
func TestOutliersReport(t *testing.T) {
	cat := mustLoad(t, catalogtest.CSVText(catalogtest.CourseHeader, 9, false, func(i int, r map[string]string) {
		if i == 9 {
			r["duration_ms"] = "981866"
		}
	}))
	rep := Outliers(cat)
	if len(rep) != len(OriginalFeatures) {
		t.Fatalf("%d columns; want %d", len(rep), len(OriginalFeatures))
	}
	for k, r := range rep {
		if r.Column != OriginalFeatures[k] {
			t.Errorf("column %d is %s; want %s", k, r.Column, OriginalFeatures[k])
		}
		x := cat.Column(r.Column)
		f := stats.TukeyFences(x)
		n := 0
		for _, v := range x {
			if f.Outside(v) {
				n++
			}
		}
		if r.IQR != n || r.Fences != f {
			t.Errorf("%s: IQR count %d fences %+v; want %d, %+v", r.Column, r.IQR, r.Fences, n, f)
		}
	}
	dur := rep[len(rep)-1]
	if dur.Column != DurationMS || dur.IQR != 1 || dur.Max != 981866 || dur.Min != 200001 || dur.RobustZ != 1 {
		t.Errorf("duration report %+v; want one outlier, 200001..981866", dur)
	}
}
