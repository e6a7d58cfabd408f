package stats

import "testing"

// TestGoldenLoaded guards the golden tests against silently empty fixtures.
func TestGoldenLoaded(t *testing.T) {
	g := loadGolden(t)
	counts := map[string]int{
		"two_sample": len(g.TwoSample), "groups": len(g.Groups), "paired": len(g.Paired),
		"tables": len(g.Tables), "fisher": len(g.Fisher), "shapiro": len(g.Shapiro),
		"corrections": len(g.Corrections), "degenerate": len(g.Degenerate),
		"ks_large": len(g.KSLarge.Alts),
	}
	for k, n := range counts {
		if n == 0 {
			t.Errorf("golden section %q is empty", k)
		}
	}
	for _, rec := range g.TwoSample {
		if len(rec.X) == 0 || len(rec.Y) == 0 || len(rec.Alts) != 3 {
			t.Errorf("two_sample %s: incomplete record", rec.Name)
		}
	}
	for _, rec := range g.Paired {
		if len(rec.X) == 0 || len(rec.X) != len(rec.Y) {
			t.Errorf("paired %s: incomplete record", rec.Name)
		}
	}
}
