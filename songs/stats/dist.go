package stats

import (
	"math"

	"gonum.org/v1/gonum/mathext"
	"gonum.org/v1/gonum/stat/distuv"
)

// normSF is the standard normal survival function, computed with erfc so
// that it keeps its relative precision in the upper tail (distuv.Normal's
// Survival is 1-Erf).
func normSF(z float64) float64 { return 0.5 * math.Erfc(z/math.Sqrt2) }

// normCDF is the standard normal CDF.
func normCDF(z float64) float64 { return 0.5 * math.Erfc(-z/math.Sqrt2) }

// normQuantile is the standard normal quantile function.
func normQuantile(p float64) float64 { return distuv.UnitNormal.Quantile(p) }

// pNormal is the p-value of a standard normal statistic z, as SciPy's
// _normtest_finish.
func pNormal(z float64, alt Alternative) float64 {
	switch alt {
	case Less:
		return normCDF(z)
	case Greater:
		return normSF(z)
	}
	return 2 * normSF(math.Abs(z))
}

// pStudent is the p-value of a Student t statistic with df degrees of
// freedom, as SciPy's _ttest_finish.
func pStudent(t, df float64, alt Alternative) float64 {
	d := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}
	switch alt {
	case Less:
		return d.CDF(t)
	case Greater:
		return d.CDF(-t)
	}
	return 2 * d.CDF(-math.Abs(t))
}

// fSF is the survival function of the F(d1, d2) distribution, computed from
// the complementary incomplete beta so small p-values keep their precision.
func fSF(x, d1, d2 float64) float64 {
	if math.IsNaN(x) {
		return math.NaN()
	}
	if x <= 0 {
		return 1
	}
	if math.IsInf(x, 1) {
		return 0
	}
	return mathext.RegIncBeta(d2/2, d1/2, d2/(d2+d1*x))
}

// chi2SF is the survival function of the chi-square distribution with k
// degrees of freedom.
func chi2SF(x, k float64) float64 {
	if math.IsNaN(x) {
		return math.NaN()
	}
	return distuv.ChiSquared{K: k}.Survival(x)
}
