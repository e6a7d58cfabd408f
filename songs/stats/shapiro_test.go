package stats

import "testing"

// Golden numbers: scipy.stats.shapiro (SciPy 1.10.1, single-precision
// swilk.f); compared to 1e-6 as the reference computes in float32.
func TestShapiroGolden(t *testing.T) {
	g := loadGolden(t)
	for _, rec := range g.Shapiro {
		r, err := ShapiroWilk(fs(rec.X))
		if err != nil {
			t.Fatal(err)
		}
		check(t, rec.Name+" W", r.Statistic, rec.W, 1e-6, rec.Source)
		check(t, rec.Name+" p", r.P, rec.P, 1e-6, rec.Source)
	}
}
