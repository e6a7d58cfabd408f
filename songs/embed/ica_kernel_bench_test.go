package embed

import (
	"math/rand/v2"
	"testing"

	"github.com/songcohorts/cohorts/songs/internal/blobtest"
)

// BenchmarkICAKernels times the kernels of one FastICA panel with 11
// components (projection, tanh, Gram sums) as dispatched on this machine
// and build, and their portable forms, reported per sample.
func BenchmarkICAKernels(b *testing.B) {
	const k = 11
	rng := rand.New(rand.NewPCG(2, 2))
	panel := blobtest.Normal(rng, k*icaPanelStride, 1)
	w := make([]float64, k)
	for i := range w {
		w[i] = rng.NormFloat64() / 3
	}
	y := make([]float64, icaChunk)
	projRowGo(y, panel, w, icaPanelStride)
	src := append([]float64(nil), y...)
	var out [16]float64
	var sq [4]float64
	perSample := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*icaChunk), "ns/sample")
	}
	for _, c := range []struct {
		name string
		run  func()
	}{
		{"project/dispatch", func() { projRow(y, panel, w, icaPanelStride) }},
		{"project/portable", func() { projRowGo(y, panel, w, icaPanelStride) }},
		{"tanh/dispatch", func() { copy(y, src); tanh8(y, 1, &sq) }},
		{"tanh/portable", func() { copy(y, src); tanh8Go(y, 1, &sq) }},
		{"gram/dispatch", func() { gram4(&out, src, panel, icaPanelStride) }},
		{"gram/portable", func() { gram4Go(&out, src, panel, icaPanelStride) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			for it := 0; it < b.N; it++ {
				c.run()
			}
			perSample(b)
		})
	}
}
