package stats

import (
	"fmt"
	"math"
	"sort"
)

// ShapiroWilk is the Shapiro-Wilk test of normality, as scipy.stats.shapiro:
// Royston's algorithm AS R94 (1995) for 3 <= n <= 5000, computed in single
// precision like SciPy's swilk.f (so it agrees with SciPy to about 1e-6,
// not to the last double digit). The statistic W is the squared
// correlation between the sorted sample and the approximate normal-order
// coefficients; the p-value is exact for n = 3 and from Royston's normal
// approximation of log(1-W) otherwise. Results for n > 5000 are returned
// but less accurate, as SciPy warns.
//
// A sample with zero range gives W = 1 and p = 1, as SciPy. Fewer than three
// values or NaN return an error.
//
// Reference: Royston, P. (1995), Remark AS R94, Applied Statistics 44(4),
// 547-551.
func ShapiroWilk(x []float64) (Result, error) {
	res := newResult("Shapiro-Wilk", TwoSided)
	if err := checkSample("x", x); err != nil {
		return res, err
	}
	if len(x) < 3 {
		return res, fmt.Errorf("%w: Shapiro-Wilk needs at least 3 values, got %d", ErrTooFew, len(x))
	}
	m := median(x)
	y := make([]float32, len(x))
	for i, v := range x {
		y[i] = float32(v - m)
	}
	sort.Slice(y, func(i, j int) bool { return y[i] < y[j] })
	w, p := swilk(y)
	res.Statistic, res.P = float64(w), float64(p)
	return res, nil
}

func sqrt32(v float32) float32 { return float32(math.Sqrt(float64(v))) }
func log32(v float32) float32  { return float32(math.Log(float64(v))) }
func exp32(v float32) float32  { return float32(math.Exp(float64(v))) }

// Products are rounded before they are added (a conversion each), so that
// no platform fuses them: the p-values follow SciPy's float32 SWILK
// closely, and arm64 gives the same bits as amd64.

// poly32 is AS 181.2: c[0] + c[1] x + ... in single precision.
func poly32(c []float32, x float32) float32 {
	r := c[0]
	n := len(c)
	if n == 1 {
		return r
	}
	p := float32(x * c[n-1])
	if n > 2 {
		for j := n - 2; j >= 1; j-- {
			p = float32((p + c[j]) * x)
		}
	}
	return r + p
}

// horner32 returns (((c[0] x + c[1]) x + c[2]) ...) + c[len(c)-1] in single
// precision, each product rounded.
func horner32(x float32, c ...float32) float32 {
	r := c[0]
	for _, v := range c[1:] {
		r = float32(r*x) + v
	}
	return r
}

// ppnd32 is AS 111, the normal quantile in single precision.
func ppnd32(p float32) float32 {
	const (
		a0, a1, a2, a3 float32 = 2.50662823884, -18.61500062529, 41.39119773534, -25.44106049637
		b1, b2, b3, b4 float32 = -8.47351093090, 23.08336743743, -21.06224101826, 3.13082909833
		c0, c1, c2, c3 float32 = -2.78718931138, -2.29796479134, 4.85014127135, 2.32121276858
		d1, d2         float32 = 3.54388924762, 1.63706781897
		split          float32 = 0.42
	)
	q := p - 0.5
	if q < 0 && -q <= split || q >= 0 && q <= split {
		r := q * q
		return q * horner32(r, a3, a2, a1, a0) / horner32(r, b4, b3, b2, b1, 1)
	}
	r := p
	if q > 0 {
		r = 1 - p
	}
	if r <= 0 {
		return 0
	}
	r = sqrt32(-log32(r))
	v := horner32(r, c3, c2, c1, c0) / horner32(r, d2, d1, 1)
	if q < 0 {
		v = -v
	}
	return v
}

// alnorm is AS 66, the normal tail area in double precision.
func alnorm(x float64, upper bool) float64 {
	const (
		ltone, utzero, con = 7.0, 38.0, 1.28
		a1, a2, a3, a4     = 0.398942280444, 0.399903438504, 5.75885480458, 29.8213557808
		a5, a6, a7         = 2.62433121679, 48.6959930692, 5.92885724438
		b1, b2, b3, b4     = 0.398942280385, 3.8052e-8, 1.00000615302, 3.98064794e-4
		b5, b6, b7, b8     = 1.98615381364, 0.151679116635, 5.29330324926, 4.8385912808
		b9, b10, b11, b12  = 15.1508972451, 0.742380924027, 30.789933034, 3.99019417011
	)
	up := upper
	z := x
	if z < 0 {
		up = !up
		z = -z
	}
	var r float64
	if z <= ltone || up && z <= utzero {
		y := 0.5 * z * z
		if z > con {
			r = b1 * math.Exp(-y) / (z - b2 + b3/(z+b4+b5/(z-b6+b7/(z+b8-b9/(z+b10+b11/(z+b12))))))
		} else {
			r = 0.5 - float64(z*(a1-a2*y/(y+a3-a4/(y+a5+a6/(y+a7)))))
		}
	}
	if !up {
		r = 1 - r
	}
	return r
}

