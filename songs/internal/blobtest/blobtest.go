// Package blobtest draws the synthetic data of the numeric packages' tests
// and benchmarks: overlapping Gaussian blobs shaped like the project's
// bench catalogs.
package blobtest

import (
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// Blobs returns n rows in d columns drawn around 8 Gaussian centres in
// [-4, 4]^d with standard deviations in [1.5, 3], row i from centre i mod 8,
// shaped like the standardised audio features of the study. The same seed
// gives the same rows.
func Blobs(n, d int, seed uint64) *mat.Dense {
	rng := rand.New(rand.NewPCG(seed, 99))
	const k = 8
	centres := make([]float64, k*d)
	stds := make([]float64, k)
	for c := range stds {
		stds[c] = 1.5 + 1.5*rng.Float64()
		for j := 0; j < d; j++ {
			centres[c*d+j] = -4 + 8*rng.Float64()
		}
	}
	x := mat.NewDense(n, d, nil)
	for i := 0; i < n; i++ {
		c := i % k
		for j := 0; j < d; j++ {
			x.Set(i, j, centres[c*d+j]+stds[c]*rng.NormFloat64())
		}
	}
	return x
}

// Normal returns n draws of rng.NormFloat64() times scale, in draw order.
func Normal(rng *rand.Rand, n int, scale float64) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = rng.NormFloat64() * scale
	}
	return x
}
