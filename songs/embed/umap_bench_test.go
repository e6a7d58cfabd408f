package embed

import (
	"fmt"
	"testing"
)

func BenchmarkUMAP(b *testing.B) {
	for _, n := range []int{1600, 20000, 100000} {
		x := manifoldBenchData(n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				u := NewUMAP(0)
				if err := u.Fit(x); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkUMAPGraph(b *testing.B) {
	for _, n := range []int{20000, 100000} {
		data, _, d := rowMajor(manifoldBenchData(n))
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				idx, dist := umapNeighbours(data, n, d, 15, 0)
				sigma, rho := smoothKNNDist(dist, n, 15, 1, 1)
				fuzzySimplicialSet(idx, dist, n, 15, sigma, rho, 1)
			}
		})
	}
}
