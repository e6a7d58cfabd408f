package embed

import (
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// randomList returns n interaction-list entries: positions around the
// origin and weights 1..9, as the quadtree's nodes and points.
func randomList(n int, seed uint64) (xs, ys, cs []float64) {
	rng := rand.New(rand.NewPCG(seed, 2))
	xs, ys, cs = make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range xs {
		xs[i], ys[i], cs[i] = 10*rng.NormFloat64(), 10*rng.NormFloat64(), float64(1+rng.IntN(9))
	}
	return xs, ys, cs
}

// TestRepulseListSums checks repulseList against the definition summed one
// entry at a time, to rounding: the lanes of repulse4 and the final
// additions reorder the sums.
func TestRepulseListSums(t *testing.T) {
	for _, n := range []int{0, 1, 3, 4, 7, 64, 301} {
		xs, ys, cs := randomList(n, uint64(n))
		const px, py = 0.3, -1.2
		var wx, wy, wz float64
		for e := range xs {
			dx, dy := px-xs[e], py-ys[e]
			q := 1 / (1 + dx*dx + dy*dy)
			wz += cs[e] * q
			wx += cs[e] * q * q * dx
			wy += cs[e] * q * q * dy
		}
		gx, gy, gz := repulseList(px, py, xs, ys, cs)
		for _, p := range [][2]float64{{gx, wx}, {gy, wy}, {gz, wz}} {
			if !scalar.EqualWithinAbsOrRel(p[0], p[1], 1e-15, 1e-12) {
				t.Fatalf("n=%d: repulseList %v, definition %v", n, p[0], p[1])
			}
		}
	}
}
