// Package stats provides hypothesis tests, effect sizes, confidence
// intervals and multiple-testing corrections over plain []float64 samples.
//
// The tests follow SciPy 1.10.1 (scipy.stats) and statsmodels 0.13.5 and are
// checked against their numbers in testdata/golden.json, written by
// testdata/gen_golden.py. Every test returns a Result holding the statistic,
// its degrees of freedom where they apply and the p-value; tests with a
// direction take an Alternative (TwoSided, Less, Greater) with SciPy's
// meaning: Less means the first sample tends to be smaller than the second.
//
// Failures are kept apart as in gonum: a caller bug (mismatched lengths, an
// unknown Alternative, a bad level) panics with the prefix "stats: "; bad data
// (an empty sample, NaN, too few groups) returns an error; degenerate but
// valid data (zero variance, all values tied) returns NaN or an infinite
// statistic exactly where SciPy does, as documented on each function.
//
// Quantile is the module's one sample quantile (NumPy's default "linear"
// method, Hyndman and Fan's type 7, to NumPy's bit), and Fences with
// TukeyFences its one outlier rule: a value on or beyond a fence at 1.5
// IQR from the quartiles is an outlier, so that outlier tables and box
// plots count the same values. RobustZ gives Iglewicz and Hoaglin's
// modified z-scores.
//
// Distributions come from gonum.org/v1/gonum/stat/distuv and
// gonum.org/v1/gonum/mathext. The package imports nothing of this module
// outside internal/.
package stats
