package embed

import "math"

// umapCurve fits the smooth output-space similarity 1 / (1 + a d^(2b)) to the
// offset exponential that is 1 below minDist and exp(-(d - minDist) / spread)
// above it, sampled at 300 points on [0, 3 spread], by least squares with
// the Levenberg-Marquardt method, as find_ab_params of umap-learn 0.5.3
// (which calls scipy.optimize.curve_fit from a = b = 1).
func umapCurve(spread, minDist float64) (a, b float64) {
	const m = 300
	xs := make([]float64, m)
	ys := make([]float64, m)
	for i := range xs {
		xs[i] = 3 * spread * float64(i) / float64(m-1)
		if xs[i] < minDist {
			ys[i] = 1
		} else {
			ys[i] = math.Exp(-(xs[i] - minDist) / spread)
		}
	}
	cost := func(a, b float64) float64 {
		var s float64
		for i, x := range xs {
			r := 1/(1+a*math.Pow(x, 2*b)) - ys[i]
			s += r * r
		}
		return s
	}
	a, b = 1, 1
	lambda := 1e-3
	c := cost(a, b)
	for it := 0; it < 500; it++ {
		// Normal equations J^T J delta = -J^T r for the two parameters.
		var jaa, jab, jbb, ga, gb float64
		for i, x := range xs {
			if x == 0 {
				continue
			}
			p := math.Pow(x, 2*b)
			f := 1 / (1 + a*p)
			r := f - ys[i]
			da := -p * f * f
			db := -a * p * 2 * math.Log(x) * f * f
			jaa += da * da
			jab += da * db
			jbb += db * db
			ga += da * r
			gb += db * r
		}
		for {
			haa, hbb := jaa*(1+lambda), jbb*(1+lambda)
			det := haa*hbb - jab*jab
			sa := -(hbb*ga - jab*gb) / det
			sb := -(haa*gb - jab*ga) / det
			nc := cost(a+sa, b+sb)
			if nc < c {
				a, b = a+sa, b+sb
				small := math.Abs(sa) < 1e-12*(1+math.Abs(a)) && math.Abs(sb) < 1e-12*(1+math.Abs(b))
				done := c-nc < 1e-15*c || small
				c = nc
				lambda = max(lambda/10, 1e-12)
				if done {
					return a, b
				}
				break
			}
			lambda *= 10
			if lambda > 1e12 {
				return a, b
			}
		}
	}
	return a, b
}
