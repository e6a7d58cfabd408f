package embed

import "math"

// powPos returns x^y for x > 0 as exp(y log x), with the logarithm and the
// exponential evaluated by short series (relative error below 1e-7, finer
// than the float32 arithmetic of umap-learn) instead of the library calls
// that dominate UMAP's gradient steps. Arguments out of
// the series' range fall back to math.Pow.
func powPos(x, y float64) float64 {
	bits := math.Float64bits(x)
	e := int64(bits>>52&0x7ff) - 1023
	if e == -1023 || e == 1024 {
		return math.Pow(x, y)
	}
	m := math.Float64frombits(bits&(1<<52-1) | 1023<<52) // in [1, 2)
	if m > math.Sqrt2 {
		m *= 0.5
		e++
	}
	// log m = 2 atanh(t), t = (m-1)/(m+1), |t| <= 0.1716.
	t := (m - 1) / (m + 1)
	t2 := t * t
	t4 := t2 * t2
	lg := t*((2+t2*(2.0/3))+t4*((2.0/5)+t2*(2.0/7))) + float64(e)*math.Ln2
	z := y * lg
	// exp z = 2^k exp(r), |r| <= ln2 / 2.
	const log2e = 1.4426950408889634
	const ln2hi, ln2lo = 6.93147180369123816490e-01, 1.90821492927058770002e-10
	kf := z * log2e
	var k int64
	if kf >= 0 {
		k = int64(kf + 0.5)
	} else {
		k = int64(kf - 0.5)
	}
	if k < -1020 || k > 1020 {
		return math.Pow(x, y)
	}
	r := z - float64(k)*ln2hi - float64(k)*ln2lo
	r2 := r * r
	r4 := r2 * r2
	p := (1 + r) + r2*((1.0/2+r*(1.0/6))+r2*(1.0/24+r*(1.0/120))) + r4*r2*(1.0/720+r*(1.0/5040))
	return p * math.Float64frombits(uint64(k+1023)<<52)
}
