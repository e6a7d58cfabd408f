// Package quantile holds the one sample quantile of the module, NumPy's
// default "linear" method (Hyndman and Fan's type 7), on sorted data. The
// stats package exports it as stats.Quantile; embed's RobustScaler, which
// may import nothing of the module outside internal/, calls it here.
//
// The package imports only the standard library.
package quantile

import "math"

// Sorted returns the p-quantile of the sorted values s by linear
// interpolation between order statistics (Hyndman and Fan 1996, type 7;
// numpy.quantile's default method="linear"):
//
//	h = (n-1) p,  j = ⌊h⌋,  g = h - j,  Q(p) = s[j] + g (s[j+1] - s[j])
//
// The interpolation is NumPy's _lerp: for g >= 0.5 it is computed as
// s[j+1] - (1-g)(s[j+1] - s[j]), so that the result is NumPy's to the bit;
// each product is rounded before it is added or subtracted, so that no
// platform fuses the two.
// Sorted returns NaN for no values. p must lie in [0, 1].
//
// Hyndman RJ, Fan Y (1996). Sample quantiles in statistical packages. The
// American Statistician 50(4):361-365.
func Sorted(s []float64, p float64) float64 {
	n := len(s)
	if n == 0 {
		return math.NaN()
	}
	h := float64(float64(n-1) * p) // rounded: arm64 would fuse it into h - lo
	lo := math.Floor(h)
	j := int(lo)
	if j+1 >= n {
		return s[n-1]
	}
	g := h - lo
	a, b := s[j], s[j+1]
	d := b - a
	if g >= 0.5 {
		return b - float64(d*(1-g))
	}
	return a + float64(d*g)
}
