//go:build !noasm

package neighbors

import "golang.org/x/sys/cpu"

// useAVXFMA reports whether the processor and operating system support the
// AVX and FMA instructions of the tile kernels; it is set once, at
// start-up.
var useAVXFMA = cpu.X86.HasAVX && cpu.X86.HasFMA

// tileAVX reports whether the AVX/FMA kernels take a tile of rows points
// in d dimensions, after checking that the transposed points xt, the four
// queries qb and the norms nx hold all a kernel reads (a Go panic instead
// of a read out of bounds).
func tileAVX(xt, qb, nx []float64, rows, d, stride int) bool {
	if !useAVXFMA || rows <= 0 || d <= 0 {
		return false
	}
	_ = xt[(d-1)*stride+rows-1]
	_ = qb[16*d-1]
	_ = nx[rows-1]
	return true
}

//go:noescape
func tileDist4AVX(xt, qb, nx, out *float64, rows, d, stride int, thr *[4]float64, hits *uint8)

// tileDist4 is tileDist4Go, by the AVX/FMA kernel where the processor has
// it, with the same bits.
func tileDist4(xt, qb, nx, out []float64, rows, d, stride int, thr *[4]float64, hits []uint8) {
	if !tileAVX(xt, qb, nx, rows, d, stride) {
		tileDist4Go(xt, qb, nx, out, rows, d, stride, thr, hits)
		return
	}
	_ = out[3*stride+rows-1]
	_ = hits[rows/8-1]
	tileDist4AVX(&xt[0], &qb[0], &nx[0], &out[0], rows, d, stride, thr, &hits[0])
}

//go:noescape
func tileMask4AVX(xt, qb, nx *float64, rows, d, stride int, thr *[8]float64, hi, lo *uint8)

// tileMask4 is tileMask4Go, by the AVX/FMA kernel where the processor has
// it, with the same bits.
func tileMask4(xt, qb, nx []float64, rows, d, stride int, thr *[8]float64, hi, lo []uint8) {
	if !tileAVX(xt, qb, nx, rows, d, stride) {
		tileMask4Go(xt, qb, nx, rows, d, stride, thr, hi, lo)
		return
	}
	_ = hi[rows/2-1]
	_ = lo[rows/2-1]
	tileMask4AVX(&xt[0], &qb[0], &nx[0], rows, d, stride, thr, &hi[0], &lo[0])
}
