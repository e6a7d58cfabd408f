package stats

import (
	"math"

	"gonum.org/v1/gonum/stat"
)

// TTest is the two-sample t-test of equal means of x and y, as
// scipy.stats.ttest_ind. With welch false it is Student's test with pooled
// variance and n1+n2-2 degrees of freedom; with welch true it is Welch's
// test with Welch-Satterthwaite degrees of freedom:
//
//	t = (mean(x) - mean(y)) / sqrt(vx/n1 + vy/n2)
//	df = (vx/n1 + vy/n2)^2 / ((vx/n1)^2/(n1-1) + (vy/n2)^2/(n2-1))
//
// Centers holds the two means. A sample of size one gives NaN (SciPy
// returns NaN); zero variance in both samples gives t = ±Inf and p = 0 when
// the means differ, and NaN when they are equal, as SciPy. Empty samples or
// NaN return an error.
//
// Reference: Welch, B. L. (1947), Biometrika 34, 28-35.
func TTest(x, y []float64, welch bool, alt Alternative) (Result, error) {
	alt.check()
	name := "Student t-test"
	if welch {
		name = "Welch t-test"
	}
	r := newResult(name, alt)
	if err := checkSample("x", x); err != nil {
		return r, err
	}
	if err := checkSample("y", y); err != nil {
		return r, err
	}
	n1, n2 := float64(len(x)), float64(len(y))
	m1, v1 := meanVar(x)
	m2, v2 := meanVar(y)
	r.Centers, r.CenterName = []float64{m1, m2}, "mean"
	var se2, df float64
	if welch {
		a, b := v1/n1, v2/n2
		se2 = a + b
		df = se2 * se2 / (a*a/(n1-1) + b*b/(n2-1))
	} else {
		df = n1 + n2 - 2
		sp := ((n1-1)*v1 + (n2-1)*v2) / df
		se2 = sp * (1/n1 + 1/n2)
	}
	t := (m1 - m2) / math.Sqrt(se2)
	r.Statistic, r.DF = t, df
	r.P = pStudent(t, df, alt)
	if math.IsInf(t, 0) && math.IsNaN(df) {
		// SciPy: zero variances in both samples leave df = NaN but the
		// p-value of an infinite t is still 0 or 1.
		r.P = pInfinite(t, alt)
	}
	return r, nil
}

// pInfinite is the p-value of an infinite statistic.
func pInfinite(t float64, alt Alternative) float64 {
	switch alt {
	case Less:
		if t < 0 {
			return 0
		}
		return 1
	case Greater:
		if t > 0 {
			return 0
		}
		return 1
	}
	return 0
}

// meanVar returns the mean and the unbiased (ddof = 1) variance of x; the
// variance is NaN for a single value.
func meanVar(x []float64) (mean, variance float64) {
	mean = stat.Mean(x, nil)
	if len(x) < 2 {
		return mean, math.NaN()
	}
	var ss float64
	for _, v := range x {
		d := v - mean
		ss += d * d
	}
	return mean, ss / float64(len(x)-1)
}
