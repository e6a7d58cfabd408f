package embed

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/songcohorts/cohorts/songs/internal/blobtest"
)

// TestICAKernels checks the panel kernels, as dispatched on this machine
// and build, against their definitions on random data, over lengths that
// exercise the lanes and the tails: the projections and Gram sums to
// rounding (the lanes reorder the sums), tanh to 4.5e-16 of math.Tanh (a
// few units in the last place near 1).
func TestICAKernels(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	const k, xs = 11, 300
	x := blobtest.Normal(rng, k*xs, 2)
	w := blobtest.Normal(rng, 3*k, 1)
	for _, m := range []int{1, 7, 8, 31, 32, 33, 100, 263} {
		s0 := 5
		y := make([]float64, 3*xs)
		icaProject(y, xs, w, 3, k, x, xs, s0, m)
		for i := 0; i < 3; i++ {
			for tt := 0; tt < m; tt++ {
				want := 0.0
				for j := 0; j < k; j++ {
					want += w[i*k+j] * x[j*xs+s0+tt]
				}
				if !scalar.EqualWithinAbsOrRel(y[i*xs+tt], want, 1e-13, 1e-13) {
					t.Fatalf("m=%d: project[%d,%d] = %g, want %g", m, i, tt, y[i*xs+tt], want)
				}
			}
		}
		g := make([]float64, 3*k)
		icaGram(g, y, xs, 3, k, x, xs, s0, m)
		for i := 0; i < 3; i++ {
			for j := 0; j < k; j++ {
				want := 0.0
				for tt := 0; tt < m; tt++ {
					want += y[i*xs+tt] * x[j*xs+s0+tt]
				}
				if !scalar.EqualWithinAbsOrRel(g[i*k+j], want, 1e-12, 1e-12) {
					t.Fatalf("m=%d: gram[%d,%d] = %g, want %g", m, i, j, g[i*k+j], want)
				}
			}
		}
	}
	for _, alpha := range []float64{1, 1.5} {
		u := []float64{0, -0.0, 1e-300, -1e-9, 0.01, -0.3, 0.5, 1, -2.5, 7, 19.9, -20.1, 40, -1e300}
		for i := 0; i < 200; i++ {
			u = append(u, rng.NormFloat64()*3)
		}
		y := append([]float64(nil), u...)
		d := icaContrast{fun: ICALogCosh, alpha: alpha}.apply(y)
		wantD := 0.0
		for i, v := range u {
			want := math.Tanh(alpha * v)
			if math.Abs(y[i]-want) > 4.5e-16 || math.Signbit(y[i]) != math.Signbit(want) {
				t.Fatalf("tanh(%g) = %.17g, want %.17g", alpha*v, y[i], want)
			}
			wantD += alpha * (1 - want*want)
		}
		if !scalar.EqualWithinAbsOrRel(d, wantD, 1e-12, 1e-12) {
			t.Errorf("sum of derivatives %g, want %g", d, wantD)
		}
	}
}
