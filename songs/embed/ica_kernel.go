package embed

import "math"

// icaContrast evaluates a FastICA contrast function.
type icaContrast struct {
	fun   ICAFunction
	alpha float64
}

// apply replaces each u in y by g(u) and returns the sum of g'(u), as
// scikit-learn's _logcosh, _exp and _cube. For logcosh the samples go
// eight at a time through tanh8 (the derivative summed as
// alpha (m - Σ tanh²)), the rest through math.Tanh.
func (c icaContrast) apply(y []float64) float64 {
	d := 0.0
	switch c.fun {
	case ICALogCosh:
		a := c.alpha
		if m8 := len(y) &^ 7; m8 > 0 {
			var sq [4]float64
			tanh8(y[:m8], a, &sq)
			d = float64(a * (float64(m8) - (sq[0] + sq[1] + sq[2] + sq[3])))
			y = y[m8:]
		}
		for i, u := range y {
			t := math.Tanh(a * u)
			y[i] = t
			d += float64(a * (1 - float64(t*t)))
		}
	case ICAExp:
		for i, u := range y {
			u2 := u * u
			e := math.Exp(-u2 / 2)
			y[i] = u * e
			d += float64((1 - u2) * e)
		}
	case ICACube:
		for i, u := range y {
			u2 := u * u
			y[i] = u2 * u
			d += float64(3 * u2)
		}
	}
	return d
}

// icaProject sets y[i*ys+t] = Σ_j w[i*k+j] x[j*xs+s0+t] for i < r, t < m:
// the samples in multiples of 32 through projRow, the rest one product
// at a time.
func icaProject(y []float64, ys int, w []float64, r, k int, x []float64, xs, s0, m int) {
	m32 := m &^ 31
	if m32 > 0 {
		for i := 0; i < r; i++ {
			projRow(y[i*ys:i*ys+m32], x[s0:], w[i*k:(i+1)*k], xs)
		}
	}
	for i := 0; i < r; i++ {
		yi := y[i*ys+m32 : i*ys+m]
		clear(yi)
		for j := 0; j < k; j++ {
			wij := w[i*k+j]
			xj := x[j*xs+s0+m32 : j*xs+s0+m]
			for t, v := range xj {
				yi[t] += float64(wij * v)
			}
		}
	}
}

// icaGram adds Σ_t y[i*ys+t] x[j*xs+s0+t] to g[i*k+j] for i < r, j < k.
// With at least four columns, the samples in multiples of 8 go four
// columns at a time through gram4, each sum in eight partial sums added
// as gram4 says and then in lane order; the rest, and everything when
// k < 4, one product at a time.
func icaGram(g []float64, y []float64, ys, r, k int, x []float64, xs, s0, m int) {
	m8 := m &^ 7
	if k < 4 {
		m8 = 0
	}
	if m8 > 0 {
		var out [16]float64
		for i := 0; i < r; i++ {
			for j0 := 0; j0 < k; j0 += 4 {
				jj := min(j0, k-4)
				gram4(&out, y[i*ys:i*ys+m8], x[jj*xs+s0:], xs)
				for a := 0; a < 4; a++ {
					if j := jj + a; j >= j0 {
						g[i*k+j] += out[4*a] + out[4*a+1] + out[4*a+2] + out[4*a+3]
					}
				}
			}
		}
	}
	for i := 0; i < r; i++ {
		yi := y[i*ys+m8 : i*ys+m]
		for j := 0; j < k; j++ {
			xj := x[j*xs+s0+m8 : j*xs+s0+m]
			s := 0.0
			for t, v := range yi {
				s += float64(v * xj[t])
			}
			g[i*k+j] += s
		}
	}
}

