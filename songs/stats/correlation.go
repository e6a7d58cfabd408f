package stats

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mathext"
	"gonum.org/v1/gonum/stat"
)

// Pearson is Pearson's product-moment correlation of x and y with its
// p-value and a Fisher-z confidence interval at level, as
// scipy.stats.pearsonr(x, y, alternative) and its
// confidence_interval(level). The p-value uses the exact null distribution
// of r, a Beta(n/2-1, n/2-1) on [-1, 1]; the interval is
//
//	tanh(atanh(r) ± z_{(1+level)/2} / sqrt(n-3))
//
// (one-sided for Less and Greater; [-1, 1] when n <= 3). Statistic and
// Effect hold r. A constant sample gives NaN r and p; n = 2 gives r = ±1
// and p = 1, as SciPy. Fewer than two pairs or NaN return an error.
//
// Pearson panics with "stats: slice length mismatch" if len(x) != len(y)
// and "stats: level out of (0, 1)" for a bad level.
//
// Reference: Fisher, R. A. (1915), Biometrika 10, 507-521.
func Pearson(x, y []float64, alt Alternative, level float64) (Result, error) {
	checkLevel(level)
	res, err := pairedResult("Pearson correlation", x, y, alt)
	if err != nil {
		return res, err
	}
	r, p := pearsonP(x, y, alt)
	res.Statistic, res.P, res.DF = r, p, float64(len(x)-2)
	res = res.WithEffect("Pearson r", r, fisherCI(r, len(x), 1, alt, level))
	return res, nil
}

func checkLevel(level float64) {
	if !(level > 0 && level < 1) {
		panic("stats: level out of (0, 1)")
	}
}

// pairedResult starts the Result of a test of paired samples: it checks
// the alternative (a panic for an unknown one) and the lengths (a panic if
// they differ), then the samples (an error, with the Result, for fewer than
// two pairs or NaN).
func pairedResult(test string, x, y []float64, alt Alternative) (Result, error) {
	alt.check()
	if len(x) != len(y) {
		panic("stats: slice length mismatch")
	}
	return newResult(test, alt), checkPairs(x, y)
}

// twoSampleResult starts the Result of a test of two independent samples:
// it checks the alternative (a panic for an unknown one), then that each
// sample is non-empty and free of NaN (an error, with the Result).
func twoSampleResult(test string, x, y []float64, alt Alternative) (Result, error) {
	alt.check()
	r := newResult(test, alt)
	if err := checkSample("x", x); err != nil {
		return r, err
	}
	return r, checkSample("y", y)
}

func checkPairs(x, y []float64) error {
	if len(x) < 2 {
		return fmt.Errorf("%w: need at least two pairs, got %d", ErrTooFew, len(x))
	}
	if err := checkSample("x", x); err != nil {
		return err
	}
	return checkSample("y", y)
}

func isConstant(x []float64) bool {
	for _, v := range x {
		if v != x[0] {
			return false
		}
	}
	return true
}

// pearsonP returns r and its p-value as scipy.stats.pearsonr.
func pearsonP(x, y []float64, alt Alternative) (float64, float64) {
	n := len(x)
	if isConstant(x) || isConstant(y) {
		return math.NaN(), math.NaN()
	}
	if n == 2 {
		return sign(x[1]-x[0]) * sign(y[1]-y[0]), 1
	}
	mx, my := stat.Mean(x, nil), stat.Mean(y, nil)
	var sxx, syy float64
	for i := range x {
		sxx += (x[i] - mx) * (x[i] - mx)
		syy += (y[i] - my) * (y[i] - my)
	}
	nx, ny := math.Sqrt(sxx), math.Sqrt(syy)
	var r float64
	for i := range x {
		r += (x[i] - mx) / nx * ((y[i] - my) / ny)
	}
	r = math.Max(math.Min(r, 1), -1)
	ab := float64(n)/2 - 1
	// Beta(ab, ab) on [-1, 1]: sf(r) = I_{(1-r)/2}(ab, ab).
	sf := func(v float64) float64 { return betaSF((v+1)/2, ab) }
	var p float64
	switch alt {
	case Less:
		p = 1 - sf(r)
		if r < 0 {
			p = sf(-r)
		}
	case Greater:
		p = sf(r)
	default:
		p = 2 * sf(math.Abs(r))
	}
	return r, p
}

// betaSF is the survival function at u of the symmetric Beta(a, a).
func betaSF(u, a float64) float64 {
	switch {
	case u <= 0:
		return 1
	case u >= 1:
		return 0
	}
	return mathext.RegIncBeta(a, a, 1-u)
}

func sign(v float64) float64 {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

// fisherCI is the Fisher-z interval of a correlation r from n pairs, with
// the variance of atanh(r) taken as c/(n-3).
func fisherCI(r float64, n int, c float64, alt Alternative, level float64) Interval {
	ci := Interval{Lo: -1, Hi: 1, Level: level}
	if n <= 3 || math.IsNaN(r) {
		if math.IsNaN(r) {
			ci.Lo, ci.Hi = math.NaN(), math.NaN()
		}
		return ci
	}
	z := math.Atanh(r)
	se := math.Sqrt(c / float64(n-3))
	switch alt {
	case Less:
		ci.Hi = math.Tanh(z + normQuantile(level)*se)
	case Greater:
		ci.Lo = math.Tanh(z - normQuantile(level)*se)
	default:
		h := normQuantile(0.5 + level/2)
		ci.Lo, ci.Hi = math.Tanh(z-h*se), math.Tanh(z+h*se)
	}
	return ci
}

// Spearman is Spearman's rank correlation of x and y, as
// scipy.stats.spearmanr(x, y, alternative): Pearson's r of the average
// ranks, with the p-value of
//
//	t = rs sqrt((n-2) / ((1+rs)(1-rs)))
//
// on n-2 degrees of freedom, and a Fisher-z interval at level whose
// variance is 1.06/(n-3) (Fieller, Hartley & Pearson 1957). A constant
// sample gives NaN rs and p, as SciPy. Fewer than two pairs or NaN return
// an error.
//
// Spearman panics with "stats: slice length mismatch" if len(x) != len(y)
// and "stats: level out of (0, 1)" for a bad level.
//
// Reference: Fieller, E. C., Hartley, H. O. & Pearson, E. S. (1957),
// Biometrika 44, 470-481.
func Spearman(x, y []float64, alt Alternative, level float64) (Result, error) {
	checkLevel(level)
	res, err := pairedResult("Spearman correlation", x, y, alt)
	if err != nil {
		return res, err
	}
	n := len(x)
	df := float64(n - 2)
	res.DF = df
	if isConstant(x) || isConstant(y) {
		res = res.WithEffect("Spearman rho", math.NaN(), fisherCI(math.NaN(), n, 1.06, alt, level))
		return res, nil
	}
	rx, ry := Rank(nil, x), Rank(nil, y)
	rs := stat.Correlation(rx, ry, nil)
	rs = math.Max(math.Min(rs, 1), -1)
	t := rs * math.Sqrt(math.Max(df/((rs+1)*(1-rs)), 0))
	res.Statistic = rs
	res.P = pStudent(t, df, alt)
	if math.IsInf(t, 0) {
		res.P = pInfinite(t, alt)
	}
	res = res.WithEffect("Spearman rho", rs, fisherCI(rs, n, 1.06, alt, level))
	return res, nil
}
