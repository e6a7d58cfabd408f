package embed

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func BenchmarkUMAP(b *testing.B) {
	benchFit(b, "", []int{1600, 20000, 100000}, func(x *mat.Dense) error { return NewUMAP(0).Fit(x) })
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

// BenchmarkRepelKernel times the repulsive moves of batches of four
// negative samples at distances like those of a layout, by the kernel as
// dispatched on this machine and build (falling back to the portable code
// when it declines) and by the portable code.
func BenchmarkRepelKernel(b *testing.B) {
	const a, bb, repel, alpha = 1.58, 0.9, 1.8, 0.5
	rng := rand.New(rand.NewPCG(3, 3))
	batches := make([]repelBatch, 256)
	for i := range batches {
		for q := 0; q < 4; q++ {
			dx, dy := 3*rng.NormFloat64(), 3*rng.NormFloat64()
			batches[i].dx[q], batches[i].dy[q], batches[i].d2[q] = dx, dy, dx*dx+dy*dy
		}
	}
	b.Run("dispatch", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			bt := &batches[i%len(batches)]
			if !repel4(bt, bb, a, repel, alpha) {
				bt.repelTermsGo(4, a, bb, repel, alpha)
			}
		}
	})
	b.Run("portable", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			batches[i%len(batches)].repelTermsGo(4, a, bb, repel, alpha)
		}
	})
}
