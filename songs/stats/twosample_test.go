package stats

import "testing"

// Golden numbers: scipy.stats.ttest_ind, mannwhitneyu and ks_2samp (SciPy
// 1.10.1), see the "source" field of each record in testdata/golden.json.
func TestTwoSampleGolden(t *testing.T) {
	g := loadGolden(t)
	for _, rec := range g.TwoSample {
		rec.eachAlt(func(tag string, x, y []float64, alt Alternative, refs map[string]ref) {
			for _, welch := range []bool{false, true} {
				key := "student"
				if welch {
					key = "welch"
				}
				want := refs[key]
				r, err := TTest(x, y, welch, alt)
				checkTest(t, tag+" "+key, r, err, want, 1e-10)
				check(t, tag+" "+key+" df", r.DF, want.DF, 1e-10, want.Source)
			}
			for _, c := range []struct {
				key    string
				method MWUMethod
				cc     bool
			}{{"mwu", MWUAuto, true}, {"mwu_asym", MWUAsymptotic, true}, {"mwu_nocc", MWUAsymptotic, false}} {
				r, err := MannWhitneyU(x, y, alt, c.method, c.cc)
				checkTest(t, tag+" "+c.key, r, err, refs[c.key], 1e-12)
			}
			r, err := KS2(x, y, alt)
			checkTest(t, tag+" ks", r, err, refs["ks"], 1e-12)
		})
	}
}

// Golden numbers: scipy.stats.ks_2samp(x, y, method='auto') with
// max(n1, n2) > 10000, the asymptotic branch (kstwo.sf for two-sided,
// Hodges' eq. 5.3 for one-sided).
func TestKS2AsymptoticGolden(t *testing.T) {
	g := loadGolden(t)
	x, y := fs(g.KSLarge.X), fs(g.KSLarge.Y)
	for altName, want := range g.KSLarge.Alts {
		r, err := KS2(x, y, altByName[altName])
		checkTest(t, "ks_large "+altName, r, err, want, 1e-12)
	}
}
