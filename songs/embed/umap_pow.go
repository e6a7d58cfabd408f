package embed

import "math"

// powPos returns x^y for x > 0 as exp(y log x), with the logarithm and the
// exponential evaluated by short polynomials without division (relative
// error below 1e-7 for moderate y log x, finer than the float32 arithmetic
// of umap-learn) instead of the library calls that dominate UMAP's
// gradient steps. Arguments out of
// the series' range fall back to math.Pow. Every product is rounded before
// it is added, so that no platform fuses the two and the AVX2 kernel
// (umapRepel4AVX) gives the same bits.
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
	// log m = u P(u), u = m - 1 in [-0.29, 0.41]: a degree-8 least-squares
	// fit at Chebyshev nodes (absolute error 4e-8), evaluated by Estrin's
	// scheme so that the terms do not wait on one another.
	u := m - 1
	u2 := u * u
	u4 := u2 * u2
	q0 := (0.9999998474717302 - float64(0.5000069690374938*u)) + float64((0.3333568809272659-float64(0.24957780628534987*u))*u2)
	q1 := (0.19885361051323006 - float64(0.17363152974937088*u)) + float64((0.16338556174886165-float64(0.09913656121321199*u))*u2)
	lg := float64(u*(q0+float64(q1*u4))) + float64(float64(e)*math.Ln2)
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
	r := z - float64(float64(k)*ln2hi) - float64(float64(k)*ln2lo)
	// exp r by a degree-6 least-squares fit on [-ln2/2, ln2/2] (relative
	// error 3e-9), evaluated by Estrin's scheme.
	r2 := r * r
	r4 := r2 * r2
	p := ((0.9999999999595475 + float64(1.000000037727448*r)) + float64((0.5000000107749374+float64(0.166664154772359*r))*r2)) +
		float64(((0.041666218274473366+float64(0.008375128890415256*r))+float64(0.0013948580812921073*r2))*r4)
	return p * math.Float64frombits(uint64(k+1023)<<52)
}
