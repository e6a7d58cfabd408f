package stats

import "math"

// Interval is a confidence interval [Lo, Hi] at confidence Level (0.95 for
// 95 %). A zero Level means no interval was computed.
type Interval struct {
	Lo, Hi, Level float64
}

// Result is the outcome of one hypothesis test in a form a notebook can
// tabulate: the test, the groups compared, the statistic with its degrees
// of freedom, the p-value and an adjusted p-value, an effect size with its
// name and an interval.
//
// The test functions fill Test, Alternative, Statistic, DF, DF2 and P, and
// Centers and CenterName for two-sample comparisons; fields that do not
// apply are NaN. The caller names the Groups (and optionally the Measure),
// and sets PAdjusted and Correction with Adjust, and Effect, EffectName and
// CI with the effect-size functions and Bootstrap.
type Result struct {
	// Test is the name of the test, such as "Mann-Whitney U".
	Test string
	// Groups names the samples compared (or the two variables correlated).
	Groups []string
	// Measure names the quantity compared, such as "popularity"; it may be
	// empty.
	Measure string
	// Alternative is the alternative hypothesis tested.
	Alternative Alternative
	// Statistic is the test statistic.
	Statistic float64
	// DF is the degrees of freedom (numerator for an F test); NaN if none.
	DF float64
	// DF2 is the denominator degrees of freedom of an F test; NaN otherwise.
	DF2 float64
	// P is the p-value.
	P float64
	// PAdjusted is the p-value adjusted for multiple testing; NaN if unset.
	PAdjusted float64
	// Correction names the multiple-testing correction, such as "Holm".
	Correction string
	// Effect is the effect size; NaN if unset.
	Effect float64
	// EffectName names the effect size, such as "rank-biserial r".
	EffectName string
	// CI is the confidence interval of the effect size (Level 0 if none).
	CI Interval
	// Centers holds each group's location (median or mean) for a
	// comparison of groups.
	Centers []float64
	// CenterName names the location in Centers: "median" or "mean".
	CenterName string
}

// newResult returns a Result for the named test with every optional number
// set to NaN.
func newResult(test string, alt Alternative) Result {
	nan := math.NaN()
	return Result{
		Test: test, Alternative: alt,
		Statistic: nan, DF: nan, DF2: nan, P: nan, PAdjusted: nan, Effect: nan,
	}
}

// WithGroups returns a copy of r whose groups are named names.
func (r Result) WithGroups(names ...string) Result {
	r.Groups = append([]string(nil), names...)
	return r
}

// WithEffect returns a copy of r carrying the effect size value named name
// and its interval ci (a zero Interval for none).
func (r Result) WithEffect(name string, value float64, ci Interval) Result {
	r.EffectName, r.Effect, r.CI = name, value, ci
	return r
}
