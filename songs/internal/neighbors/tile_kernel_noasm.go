//go:build !amd64 || noasm

package neighbors

// tileDist4 is tileDist4Go: no assembly on this platform or build.
func tileDist4(xt, qb, nx, out []float64, rows, d, stride int, thr *[4]float64, hits []uint8) {
	tileDist4Go(xt, qb, nx, out, rows, d, stride, thr, hits)
}

// tileMask4 is tileMask4Go: no assembly on this platform or build.
func tileMask4(xt, qb, nx []float64, rows, d, stride int, thr *[8]float64, hi, lo []uint8) {
	tileMask4Go(xt, qb, nx, rows, d, stride, thr, hi, lo)
}
