package stats

import (
	"errors"
	"math"
	"testing"
)

// TestDegenerateGolden checks degenerate input against what SciPy 1.10.1
// returns or raises (the "degenerate" section of testdata/golden.json,
// each entry named after the SciPy call in gen_golden.py).
func TestDegenerateGolden(t *testing.T) {
	g := loadGolden(t)
	c := []float64{2, 2, 2}
	cases := map[string]func() (Result, error){
		"ttest_const_both_equal": func() (Result, error) { return TTest(c, c, false, TwoSided) },
		"ttest_const_both_diff":  func() (Result, error) { return TTest(c, []float64{3, 3, 3}, false, TwoSided) },
		"welch_const_both_diff":  func() (Result, error) { return TTest(c, []float64{3, 3, 3}, true, TwoSided) },
		"ttest_size1":            func() (Result, error) { return TTest([]float64{2}, []float64{3, 4, 5}, false, TwoSided) },
		"welch_size1":            func() (Result, error) { return TTest([]float64{2}, []float64{3, 4, 5}, true, TwoSided) },
		"mwu_all_ties": func() (Result, error) {
			return MannWhitneyU([]float64{1, 1, 1}, []float64{1, 1, 1, 1}, TwoSided, MWUAuto, true)
		},
		"mwu_all_ties_large": func() (Result, error) {
			return MannWhitneyU(make([]float64, 10), make([]float64, 12), TwoSided, MWUAuto, true)
		},
		"ks_all_ties":           func() (Result, error) { return KS2([]float64{1, 1, 1}, []float64{1, 1, 1, 1}, TwoSided) },
		"kruskal_all_ties":      func() (Result, error) { return KruskalWallis([]float64{1, 1}, []float64{1, 1, 1}) },
		"kruskal_one_group":     func() (Result, error) { return KruskalWallis([]float64{1, 2, 3}) },
		"anova_all_const_diff":  func() (Result, error) { return OneWayANOVA([]float64{1, 1, 1}, []float64{2, 2, 2}) },
		"anova_all_const_equal": func() (Result, error) { return OneWayANOVA([]float64{1, 1, 1}, []float64{1, 1, 1}) },
		"anova_size1":           func() (Result, error) { return OneWayANOVA([]float64{1}, []float64{2, 3, 4}) },
		"levene_zero_spread":    func() (Result, error) { return Levene(CenterMedian, []float64{1, 1, 1}, []float64{2, 2, 2}) },
		"pearson_const":         func() (Result, error) { return Pearson([]float64{1, 1, 1, 1}, []float64{1, 2, 3, 4}, TwoSided, 0.95) },
		"pearson_n2":            func() (Result, error) { return Pearson([]float64{1, 2}, []float64{3, 1}, TwoSided, 0.95) },
		"spearman_const":        func() (Result, error) { return Spearman([]float64{1, 1, 1, 1}, []float64{1, 2, 3, 4}, TwoSided, 0.95) },
		"kendall_const":         func() (Result, error) { return Kendall([]float64{1, 1, 1, 1}, []float64{1, 2, 3, 4}, TwoSided) },
		"shapiro_const":         func() (Result, error) { return ShapiroWilk([]float64{3, 3, 3, 3}) },
		"chi2_zero_expected": func() (Result, error) {
			return ChiSquareIndependence([][]float64{{0, 0}, {3, 4}}, true)
		},
		"fisher_zero_margin": func() (Result, error) { return FisherExact([2][2]float64{{0, 0}, {3, 4}}, TwoSided) },
	}
	for name, want := range g.Degenerate {
		f, ok := cases[name]
		if !ok {
			t.Errorf("degenerate case %q has no Go counterpart", name)
			continue
		}
		r, err := f()
		if want.Error != "" {
			if err == nil {
				t.Errorf("%s: SciPy raised %q, got no error (%+v)", name, want.Error, r)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: unexpected error %v", name, err)
			continue
		}
		check(t, name+" statistic", r.Statistic, want.Stat, 1e-12, "SciPy 1.10.1 "+name)
		check(t, name+" p", r.P, want.P, 1e-12, "SciPy 1.10.1 "+name)
	}
}

func TestErrors(t *testing.T) {
	if _, err := TTest(nil, []float64{1, 2}, true, TwoSided); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty x: %v", err)
	}
	if _, err := MannWhitneyU([]float64{1, math.NaN()}, []float64{1, 2}, TwoSided, MWUAuto, true); !errors.Is(err, ErrNaN) {
		t.Errorf("NaN: %v", err)
	}
	if _, err := KruskalWallis([]float64{1, 1}, []float64{1, 1, 1}); !errors.Is(err, ErrAllTied) {
		t.Errorf("all tied: %v", err)
	}
	if _, err := Dunn(Holm, []float64{1, 1}, []float64{1, 1}); !errors.Is(err, ErrAllTied) {
		t.Errorf("Dunn all tied: %v", err)
	}
	if _, err := ShapiroWilk([]float64{1, 2}); !errors.Is(err, ErrTooFew) {
		t.Errorf("Shapiro n=2: %v", err)
	}
	if _, err := ChiSquareIndependence([][]float64{{0, 0}, {3, 4}}, true); !errors.Is(err, ErrZeroExpected) {
		t.Errorf("zero expected: %v", err)
	}
	if _, err := WelchANOVA([]float64{1, 2}); !errors.Is(err, ErrTooFew) {
		t.Errorf("one group: %v", err)
	}
}

func TestPanics(t *testing.T) {
	for name, f := range map[string]func(){
		"alternative": func() { _, _ = TTest([]float64{1, 2}, []float64{1, 2}, true, Alternative(9)) },
		"length":      func() { _, _ = Pearson([]float64{1, 2}, []float64{1}, TwoSided, 0.95) },
		"level":       func() { _, _ = Spearman([]float64{1, 2, 3}, []float64{1, 2, 3}, TwoSided, 1.5) },
		"correction":  func() { Adjust([]float64{0.1}, Correction(9)) },
		"nan p":       func() { Adjust([]float64{math.NaN()}, Holm) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}
