package cluster

import "golang.org/x/sys/cpu"

//go:noescape
func ballMask4AVX(xt, qb, nx *float64, rows, d, stride int, thr *float64, hi, lo *uint8)

// ballHasAVX2FMA reports whether the processor and operating system support
// the AVX2 and FMA instructions of the screening kernel.
var ballHasAVX2FMA = cpu.X86.HasAVX2 && cpu.X86.HasFMA

// ballMask4 screens rows of a tile against four queries, as ballMask4Go.
func ballMask4(xt, qb, nx []float64, rows, d, stride int, thr []float64, hi, lo []uint8) {
	if ballHasAVX2FMA && d > 0 {
		_ = xt[(d-1)*stride+rows-1]
		_ = qb[16*d-1]
		_ = nx[rows-1]
		_ = thr[7]
		_ = hi[rows/2-1]
		_ = lo[rows/2-1]
		ballMask4AVX(&xt[0], &qb[0], &nx[0], rows, d, stride, &thr[0], &hi[0], &lo[0])
		return
	}
	ballMask4Go(xt, qb, nx, rows, d, stride, thr, hi, lo)
}
