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
func icaProject(y []float64, ys int, w []float64, r, k int, x []float64, xs, s0, m int) {
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
func icaGram(g []float64, y []float64, ys, r, k int, x []float64, xs, s0, m int) {
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
