//go:build !noasm

package embed

import (
	"math"
	"testing"
)

// TestRepulseKernelBits checks the AVX2/FMA kernel against the portable
// one, repulse4Go, bit for bit.
func TestRepulseKernelBits(t *testing.T) {
	if !useAVX2FMA {
		t.Skip("the processor lacks AVX2 or FMA: repulse4 is repulse4Go")
	}
	for _, n := range []int{4, 8, 64, 300} {
		xs, ys, cs := randomList(n, uint64(n))
		gx, gy, gz := repulse4(0.3, -1.2, xs, ys, cs)
		wx, wy, wz := repulse4Go(0.3, -1.2, xs, ys, cs)
		for _, p := range [][2]float64{{gx, wx}, {gy, wy}, {gz, wz}} {
			if math.Float64bits(p[0]) != math.Float64bits(p[1]) {
				t.Fatalf("n=%d: kernel %v, portable %v", n, p[0], p[1])
			}
		}
	}
}
