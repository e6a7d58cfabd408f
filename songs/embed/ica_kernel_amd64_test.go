//go:build !noasm

package embed

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/songcohorts/cohorts/songs/internal/blobtest"
)

// TestICAKernelBits checks the AVX2/FMA kernels against the portable ones
// (projRowGo, gram4Go, tanh8Go) bit for bit.
func TestICAKernelBits(t *testing.T) {
	if !useAVX2FMA {
		t.Skip("the processor lacks AVX2 or FMA: the kernels are the portable ones")
	}
	rng := rand.New(rand.NewPCG(1, 3))
	const k, xs = 11, 300
	x := blobtest.Normal(rng, k*xs, 2)
	w := blobtest.Normal(rng, k, 1)
	same := func(name string, got, want []float64) {
		t.Helper()
		for i := range want {
			if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
				t.Fatalf("%s[%d] = %v, portable %v", name, i, got[i], want[i])
			}
		}
	}
	for _, m := range []int{32, 64, 256} {
		got, want := make([]float64, m), make([]float64, m)
		projRow(got, x[5:], w, xs)
		projRowGo(want, x[5:], w, xs)
		same("projRow", got, want)
	}
	for _, m := range []int{8, 16, 256} {
		var got, want [16]float64
		y := x[7*xs : 7*xs+m]
		gram4(&got, y, x[3:], xs)
		gram4Go(&want, y, x[3:], xs)
		same("gram4", got[:], want[:])
	}
	u := []float64{0, math.Copysign(0, -1), 1e-300, -1e-9, 0.01, -0.3, 0.5, 1, -2.5, 7, 19.9, -20.1, 40, -1e300, math.NaN(), math.Inf(1)}
	for len(u)%8 != 0 || len(u) < 64 {
		u = append(u, rng.NormFloat64()*3)
	}
	for _, alpha := range []float64{1, 1.5} {
		got, want := append([]float64(nil), u...), append([]float64(nil), u...)
		var gsq, wsq [4]float64
		tanh8(got, alpha, &gsq)
		tanh8Go(want, alpha, &wsq)
		same("tanh8", got, want)
		same("tanh8 squares", gsq[:], wsq[:])
	}
}
