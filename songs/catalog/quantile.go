package catalog

import (
	"math"
	"sort"
)

// Quantile returns the p-quantile of x by linear interpolation between
// order statistics (Hyndman and Fan's type 7, NumPy's and pandas' default):
//
//	h = (n-1) p,  Q(p) = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h])
//
// NaNs are ignored; it returns NaN for no values. x is not modified.
func Quantile(x []float64, p float64) float64 {
	s := sortedFinite(x)
	return quantileSorted(s, p)
}

func sortedFinite(x []float64) []float64 {
	s := make([]float64, 0, len(x))
	for _, v := range x {
		if !math.IsNaN(v) {
			s = append(s, v)
		}
	}
	sort.Float64s(s)
	return s
}

func quantileSorted(s []float64, p float64) float64 {
	if len(s) == 0 {
		return math.NaN()
	}
	h := float64(len(s)-1) * p
	lo := math.Floor(h)
	i := int(lo)
	if i+1 >= len(s) {
		return s[len(s)-1]
	}
	return s[i] + (h-lo)*(s[i+1]-s[i])
}

// Fences are Tukey's outlier fences of one column: quartiles by type-7
// interpolation and the bounds Q1 - 1.5 IQR and Q3 + 1.5 IQR.
type Fences struct {
	Q1, Median, Q3, Lower, Upper float64
}

// TukeyFences computes the fences of x (NaNs ignored).
func TukeyFences(x []float64) Fences {
	s := sortedFinite(x)
	q1, q3 := quantileSorted(s, 0.25), quantileSorted(s, 0.75)
	iqr := q3 - q1
	return Fences{Q1: q1, Median: quantileSorted(s, 0.5), Q3: q3, Lower: q1 - 1.5*iqr, Upper: q3 + 1.5*iqr}
}

// Outside reports whether v is an outlier: on or beyond a fence. The fences
// are inclusive, as in the original study's test (x <= Q1 - 1.5 IQR or
// x >= Q3 + 1.5 IQR); on this catalog it matters for popularity, where two
// values lie exactly on the upper fence.
func (f Fences) Outside(v float64) bool { return v <= f.Lower || v >= f.Upper }

// RobustZ returns the modified z-scores of Iglewicz and Hoaglin (1993),
//
//	z = 0.6745 (x - median) / MAD,
//
// where MAD is the median absolute deviation. A |z| above 3.5 is their
// suggested outlier rule. When MAD is 0 every score is 0 for values at the
// median and ±Inf otherwise.
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
