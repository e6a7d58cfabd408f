package cluster

import "testing"

// BenchmarkDistKernels compares the one-at-a-time and four-at-a-time
// squared-distance kernels for 11 features and 8 centres.
func BenchmarkDistKernels(b *testing.B) {
	const d, k = 11, 8
	rng := kmRand(1)
	x := make([]float64, 1024*d)
	c := make([]float64, k*d)
	for i := range x {
		x[i] = rng.NormFloat64()
	}
	for i := range c {
		c[i] = rng.NormFloat64()
	}
	out := make([]float64, k)
	b.Run("single", func(b *testing.B) {
		for it := 0; it < b.N; it++ {
			for i := 0; i < 1024; i++ {
				xi := x[i*d : (i+1)*d]
				for j := 0; j < k; j++ {
					out[j] = kmSqDist(xi, c[j*d:(j+1)*d])
				}
			}
		}
	})
	b.Run("four", func(b *testing.B) {
		for it := 0; it < b.N; it++ {
			for i := 0; i < 1024; i++ {
				kmDistsTo(x[i*d:(i+1)*d], c, out)
			}
		}
	})
}
