package embed

import "math"

func icaCPUID(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)

func icaXGETBV() (eax, edx uint32)

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
var icaAVX512 = func() bool {
	if !icaAVX {
		return false
	}
	_, b7, _, _ := icaCPUID(7, 0)
	const f, dq = 1 << 16, 1 << 17
	if b7&f == 0 || b7&dq == 0 {
		return false
	}
	xcr0, _ := icaXGETBV()
	return xcr0&0xe6 == 0xe6
}()

// icaAVX reports whether the processor and operating system support the
// AVX2 and FMA instructions of the FastICA kernels.
var icaAVX = func() bool {
	maxID, _, _, _ := icaCPUID(0, 0)
	if maxID < 7 {
		return false
	}
	_, _, c1, _ := icaCPUID(1, 0)
	const fma, osxsave, avx = 1 << 12, 1 << 27, 1 << 28
	if c1&fma == 0 || c1&osxsave == 0 || c1&avx == 0 {
		return false
	}
	if xcr0, _ := icaXGETBV(); xcr0&6 != 6 {
		return false
	}
	_, b7, _, _ := icaCPUID(7, 0)
	return b7&(1<<5) != 0
}()

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