// swilk is SWILK of AS R94 for a complete (uncensored) sorted sample, in
// single precision; it returns W and its p-value.
func swilk(x []float32) (float32, float32) {
	var (
		c1 = []float32{0, 0.221157, -0.147981, -0.207119e1, 0.4434685e1, -0.2706056e1}
		c2 = []float32{0, 0.42981e-1, -0.293762, -0.1752461e1, 0.5682633e1, -0.3582633e1}
		c3 = []float32{0.5440, -0.39978, 0.25054e-1, -0.6714e-3}
		c4 = []float32{0.13822e1, -0.77857, 0.62767e-1, -0.20322e-2}
		c5 = []float32{-0.15861e1, -0.31082, -0.83751e-1, 0.38915e-2}
		c6 = []float32{-0.4803, -0.82676e-1, 0.30302e-2}
		g  = []float32{-0.2273e1, 0.459}
	)
	const (
		small float32 = 1e-19
		sqrth float32 = 0.70711
		th    float32 = 0.375
		qtr   float32 = 0.25
		pi6   float32 = 0.1909859e1
		stqr  float32 = 0.1047198e1
	)
	n := len(x)
	an := float32(n)
	nn2 := n / 2
	a := make([]float32, nn2+1) // 1-based
	if n == 3 {
		a[1] = sqrth
	} else {
		an25 := an + qtr
		var summ2 float32
		for i := 1; i <= nn2; i++ {
			a[i] = ppnd32((float32(i) - th) / an25)
			summ2 += float32(a[i] * a[i])
		}
		summ2 *= 2
		ssumm2 := sqrt32(summ2)
		rsn := 1 / sqrt32(an)
		a1 := poly32(c1, rsn) - a[1]/ssumm2
		var i1 int
		var fac float32
		if n > 5 {
			i1 = 3
			a2 := -a[2]/ssumm2 + poly32(c2, rsn)
			fac = sqrt32((summ2 - float32(2*a[1]*a[1]) - float32(2*a[2]*a[2])) / (1 - float32(2*a1*a1) - float32(2*a2*a2)))
			a[1], a[2] = a1, a2
		} else {
			i1 = 2
			fac = sqrt32((summ2 - float32(2*a[1]*a[1])) / (1 - float32(2*a1*a1)))
			a[1] = a1
		}
		for i := i1; i <= nn2; i++ {
			a[i] = -a[i] / fac
		}
	}
	rng := x[n-1] - x[0]
	if rng < small {
		return 1, 1
	}
	sgn := func(i, j int) float32 {
		if i-j >= 0 {
			return 1
		}
		return -1
	}
	xx := x[0] / rng
	sx := xx
	sa := -a[1]
	j := n - 1
	for i := 2; i <= n; i++ {
		xi := x[i-1] / rng
		sx += xi
		if i != j {
			sa += float32(sgn(i, j) * a[min(i, j)])
		}
		j--
	}
	sa /= float32(n)
	sx /= float32(n)
	var ssa, ssx, sax float32
	j = n
	for i := 1; i <= n; i++ {
		var asa float32
		if i != j {
			asa = float32(sgn(i, j)*a[min(i, j)]) - sa
		} else {
			asa = -sa
		}
		xsx := x[i-1]/rng - sx
		ssa += float32(asa * asa)
		ssx += float32(xsx * xsx)
		sax += float32(asa * xsx)
		j--
	}
	ssassx := sqrt32(ssa * ssx)
	w1 := (ssassx - sax) * (ssassx + sax) / (ssa * ssx)
	w := 1 - w1
	if n == 3 {
		pw := pi6 * (float32(math.Asin(float64(sqrt32(w)))) - stqr)
		return w, pw
	}
	y := log32(w1)
	lxx := log32(an)
	var m, s float32
	if n <= 11 {
		gamma := poly32(g, an)
		if y >= gamma {
			return w, small
		}
		y = -log32(gamma - y)
		m = poly32(c3, an)
		s = exp32(poly32(c4, an))
	} else {
		m = poly32(c5, lxx)
		s = exp32(poly32(c6, lxx))
	}
	pw := float32(alnorm(float64((y-m)/s), true))
	return w, pw
}
