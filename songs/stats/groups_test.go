package stats

import "testing"

func groupsOf(g [][]gf) [][]float64 {
	out := make([][]float64, len(g))
	for i, v := range g {
		out[i] = fs(v)
	}
	return out
}

// Golden numbers: scipy.stats.f_oneway, kruskal, levene (SciPy 1.10.1) and
// statsmodels.stats.oneway.anova_oneway(use_var="unequal") (statsmodels
// 0.13.5); effect sizes by the closed forms named in each "source".
func TestGroupsGolden(t *testing.T) {
	g := loadGolden(t)
	for _, rec := range g.Groups {
		gs := groupsOf(rec.Groups)
		r, err := OneWayANOVA(gs...)
		w := rec.Anova
		checkTest(t, rec.Name+" anova", r, err, w, 1e-10)
		check(t, rec.Name+" anova df1", r.DF, w.DF1, 0, w.Source)
		check(t, rec.Name+" anova df2", r.DF2, w.DF2, 0, w.Source)
		check(t, rec.Name+" eta2", EtaSquared(gs...), w.Eta2, 1e-12, w.Source)
		check(t, rec.Name+" eps2", EpsilonSquared(gs...), w.Eps2, 1e-12, w.Source)

		r, err = WelchANOVA(gs...)
		w = rec.WelchAnova
		checkTest(t, rec.Name+" welch", r, err, w, 1e-10)
		check(t, rec.Name+" welch df1", r.DF, w.DF1, 1e-12, w.Source)
		check(t, rec.Name+" welch df2", r.DF2, w.DF2, 1e-10, w.Source)

		r, err = KruskalWallis(gs...)
		w = rec.Kruskal
		checkTest(t, rec.Name+" kruskal", r, err, w, 1e-10)
		check(t, rec.Name+" kruskal df", r.DF, w.DF, 0, w.Source)
		n := len(concat(gs...))
		check(t, rec.Name+" kruskal eps2", KruskalEpsilonSquared(r.Statistic, n), w.Eps2, 1e-10, w.Source)
		check(t, rec.Name+" kruskal eta2", KruskalEtaSquared(r.Statistic, len(gs), n), w.Eta2, 1e-10, w.Source)

		for _, c := range []struct {
			center LeveneCenter
			want   ref
		}{{CenterMedian, rec.LeveneMedian}, {CenterMean, rec.LeveneMean}} {
			r, err = Levene(c.center, gs...)
			if err != nil {
				t.Fatal(err)
			}
			check(t, rec.Name+" levene W", r.Statistic, c.want.Stat, 1e-10, c.want.Source)
			check(t, rec.Name+" levene p", r.P, c.want.P, 1e-10, c.want.Source)
		}
	}
}

// Golden numbers: scipy.stats.pearsonr (+ confidence_interval(0.95)),
// spearmanr and kendalltau (SciPy 1.10.1).
func TestCorrelationGolden(t *testing.T) {
	g := loadGolden(t)
	for _, rec := range g.Paired {
		rec.eachAlt(func(tag string, x, y []float64, alt Alternative, refs map[string]ref) {
			w := refs["pearson"]
			r, err := Pearson(x, y, alt, 0.95)
			checkTest(t, tag+" pearson", r, err, w, 1e-12)
			check(t, tag+" pearson lo", r.CI.Lo, w.Lo, 1e-10, w.Source)
			check(t, tag+" pearson hi", r.CI.Hi, w.Hi, 1e-10, w.Source)

			r, err = Spearman(x, y, alt, 0.95)
			checkTest(t, tag+" spearman", r, err, refs["spearman"], 1e-12)

			r, err = Kendall(x, y, alt)
			checkTest(t, tag+" kendall", r, err, refs["kendall"], 1e-12)
		})
	}
}

// Golden numbers: scipy.stats.chi2_contingency (correction True and False),
// scipy.stats.contingency.association(method='cramer') and
// scipy.stats.fisher_exact (SciPy 1.10.1).
func TestTablesGolden(t *testing.T) {
	g := loadGolden(t)
	for _, rec := range g.Tables {
		for _, c := range []struct {
			yates bool
			want  ref
		}{{true, rec.Corr}, {false, rec.NoCorr}} {
			r, err := ChiSquareIndependence(rec.Table, c.yates)
			if err != nil {
				t.Fatal(err)
			}
			check(t, rec.Name+" chi2", r.Statistic, c.want.Stat, 1e-10, c.want.Source)
			check(t, rec.Name+" chi2 p", r.P, c.want.P, 1e-10, c.want.Source)
			check(t, rec.Name+" chi2 df", r.DF, c.want.DF, 0, c.want.Source)
		}
		check(t, rec.Name+" cramer V", CramersV(rec.Table), rec.CramerV.Value, 1e-12, rec.CramerV.Source)
	}
	for _, rec := range g.Fisher {
		for altName, w := range rec.Alts {
			r, err := FisherExact(rec.Table, altByName[altName])
			if err != nil {
				t.Fatal(err)
			}
			tag := altName
			check(t, "fisher odds "+tag, r.Statistic, w.Odds, 1e-12, w.Source)
			check(t, "fisher p "+tag, r.P, w.P, 1e-10, w.Source)
		}
	}
}

// Golden numbers: statsmodels.stats.multitest.multipletests (statsmodels
// 0.13.5) with methods bonferroni, holm and fdr_bh.
func TestAdjustGolden(t *testing.T) {
	g := loadGolden(t)
	for _, rec := range g.Corrections {
		for _, c := range []struct {
			m    Correction
			want ref
		}{{Bonferroni, rec.Bonferroni}, {Holm, rec.Holm}, {BenjaminiHochberg, rec.BH}} {
			got := Adjust(rec.P, c.m)
			for i := range got {
				check(t, rec.Name+" "+c.m.String(), got[i], c.want.Adj[i], 1e-14, c.want.Source)
			}
		}
	}
}
