package stats

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

var benchSizes = []int{100, 1600, 20000}

func benchSamples(n int) (x, y []float64) {
	rng := rand.New(rand.NewPCG(1, 2))
	x = make([]float64, n)
	y = make([]float64, n+n/3)
	for i := range x {
		x[i] = float64(int(rng.NormFloat64()*15 + 30)) // integer-valued, with ties
	}
	for i := range y {
		y[i] = float64(int(rng.NormFloat64()*15 + 33))
	}
	return x, y
}

// benchOnSamples times run on benchSamples(n) for each size n, as the
// sub-benchmark "<n>".
func benchOnSamples(b *testing.B, sizes []int, run func(x, y []float64)) {
	for _, n := range sizes {
		x, y := benchSamples(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				run(x, y)
			}
		})
	}
}

func BenchmarkMannWhitneyU(b *testing.B) {
	benchOnSamples(b, benchSizes, func(x, y []float64) { _, _ = MannWhitneyU(x, y, TwoSided, MWUAuto, true) })
}

func BenchmarkMannWhitneyUExact(b *testing.B) {
	for _, n := range []int{100, 1600, 20000} {
		rng := rand.New(rand.NewPCG(3, 4))
		x := make([]float64, 8)
		y := make([]float64, n)
		for i := range x {
			x[i] = rng.Float64()
		}
		for i := range y {
			y[i] = rng.Float64()
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				_, _ = MannWhitneyU(x, y, TwoSided, MWUExact, true)
			}
		})
	}
}

func BenchmarkKS2(b *testing.B) {
	benchOnSamples(b, benchSizes, func(x, y []float64) { _, _ = KS2(x, y, TwoSided) })
}

func BenchmarkKendall(b *testing.B) {
	benchOnSamples(b, benchSizes, func(x, y []float64) { _, _ = Kendall(x, y[:len(x)], TwoSided) })
}

func BenchmarkKruskalWallis(b *testing.B) {
	benchOnSamples(b, benchSizes, func(x, y []float64) { _, _ = KruskalWallis(x, y, x[:len(x)/2]) })
}

func BenchmarkShapiroWilk(b *testing.B) {
	benchOnSamples(b, []int{100, 1600, 5000}, func(x, y []float64) { _, _ = ShapiroWilk(x) })
}

func BenchmarkBootstrapBCaMedian(b *testing.B) {
	benchOnSamples(b, []int{100, 1600}, func(x, y []float64) { _, _ = Bootstrap{Method: BCa, Resamples: 9999, Seed: 1}.Interval(x, median) })
}

func BenchmarkBootstrapRankBiserial(b *testing.B) {
	benchOnSamples(b, []int{100, 1600}, func(x, y []float64) {
		_, _ = Bootstrap{Method: Percentile, Resamples: 999, Seed: 1}.Interval2(x, y, RankBiserial)
	})
}

func BenchmarkPermutationMean(b *testing.B) {
	benchOnSamples(b, []int{100, 1600}, func(x, y []float64) { _, _ = Permutation{Resamples: 9999, Seed: 1}.Test(x, y) })
}
