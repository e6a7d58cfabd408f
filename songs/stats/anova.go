package stats

import (
	"math"

	"gonum.org/v1/gonum/stat"
)

// OneWayANOVA is the one-way analysis of variance F test of equal group
// means, as scipy.stats.f_oneway:
//
//	F = (SSB/(k-1)) / (SSW/(N-k))
//
// with DF = k-1 and DF2 = N-k. Centers holds the group means. When every
// group is constant F is +Inf (p = 0) if the means differ and NaN if they
// are equal, as SciPy. Fewer than two groups, an empty group or NaN return
// an error.
//
// Reference: Fisher, R. A. (1925), Statistical Methods for Research Workers.
func OneWayANOVA(groups ...[]float64) (Result, error) {
	r := newResult("one-way ANOVA", TwoSided)
	if err := checkGroups(groups); err != nil {
		return r, err
	}
	ssb, ssw, n := anovaSums(groups)
	k := float64(len(groups))
	r.DF, r.DF2 = k-1, n-k
	f := (ssb / (k - 1)) / (ssw / (n - k))
	if ssw == 0 {
		f = math.NaN()
		if ssb > 0 {
			f = math.Inf(1)
		}
	}
	r.Statistic = f
	r.P = fSF(f, k-1, n-k)
	r.Centers, r.CenterName = groupMeans(groups), "mean"
	return r, nil
}

// anovaSums returns the between- and within-group sums of squares and the
// total count.
func anovaSums(groups [][]float64) (ssb, ssw, n float64) {
	all := concat(groups...)
	gm := stat.Mean(all, nil)
	for _, g := range groups {
		m := stat.Mean(g, nil)
		d := m - gm
		ssb += float64(len(g)) * d * d
		for _, v := range g {
			e := v - m
			ssw += e * e
		}
	}
	return ssb, ssw, float64(len(all))
}

func groupMeans(groups [][]float64) []float64 {
	m := make([]float64, len(groups))
	for i, g := range groups {
		m[i] = stat.Mean(g, nil)
	}
	return m
}

func groupMedians(groups [][]float64) []float64 {
	m := make([]float64, len(groups))
	for i, g := range groups {
		m[i] = median(g)
	}
	return m
}

// WelchANOVA is Welch's heteroscedastic one-way ANOVA, as statsmodels'
// anova_oneway(groups, use_var="unequal", welch_correction=True). With
// weights w_i = n_i/s_i^2, W = sum w_i and the weighted mean
// m = sum w_i mean_i / W,
//
//	A = sum w_i (mean_i - m)^2 / (k-1)
//	L = sum (1 - w_i/W)^2 / (n_i - 1)
//	F = A / (1 + 2(k-2) L/(k^2-1)),  DF = k-1,  DF2 = (k^2-1)/(3L)
//
// Centers holds the group means. A group of size one or with zero variance
// gives NaN or Inf numbers (division by zero), as statsmodels. Fewer than
// two groups, an empty group or NaN return an error.
//
// Reference: Welch, B. L. (1951), Biometrika 38, 330-336.
func WelchANOVA(groups ...[]float64) (Result, error) {
	r := newResult("Welch ANOVA", TwoSided)
	if err := checkGroups(groups); err != nil {
		return r, err
	}
	k := float64(len(groups))
	w := make([]float64, len(groups))
	means := groupMeans(groups)
	var sw, swm float64
	for i, g := range groups {
		_, v := meanVar(g)
		w[i] = float64(len(g)) / v
		sw += w[i]
		swm += w[i] * means[i]
	}
	m := swm / sw
	var a, l float64
	for i, g := range groups {
		d := means[i] - m
		a += w[i] * d * d
		e := 1 - w[i]/sw
		l += e * e / float64(len(g)-1)
	}
	a /= k - 1
	f := a / (1 + 2*(k-2)*l/(k*k-1))
	r.Statistic, r.DF, r.DF2 = f, k-1, (k*k-1)/(3*l)
	r.P = fSF(f, r.DF, r.DF2)
	r.Centers, r.CenterName = means, "mean"
	return r, nil
}
