package embed

import (
	"math"

	"golang.org/x/sys/cpu"
)

//go:noescape
func projRowAVX(y, x, w *float64, k, xs, m int)

//go:noescape
func gram4AVX(out, y, x *float64, xs, m int)

//go:noescape
func tanhAVX(y *float64, m int, alpha float64, tab, sq *float64)

//go:noescape
func projRow512(y, x, w *float64, k, xs, m int)

//go:noescape
func gram4512(out, y, x *float64, xs, m int)

//go:noescape
func tanh512(y *float64, m int, alpha float64, tab, sq *float64)

// icaAVX512 reports whether the processor and operating system support the
// AVX-512 F and DQ instructions of the eight-lane FastICA kernels.
var icaAVX512 = hasAVX2 && cpu.X86.HasAVX512F && cpu.X86.HasAVX512DQ

// icaTanhTab holds the constants of tanhAVX, each repeated four times:
// masks, clamp, exp reduction constants, 1, the exponent bias, then the
// Taylor coefficients of exp from 1/12! down to 1.
var icaTanhTab = func() []float64 {
	c := []float64{
		math.Float64frombits(0x7fffffffffffffff),
		math.Float64frombits(0x8000000000000000),
		20,
		-2 * math.Log2E,
		0x1.8p52,
		-2,
		6.93147180369123816490e-01, // ln 2, high part (math.Exp's Ln2Hi)
		1.90821492927058770002e-10, // ln 2, low part
		1,
		math.Float64frombits(1023),
	}
	fact := 1.0
	coef := make([]float64, 13)
	for i := 0; i <= 12; i++ {
		if i > 0 {
			fact *= float64(i)
		}
		coef[12-i] = 1 / fact
	}
	c = append(c, coef...)
	tab := make([]float64, 4*len(c))
	for i, v := range c {
		for l := 0; l < 4; l++ {
			tab[4*i+l] = v
		}
	}
	return tab
}()
