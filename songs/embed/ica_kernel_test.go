package embed

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/songcohorts/cohorts/songs/internal/blobtest"
)

// stridedDot returns the sum over l < n of a[l*as] * b[l*bs], in that
// order.
func stridedDot(a []float64, as int, b []float64, bs, n int) float64 {
	s := 0.0
	for l := 0; l < n; l++ {
		s += a[l*as] * b[l*bs]
	}
	return s
}

// sameAsDefinition fails t at the first (i, j) of an r x c result where
// got(i, j) is not within tol (absolute or relative) of want(i, j).
func sameAsDefinition(t *testing.T, name string, r, c int, tol float64, got, want func(i, j int) float64) {
	t.Helper()
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			if g, w := got(i, j), want(i, j); !scalar.EqualWithinAbsOrRel(g, w, tol, tol) {
				t.Fatalf("%s[%d,%d] = %g, want %g", name, i, j, g, w)
			}
		}
	}
}

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
		// project[i, tt] = sum_j w[i, j] x[j, s0+tt]
		sameAsDefinition(t, fmt.Sprintf("m=%d: project", m), 3, m, 1e-13,
			func(i, tt int) float64 { return y[i*xs+tt] },
			func(i, tt int) float64 { return stridedDot(w[i*k:], 1, x[s0+tt:], xs, k) })
		g := make([]float64, 3*k)
		icaGram(g, y, xs, 3, k, x, xs, s0, m)
		// gram[i, j] = sum_tt project[i, tt] x[j, s0+tt]
		sameAsDefinition(t, fmt.Sprintf("m=%d: gram", m), 3, k, 1e-12,
			func(i, j int) float64 { return g[i*k+j] },
			func(i, j int) float64 { return stridedDot(y[i*xs:], 1, x[j*xs+s0:], 1, m) })
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
