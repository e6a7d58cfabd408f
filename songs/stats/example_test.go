package stats_test

import (
	"fmt"

	"github.com/songcohorts/cohorts/songs/stats"
)

var (
	live   = []float64{12, 25, 25, 7, 30, 12, 18, 25, 3, 40, 12, 22}
	studio = []float64{25, 33, 41, 12, 50, 38, 25, 29, 44, 18, 61, 33, 25, 47, 52, 30, 36}
)

func ExampleMannWhitneyU() {
	r, err := stats.MannWhitneyU(live, studio, stats.TwoSided, stats.MWUAuto, true)
	if err != nil {
		panic(err)
	}
	fmt.Printf("U = %.4f, p = %.4f, r = %.4f\n", r.Statistic, r.P, stats.RankBiserial(live, studio))
	// Output:
	// U = 33.0000, p = 0.0023, r = -0.6765
}

func ExampleTTest() {
	r, _ := stats.TTest(live, studio, true, stats.Less)
	fmt.Printf("t = %.4f, df = %.4f, p = %.4f, g = %.4f\n", r.Statistic, r.DF, r.P, stats.HedgesG(live, studio))
	// Output:
	// t = -3.6652, df = 26.2861, p = 0.0005, g = -1.2972
}

func ExampleKS2() {
	r, _ := stats.KS2(live, studio, stats.TwoSided)
	fmt.Printf("D = %.4f, p = %.4f\n", r.Statistic, r.P)
	// Output:
	// D = 0.5392, p = 0.0211
}

func ExampleKruskalWallis() {
	g1 := []float64{12, 25, 25, 7, 30, 12, 18}
	g2 := []float64{25, 33, 41, 12, 50, 38, 25, 29}
	g3 := []float64{44, 18, 61, 33, 25, 47, 52, 30, 36, 12}
	r, _ := stats.KruskalWallis(g1, g2, g3)
	fmt.Printf("H = %.4f, df = %.0f, p = %.4f, eps2 = %.4f\n", r.Statistic, r.DF, r.P, stats.KruskalEpsilonSquared(r.Statistic, 25))
	pairs, _ := stats.Dunn(stats.Holm, g1, g2, g3)
	for _, p := range pairs {
		fmt.Printf("%d-%d z = %.4f p_holm = %.4f\n", p.I, p.J, p.Z, p.PAdjusted)
	}
	// Output:
	// H = 6.7919, df = 2, p = 0.0335, eps2 = 0.2830
	// 0-1 z = -1.9486 p_holm = 0.1027
	// 0-2 z = -2.5251 p_holm = 0.0347
	// 1-2 z = -0.4973 p_holm = 0.6190
}

func ExampleOneWayANOVA() {
	a := []float64{4.1, 5.0, 5.5, 6.2, 4.8}
	b := []float64{6.5, 7.1, 6.0, 7.7, 6.9, 7.4}
	c := []float64{5.2, 5.9, 6.4, 5.5}
	r, _ := stats.OneWayANOVA(a, b, c)
	w, _ := stats.WelchANOVA(a, b, c)
	l, _ := stats.Levene(stats.CenterMedian, a, b, c)
	fmt.Printf("F = %.4f p = %.4f eta2 = %.4f\n", r.Statistic, r.P, stats.EtaSquared(a, b, c))
	fmt.Printf("Welch F = %.4f df2 = %.4f p = %.4f\n", w.Statistic, w.DF2, w.P)
	fmt.Printf("Brown-Forsythe W = %.4f p = %.4f\n", l.Statistic, l.P)
	// Output:
	// F = 10.8436 p = 0.0020 eta2 = 0.6438
	// Welch F = 9.4640 df2 = 7.5427 p = 0.0088
	// Brown-Forsythe W = 0.1994 p = 0.8219
}

func ExamplePearson() {
	x := []float64{0.5, 1.5, 2.0, 3.1, 4.2, 5.0, 6.6, 7.1, 8.0}
	y := []float64{9.1, 7.7, 8.3, 6.0, 5.5, 6.1, 3.2, 2.9, 4.4}
	p, _ := stats.Pearson(x, y, stats.TwoSided, 0.95)
	s, _ := stats.Spearman(x, y, stats.TwoSided, 0.95)
	k, _ := stats.Kendall(x, y, stats.TwoSided)
	fmt.Printf("r = %.4f p = %.4f CI [%.4f, %.4f]\n", p.Statistic, p.P, p.CI.Lo, p.CI.Hi)
	fmt.Printf("rho = %.4f p = %.4f\n", s.Statistic, s.P)
	fmt.Printf("tau = %.4f p = %.4f\n", k.Statistic, k.P)
	// Output:
	// r = -0.9259 p = 0.0003 CI [-0.9846, -0.6799]
	// rho = -0.8833 p = 0.0016
	// tau = -0.7222 p = 0.0059
}

func ExampleChiSquareIndependence() {
	r, _ := stats.ChiSquareIndependence([][]float64{{12, 5}, {7, 15}}, true)
	f, _ := stats.FisherExact([2][2]float64{{12, 5}, {7, 15}}, stats.TwoSided)
	fmt.Printf("chi2 = %.4f df = %.0f p = %.4f V = %.4f\n", r.Statistic, r.DF, r.P, r.Effect)
	fmt.Printf("odds = %.4f p = %.4f\n", f.Statistic, f.P)
	// Output:
	// chi2 = 4.3221 df = 1 p = 0.0376 V = 0.3846
	// odds = 5.1429 p = 0.0248
}

func ExampleShapiroWilk() {
	r, _ := stats.ShapiroWilk([]float64{148, 154, 158, 160, 161, 162, 166})
	fmt.Printf("W = %.4f p = %.4f\n", r.Statistic, r.P)
	// Output:
	// W = 0.9522 p = 0.7495
}

func ExampleAdjust() {
	p := []float64{0.01, 0.04, 0.03, 0.005}
	fmt.Printf("%.4f\n", stats.Adjust(p, stats.Holm))
	fmt.Printf("%.4f\n", stats.Adjust(p, stats.BenjaminiHochberg))
	// Output:
	// [0.0300 0.0600 0.0600 0.0200]
	// [0.0200 0.0400 0.0400 0.0200]
}

func ExamplePermutation() {
	pt := stats.Permutation{Statistic: stats.DiffMedian, Seed: 1}
	r, _ := pt.Test(live, studio)
	fmt.Printf("median difference = %.4f, p = %.4f\n", r.Statistic, r.P)
	// Output:
	// median difference = -13.0000, p = 0.0124
}

func ExampleBootstrap() {
	bs := stats.Bootstrap{Method: stats.BCa, Resamples: 2000, Seed: 42}
	ci, _ := bs.Interval2(live, studio, stats.RankBiserial)
	fmt.Printf("rank-biserial 95%% CI [%.4f, %.4f]\n", ci.Lo, ci.Hi)
	// Output:
	// rank-biserial 95% CI [-0.8971, -0.2848]
}

// ExampleTukeyFences computes type-7 quartiles and the inclusive fences.
func ExampleTukeyFences() {
	x := []float64{1, 2, 3, 4, 7}
	f := stats.TukeyFences(x)
	fmt.Printf("Q1 %.4f Q3 %.4f fences %.4f..%.4f\n", f.Q1, f.Q3, f.Lower, f.Upper)
	fmt.Println("7 is an outlier:", f.Outside(7))
	fmt.Printf("90th percentile %.4f\n", stats.Quantile(x, 0.9))
	// Output:
	// Q1 2.0000 Q3 4.0000 fences -1.0000..7.0000
	// 7 is an outlier: true
	// 90th percentile 5.8000
}