// projRowGo is the portable form of the projection kernel, and the code
// that runs where the assembly cannot: y[t] = Σ_{j<k} w[j] x[j*xs+t] for
// t < len(y), with k = len(w), the sum in increasing j by fused
// multiply-adds from zero (math.FMA: one rounding each, on every
// platform).
func projRowGo(y, x, w []float64, xs int) {
	clear(y)
	for j, wj := range w {
		xj := x[j*xs : j*xs+len(y)]
		for t, v := range xj {
			y[t] = math.FMA(wj, v, y[t])
		}
	}
}

// gram4Go is the portable form of the cross-product kernel: for the four
// columns a < 4 of x (column a at x[a*xs:]) and the m = len(y) samples (a
// multiple of 8), out[4a+l] = S[l] + S[l+4], where S[i] is the sum over
// the samples t ≡ i (mod 8), in increasing t, of y[t] x[a*xs+t] by fused
// multiply-adds from zero.
func gram4Go(out *[16]float64, y, x []float64, xs int) {
	m := len(y)
	for a := 0; a < 4; a++ {
		xa := x[a*xs : a*xs+m]
		var s [8]float64
		for t0 := 0; t0 < m; t0 += 8 {
			for i := range s {
				s[i] = math.FMA(y[t0+i], xa[t0+i], s[i])
			}
		}
		for l := 0; l < 4; l++ {
			out[4*a+l] = s[l] + s[l+4]
		}
	}
}

// The constants of tanh8: exp(-2|u|) = 2^k exp(r) with k the nearest
// integer to -2|u| log2(e), found by adding and subtracting tanhMagic, and
// r = -2|u| - k ln2 in Cody and Waite's two parts (math.Exp's), exp(r) by
// Taylor's series to degree 12 (coefficients 1/12!, ..., 1/0!).
const (
	tanhClamp = 20 // tanh(±20) is ±1 in float64
	tanhMagic = 0x1.8p52
	tanhLn2Hi = 6.93147180369123816490e-01
	tanhLn2Lo = 1.90821492927058770002e-10
)

var tanhTaylor = func() [13]float64 {
	var c [13]float64
	fact := 1.0
	for i := 0; i <= 12; i++ {
		if i > 0 {
			fact *= float64(i)
		}
		c[12-i] = 1 / fact
	}
	return c
}()

// tanh8Go is the portable form of the tanh kernel: for len(y) a multiple
// of 8, y[t] = tanh(alpha y[t]) as
//
//	tanh(u) = sign(u) (1 - e) / (1 + e),  e = exp(-2 min(|u|, 20)),
//
// with exp evaluated as the constants above say, fused multiply-adds where
// the assembly fuses (the reduction and Horner's steps) and every other
// product rounded; and sq[l] = S[l] + S[l+4], S[i] the sum over t ≡ i
// (mod 8) of the new y[t]², by fused multiply-adds.
func tanh8Go(y []float64, alpha float64, sq *[4]float64) {
	const sign = 1 << 63
	var s [8]float64
	for t0 := 0; t0 < len(y); t0 += 8 {
		for i := range s {
			u := alpha * y[t0+i]
			a := math.Abs(u)
			if !(a < tanhClamp) {
				a = tanhClamp // the assembly's minimum: the clamp also for NaN
			}
			kb := float64(a*(-2*math.Log2E)) + tanhMagic
			k := kb - tanhMagic
			r := a * -2
			r = math.FMA(-k, tanhLn2Hi, r)
			r = math.FMA(-k, tanhLn2Lo, r)
			p := tanhTaylor[0]
			for _, c := range tanhTaylor[1:] {
				p = math.FMA(r, p, c)
			}
			e := p * math.Float64frombits((math.Float64bits(kb)+1023)<<52)
			th := (1 - e) / (1 + e)
			th = math.Float64frombits(math.Float64bits(th) | math.Float64bits(u)&sign)
			y[t0+i] = th
			s[i] = math.FMA(th, th, s[i])
		}
	}
	for l := 0; l < 4; l++ {
		sq[l] = s[l] + s[l+4]
	}
}
