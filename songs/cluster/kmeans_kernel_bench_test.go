package cluster

import (
	"fmt"
	"testing"
)

// BenchmarkDistKernels compares one scalar distance at a time with
// the distance kernel (assembly where available) for 11 features and k
// centres, over chunks of kmChunk rows.
func BenchmarkDistKernels(b *testing.B) {
	const d, rows = 11, kmChunk
	for _, k := range []int{3, 8, 40} {
		rng := kmRand(1)
		x := make([]float64, rows*d)
		c := make([]float64, k*d)
		for i := range x {
			x[i] = rng.NormFloat64()
		}
		for i := range c {
			c[i] = rng.NormFloat64()
		}
		kp := kmPad4(k)
		ct := kmTranspose(nil, c, k, d)
		out := make([]float64, rows*kp)
		b.Run(fmt.Sprintf("scalar/k=%d", k), func(b *testing.B) {
			for it := 0; it < b.N; it++ {
				for i := 0; i < rows; i++ {
					xi := x[i*d : (i+1)*d]
					o := out[i*kp : (i+1)*kp]
					for j := 0; j < k; j++ {
						o[j] = kmSqDist(xi, c[j*d:(j+1)*d])
					}
				}
			}
		})
		b.Run(fmt.Sprintf("kernel/k=%d", k), func(b *testing.B) {
			for it := 0; it < b.N; it++ {
				kmDists(x, rows, d, ct, kp, out)
			}
		})
		b.Run(fmt.Sprintf("portable/k=%d", k), func(b *testing.B) {
			for it := 0; it < b.N; it++ {
				kmDistsGo(x, rows, d, ct, kp, out)
			}
		})
	}
}
