package stats

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// Closed forms computed in gen_golden.py on the two-sample fixtures.
func TestEffectsGolden(t *testing.T) {
	g := loadGolden(t)
	for _, rec := range g.TwoSample {
		x, y := fs(rec.X), fs(rec.Y)
		check(t, rec.Name+" d", CohensD(x, y), rec.Effects.CohenD, 1e-12, "pooled-SD Cohen's d")
		check(t, rec.Name+" g", HedgesG(x, y), rec.Effects.HedgesG, 1e-12, "Hedges' g, exact J")
		check(t, rec.Name+" r", RankBiserial(x, y), rec.Effects.RankBiserial, 1e-12, "2U/(n1 n2)-1")
	}
}

// Hand-checked small cases.
func TestEffectsByHand(t *testing.T) {
	x, y := []float64{1, 2, 3}, []float64{4, 5, 6}
	// Means 2 and 5, both variances 1: d = -3.
	if d := CohensD(x, y); !scalar.EqualWithinAbs(d, -3, 1e-14) {
		t.Errorf("d = %v, want -3", d)
	}
	// J(4) = Gamma(2)/(sqrt(2) Gamma(1.5)) = 2/sqrt(2 pi).
	if g := HedgesG(x, y); !scalar.EqualWithinAbs(g, -3*2/math.Sqrt(2*math.Pi), 1e-14) {
		t.Errorf("g = %v", g)
	}
	if r := RankBiserial(x, y); r != -1 {
		t.Errorf("r = %v, want -1", r)
	}
	if r := RankBiserial([]float64{1, 5}, []float64{3}); r != 0 {
		t.Errorf("balanced r = %v, want 0", r)
	}
	// Groups {1,2,3}, {4,5,6}: SSB = 13.5, SSW = 4, SST = 17.5.
	if e := EtaSquared(x, y); !scalar.EqualWithinAbs(e, 13.5/17.5, 1e-14) {
		t.Errorf("eta2 = %v", e)
	}
	if e := EpsilonSquared(x, y); !scalar.EqualWithinAbs(e, (13.5-1*4.0/4)/17.5, 1e-14) {
		t.Errorf("eps2 = %v", e)
	}
	// 2x2 [[10, 0], [0, 10]]: chi2 = 20, V = 1.
	if v := CramersV([][]float64{{10, 0}, {0, 10}}); !scalar.EqualWithinAbs(v, 1, 1e-14) {
		t.Errorf("V = %v", v)
	}
}

// Dunn's z by hand: no ties, then ties.
func TestDunnByHand(t *testing.T) {
	// {1,2,3} vs {4,5,6}: mean ranks 2 and 5, N = 6, no ties:
	// z = -3 / sqrt(6*7/12 * (1/3+1/3)).
	pairs, err := Dunn(Bonferroni, []float64{1, 2, 3}, []float64{4, 5, 6})
	if err != nil {
		t.Fatal(err)
	}
	z := -3 / math.Sqrt(3.5*2.0/3)
	if len(pairs) != 1 || !scalar.EqualWithinAbs(pairs[0].Z, z, 1e-14) {
		t.Fatalf("pairs %+v, want z %v", pairs, z)
	}
	if p := math.Erfc(-z / math.Sqrt2); !scalar.EqualWithinAbs(pairs[0].P, p, 1e-15) || pairs[0].PAdjusted != pairs[0].P {
		t.Errorf("p %v adj %v, want %v", pairs[0].P, pairs[0].PAdjusted, p)
	}
	// {1,1,2} vs {2,3,3}: ranks 1.5 1.5 3.5 | 3.5 5.5 5.5, tie term
	// 3*(8-2) = 18, variance factor 3.5 - 18/60 = 3.2.
	pairs, err = Dunn(Bonferroni, []float64{1, 1, 2}, []float64{2, 3, 3})
	if err != nil {
		t.Fatal(err)
	}
	z = (6.5/3 - 14.5/3) / math.Sqrt(3.2*2.0/3)
	if !scalar.EqualWithinAbs(pairs[0].Z, z, 1e-14) {
		t.Errorf("tied z = %v, want %v", pairs[0].Z, z)
	}
	// Three groups: adjusted p-values are Holm over the three pairs.
	pairs, err = Dunn(Holm, []float64{1, 2, 3, 4}, []float64{5, 6, 7, 8}, []float64{9, 10, 11, 12})
	if err != nil {
		t.Fatal(err)
	}
	ps := []float64{pairs[0].P, pairs[1].P, pairs[2].P}
	adj := Adjust(ps, Holm)
	for i, p := range pairs {
		if p.PAdjusted != adj[i] {
			t.Errorf("pair %d adjusted %v, want %v", i, p.PAdjusted, adj[i])
		}
	}
	if pairs[1].I != 0 || pairs[1].J != 2 || pairs[1].Z >= pairs[0].Z {
		t.Errorf("pair order or sign wrong: %+v", pairs)
	}
}
