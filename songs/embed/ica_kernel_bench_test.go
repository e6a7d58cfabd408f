package embed

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkICAKernels times the per-panel work of one FastICA iteration
// with 11 components (projection, contrast, Gram sums), reported per
// sample.
func BenchmarkICAKernels(b *testing.B) {
	const k = 11
	rng := rand.New(rand.NewPCG(2, 2))
	panel := make([]float64, k*icaPanelStride)
	for i := range panel {
		panel[i] = rng.NormFloat64()
	}
	w := make([]float64, k*k)
	for i := range w {
		w[i] = rng.NormFloat64() / 3
	}
	y := make([]float64, k*icaChunk)
	g := make([]float64, k*k)
	c := icaContrast{fun: ICALogCosh, alpha: 1}
	perSample := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*icaChunk), "ns/sample")
	}
	b.Run("project", func(b *testing.B) {
		for it := 0; it < b.N; it++ {
			icaProject(y, icaChunk, w, k, k, panel, icaPanelStride, 0, icaChunk)
		}
		perSample(b)
	})
	b.Run("logcosh", func(b *testing.B) {
		icaProject(y, icaChunk, w, k, k, panel, icaPanelStride, 0, icaChunk)
		src := append([]float64(nil), y...)
		for it := 0; it < b.N; it++ {
			copy(y, src)
			for i := 0; i < k; i++ {
				c.apply(y[i*icaChunk : (i+1)*icaChunk])
			}
		}
		perSample(b)
	})
	b.Run("gram", func(b *testing.B) {
		for it := 0; it < b.N; it++ {
			icaGram(g, y, icaChunk, k, k, panel, icaPanelStride, 0, icaChunk)
		}
		perSample(b)
	})
}
