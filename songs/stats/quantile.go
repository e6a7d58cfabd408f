package stats

import (
	"math"
	"slices"

	"github.com/songcohorts/cohorts/songs/internal/quantile"
)

// Quantile returns the p-quantile of x by linear interpolation between
// order statistics (Hyndman and Fan's type 7, the default of
// numpy.quantile and pandas), to the bit as NumPy computes it:
//
//	h = (n-1) p,  Q(p) = x₍⌊h⌋₎ + (h - ⌊h⌋) (x₍⌊h⌋+1₎ - x₍⌊h⌋₎)
//
// over the sorted values x₍₀₎ <= ... <= x₍ₙ₋₁₎. NaNs are ignored, as
// numpy.nanquantile does; Quantile returns NaN for no values. x is not
// modified. It panics if p is outside [0, 1].
//
// Hyndman RJ, Fan Y (1996). Sample quantiles in statistical packages. The
// American Statistician 50(4):361-365.
func Quantile(x []float64, p float64) float64 {
	checkProb(p)
	return quantile.Sorted(sortedFinite(x), p)
}

// quantileSorted is Quantile of values already sorted, without NaN.
func quantileSorted(s []float64, p float64) float64 {
	checkProb(p)
	return quantile.Sorted(s, p)
}

func checkProb(p float64) {
	if !(p >= 0 && p <= 1) {
		panic("stats: quantile probability outside [0, 1]")
	}
}

// sortedFinite returns the values of x other than NaN, sorted.
func sortedFinite(x []float64) []float64 {
	s := make([]float64, 0, len(x))
	for _, v := range x {
		if !math.IsNaN(v) {
			s = append(s, v)
		}
	}
	slices.Sort(s)
	return s
}

// Fences are Tukey's outlier fences of a sample (Tukey 1977, Exploratory
// Data Analysis): the type-7 quartiles and median, and the bounds
//
//	Lower = Q1 - 1.5 (Q3 - Q1),  Upper = Q3 + 1.5 (Q3 - Q1).
type Fences struct {
	Q1, Median, Q3, Lower, Upper float64
}

// TukeyFences returns the fences of x, NaNs ignored. For no values every
// field is NaN and no value is Outside.
func TukeyFences(x []float64) Fences {
	s := sortedFinite(x)
	q1, q3 := quantile.Sorted(s, 0.25), quantile.Sorted(s, 0.75)
	w := float64(1.5 * (q3 - q1)) // rounded before the sums on every platform
	return Fences{Q1: q1, Median: quantile.Sorted(s, 0.5), Q3: q3, Lower: q1 - w, Upper: q3 + w}
}

// Outside reports whether v is an outlier: on or beyond a fence,
//
//	v <= Lower  or  v >= Upper.
//
// The fences are inclusive, as in the test of the study this module
// reproduces (pandas: x <= Q1 - 1.5 IQR or x >= Q3 + 1.5 IQR); a box
// plot draws these values as outliers and ends its whiskers at the most
// extreme values strictly inside, so that a table and a figure count the
// same outliers.
func (f Fences) Outside(v float64) bool { return v <= f.Lower || v >= f.Upper }

// RobustZ returns the modified z-scores of Iglewicz and Hoaglin (1993),
//
//	z = 0.6745 (x - median) / MAD,
//
// where the median is the type-7 median and MAD the median absolute
// deviation from it, both ignoring NaN (a NaN scores NaN). A |z| above 3.5
// is their suggested outlier rule. When MAD is 0 every score is 0 for
// values at the median and ±Inf otherwise.
//
// Iglewicz B, Hoaglin DC (1993). How to Detect and Handle Outliers. ASQC
// Quality Press.
func RobustZ(x []float64) []float64 {
	med := Quantile(x, 0.5)
	dev := make([]float64, len(x))
	for i, v := range x {
		dev[i] = math.Abs(v - med)
	}
	mad := Quantile(dev, 0.5)
	z := make([]float64, len(x))
	for i, v := range x {
		d := v - med
		switch {
		case math.IsNaN(d):
			z[i] = d
		case mad > 0:
			z[i] = 0.6745 * d / mad
		case d == 0:
			z[i] = 0
		default:
			z[i] = math.Inf(int(math.Copysign(1, d)))
		}
	}
	return z
}
