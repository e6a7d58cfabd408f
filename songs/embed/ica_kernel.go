package embed

import "math"

// icaContrast evaluates a FastICA contrast function.
type icaContrast struct {
	fun   ICAFunction
	alpha float64
}

// apply replaces each u in y by g(u) and returns the sum of g'(u), as
// scikit-learn's _logcosh, _exp and _cube.
func (c icaContrast) apply(y []float64) float64 {
	d := 0.0
	switch c.fun {
	case ICALogCosh:
		a := c.alpha
		if icaAVX512 && len(y) >= 16 {
			m16 := len(y) &^ 15
			var sq [8]float64
			tanh512(&y[0], m16, a, &icaTanhTab[0], &sq[0])
			d = a * (float64(m16) - (sq[0] + sq[1] + sq[2] + sq[3] + sq[4] + sq[5] + sq[6] + sq[7]))
			y = y[m16:]
		}
		if hasAVX2 && len(y) >= 8 {
			m4 := len(y) &^ 7
			var sq [4]float64
			tanhAVX(&y[0], m4, a, &icaTanhTab[0], &sq[0])
			d += a * (float64(m4) - (sq[0] + sq[1] + sq[2] + sq[3]))
			y = y[m4:]
		}
		for i, u := range y {
			t := math.Tanh(a * u)
			y[i] = t
			d += a * (1 - t*t)
		}
	case ICAExp:
		for i, u := range y {
			u2 := u * u
			e := math.Exp(-u2 / 2)
			y[i] = u * e
			d += (1 - u2) * e
		}
	case ICACube:
		for i, u := range y {
			u2 := u * u
			y[i] = u2 * u
			d += 3 * u2
		}
	}
	return d
}

// icaProject sets y[i*ys+t] = Σ_j w[i*k+j] x[j*xs+s0+t] for i < r, t < m.
// With AVX2 and FMA the sum over j is fused multiply-adds in j order.
func icaProject(y []float64, ys int, w []float64, r, k int, x []float64, xs, s0, m int) {
	if hasAVX2 && m >= 32 {
		m32 := m &^ 31
		_ = x[(k-1)*xs+s0+m32-1]
		m64 := 0
		if icaAVX512 {
			m64 = m &^ 63
		}
		for i := 0; i < r; i++ {
			_ = y[i*ys+m32-1]
			_ = w[i*k+k-1]
			if m64 > 0 {
				projRow512(&y[i*ys], &x[s0], &w[i*k], k, xs, m64)
			}
			if m32 > m64 {
				projRowAVX(&y[i*ys+m64], &x[s0+m64], &w[i*k], k, xs, m32-m64)
			}
		}
		icaProjectGo(y[m32:], ys, w, r, k, x, xs, s0+m32, m-m32)
		return
	}
	icaProjectGo(y, ys, w, r, k, x, xs, s0, m)
}

// icaProjectGo is icaProject without assembly.
func icaProjectGo(y []float64, ys int, w []float64, r, k int, x []float64, xs, s0, m int) {
	for i := 0; i < r; i++ {
		yi := y[i*ys : i*ys+m]
		clear(yi)
		for j := 0; j < k; j++ {
			wij := w[i*k+j]
			xj := x[j*xs+s0 : j*xs+s0+m]
			for t, v := range xj {
				yi[t] += wij * v
			}
		}
	}
}

// icaGram adds Σ_t y[i*ys+t] x[j*xs+s0+t] to g[i*k+j] for i < r, j < k.
// With AVX2 and FMA each sum is accumulated in four lanes, added in lane
// order, and then the tail of fewer than 8 samples.
func icaGram(g []float64, y []float64, ys, r, k int, x []float64, xs, s0, m int) {
	if hasAVX2 && k >= 4 && m >= 8 {
		m8 := m &^ 7
		_ = x[(k-1)*xs+s0+m8-1]
		use512 := icaAVX512 && m >= 16
		if use512 {
			m8 = m &^ 15
		}
		var out [32]float64
		for i := 0; i < r; i++ {
			_ = y[i*ys+m8-1]
			for j0 := 0; j0 < k; j0 += 4 {
				jj := min(j0, k-4)
				if use512 {
					gram4512(&out[0], &y[i*ys], &x[jj*xs+s0], xs, m8)
					for a := 0; a < 4; a++ {
						if j := jj + a; j >= j0 {
							o := out[8*a : 8*a+8]
							g[i*k+j] += ((o[0] + o[1]) + (o[2] + o[3])) + ((o[4] + o[5]) + (o[6] + o[7]))
						}
					}
					continue
				}
				gram4AVX(&out[0], &y[i*ys], &x[jj*xs+s0], xs, m8)
				for a := 0; a < 4; a++ {
					if j := jj + a; j >= j0 {
						g[i*k+j] += out[4*a] + out[4*a+1] + out[4*a+2] + out[4*a+3]
					}
				}
			}
		}
		icaGramGo(g, y[m8:], ys, r, k, x, xs, s0+m8, m-m8)
		return
	}
	icaGramGo(g, y, ys, r, k, x, xs, s0, m)
}

// icaGramGo is icaGram without assembly.
func icaGramGo(g []float64, y []float64, ys, r, k int, x []float64, xs, s0, m int) {
	for i := 0; i < r; i++ {
		yi := y[i*ys : i*ys+m]
		for j := 0; j < k; j++ {
			xj := x[j*xs+s0 : j*xs+s0+m]
			s := 0.0
			for t, v := range yi {
				s += v * xj[t]
			}
			g[i*k+j] += s
		}
	}
}
