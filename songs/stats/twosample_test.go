package stats

import "testing"

// Golden numbers: scipy.stats.ttest_ind, mannwhitneyu and ks_2samp (SciPy
// 1.10.1), see the "source" field of each record in testdata/golden.json.
func TestTwoSampleGolden(t *testing.T) {
	g := loadGolden(t)
	for _, rec := range g.TwoSample {
		x, y := fs(rec.X), fs(rec.Y)
		for altName, refs := range rec.Alts {
			alt := altByName[altName]
			tag := rec.Name + "/" + altName
			for _, welch := range []bool{false, true} {
				key := "student"
				if welch {
					key = "welch"
				}
				want := refs[key]
				r, err := TTest(x, y, welch, alt)
				if err != nil {
					t.Fatalf("%s %s: %v", tag, key, err)
				}
				check(t, tag+" "+key+" t", r.Statistic, want.Stat, 1e-10, want.Source)
				check(t, tag+" "+key+" df", r.DF, want.DF, 1e-10, want.Source)
				check(t, tag+" "+key+" p", r.P, want.P, 1e-10, want.Source)
			}
			for _, c := range []struct {
				key    string
				method MWUMethod
				cc     bool
			}{{"mwu", MWUAuto, true}, {"mwu_asym", MWUAsymptotic, true}, {"mwu_nocc", MWUAsymptotic, false}} {
				want := refs[c.key]
				r, err := MannWhitneyU(x, y, alt, c.method, c.cc)
				if err != nil {
					t.Fatalf("%s %s: %v", tag, c.key, err)
				}
				check(t, tag+" "+c.key+" U", r.Statistic, want.Stat, 1e-12, want.Source)
				check(t, tag+" "+c.key+" p", r.P, want.P, 1e-10, want.Source)
			}
			want := refs["ks"]
			r, err := KS2(x, y, alt)
			if err != nil {
				t.Fatalf("%s ks: %v", tag, err)
			}
			check(t, tag+" ks D", r.Statistic, want.Stat, 1e-12, want.Source)
			check(t, tag+" ks p", r.P, want.P, 1e-10, want.Source)
		}
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
		if err != nil {
			t.Fatal(err)
		}
		check(t, "ks_large "+altName+" D", r.Statistic, want.Stat, 1e-12, want.Source)
		check(t, "ks_large "+altName+" p", r.P, want.P, 1e-10, want.Source)
	}
}
