package embed

import (
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

func TestRepulseListKernel(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 3, 4, 7, 64, 301} {
		xs, ys, cs := make([]float64, n), make([]float64, n), make([]float64, n)
		for i := range xs {
			xs[i], ys[i], cs[i] = 10*rng.NormFloat64(), 10*rng.NormFloat64(), float64(1+rng.IntN(9))
		}
		// Reference: the portable loop.
		wx, wy, wz := repulseListGo(0.3, -1.2, xs, ys, cs)
		gx, gy, gz := repulseList(0.3, -1.2, xs, ys, cs)
		for _, p := range [][2]float64{{gx, wx}, {gy, wy}, {gz, wz}} {
			if !scalar.EqualWithinAbsOrRel(p[0], p[1], 1e-15, 1e-12) {
				t.Fatalf("n=%d: kernel %v, portable %v", n, p[0], p[1])
			}
		}
	}
}
