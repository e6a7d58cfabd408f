package embed

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// manifoldBenchData returns n standardised rows of 11 overlapping Gaussian
// blobs, drawn like the benchmark generator of the project (8 centres in
// [-4, 4]^11, standard deviations uniform in [1.5, 3]).
func manifoldBenchData(n int) *mat.Dense {
	const d, k = 11, 8
	rng := rand.New(rand.NewPCG(42, 11))
	centres := make([]float64, k*d)
	for i := range centres {
		centres[i] = -4 + 8*rng.Float64()
	}
	stds := make([]float64, k)
	for i := range stds {
		stds[i] = 1.5 + 1.5*rng.Float64()
	}
	x := mat.NewDense(n, d, nil)
	for i := 0; i < n; i++ {
		c := i % k
		for j := 0; j < d; j++ {
			x.Set(i, j, centres[c*d+j]+stds[c]*rng.NormFloat64())
		}
	}
	for j := 0; j < d; j++ {
		var m, s float64
		for i := 0; i < n; i++ {
			m += x.At(i, j)
		}
		m /= float64(n)
		for i := 0; i < n; i++ {
			s += (x.At(i, j) - m) * (x.At(i, j) - m)
		}
		sd := sqrtNonNeg(s / float64(n))
		for i := 0; i < n; i++ {
			x.Set(i, j, (x.At(i, j)-m)/sd)
		}
	}
	return x
}

// benchFit times fit, which fits a fresh model, on manifoldBenchData of
// each size, as the sub-benchmark prefix+"n=<size>".
func benchFit(b *testing.B, prefix string, sizes []int, fit func(x *mat.Dense) error) {
	for _, n := range sizes {
		x := manifoldBenchData(n)
		b.Run(fmt.Sprintf("%sn=%d", prefix, n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if err := fit(x); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkTSNE(b *testing.B) {
	benchFit(b, "barnes-hut/", []int{1600, 20000}, func(x *mat.Dense) error { return NewTSNE(0).Fit(x) })
}

func BenchmarkTSNEAffinities(b *testing.B) {
	for _, n := range []int{1600, 20000} {
		data, _, d := rowMajor(manifoldBenchData(n))
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				jointProbabilitiesNN(data, n, d, 30, 0)
			}
		})
	}
}
