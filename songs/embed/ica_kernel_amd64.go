//go:build !noasm

package embed

import "math"

//go:noescape
func projRowAVX(y, x, w *float64, k, xs, m int)

//go:noescape
func gram4AVX(out, y, x *float64, xs, m int)

//go:noescape
func tanhAVX(y *float64, m int, alpha float64, tab, sq *float64)

// projRow is projRowGo, by the AVX2/FMA kernel where the processor has it
// and len(y) is a multiple of 32, with the same bits.
func projRow(y, x, w []float64, xs int) {
	m, k := len(y), len(w)
	if !useAVX2FMA || m%32 != 0 || m == 0 || k == 0 {
		projRowGo(y, x, w, xs)
		return
	}
	_ = x[(k-1)*xs+m-1]
	projRowAVX(&y[0], &x[0], &w[0], k, xs, m)
}

// gram4 is gram4Go, by the AVX2/FMA kernel where the processor has it,
// with the same bits.
func gram4(out *[16]float64, y, x []float64, xs int) {
	m := len(y)
	if !useAVX2FMA || m%8 != 0 || m == 0 {
		gram4Go(out, y, x, xs)
		return
	}
	_ = x[3*xs+m-1]
	gram4AVX(&out[0], &y[0], &x[0], xs, m)
}

// tanh8 is tanh8Go, by the AVX2/FMA kernel where the processor has it,
// with the same bits.
func tanh8(y []float64, alpha float64, sq *[4]float64) {
	m := len(y)
	if !useAVX2FMA || m%8 != 0 || m == 0 {
		tanh8Go(y, alpha, sq)
		return
	}
	tanhAVX(&y[0], m, alpha, &icaTanhTab[0], &sq[0])
}

// icaTanhTab holds the constants of tanhAVX, each repeated four times:
// the masks of |u| and of the sign, the clamp, -2 log2(e), the rounding
// constant, -2, ln 2 in two parts, 1, the exponent bias as an integer,
// then the Taylor coefficients of tanh8Go from 1/12! down to 1.
var icaTanhTab = func() []float64 {
	c := []float64{
		math.Float64frombits(0x7fffffffffffffff),
		math.Float64frombits(0x8000000000000000),
		tanhClamp,
		-2 * math.Log2E,
		tanhMagic,
		-2,
		tanhLn2Hi,
		tanhLn2Lo,
		1,
		math.Float64frombits(1023),
	}
	c = append(c, tanhTaylor[:]...)
	tab := make([]float64, 4*len(c))
	for i, v := range c {
		for l := 0; l < 4; l++ {
			tab[4*i+l] = v
		}
	}
	return tab
}()
