package chart

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

func BenchmarkHistogramBox(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		rng := rand.New(rand.NewPCG(1, uint64(n)))
		x := make([]float64, n)
		for i := range x {
			x[i] = rng.NormFloat64()
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := HistogramBox(x, Options{Title: "t", XLabel: "x"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkScatterClusters(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		rng := rand.New(rand.NewPCG(2, uint64(n)))
		x, y, l := make([]float64, n), make([]float64, n), make([]int, n)
		for i := range x {
			x[i], y[i], l[i] = rng.NormFloat64(), rng.NormFloat64(), rng.IntN(5)
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := ScatterClusters(x, y, l, nil, Options{Title: "t"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
