//go:build !amd64

package cluster

func ballMask4(xt, qb, nx []float64, rows, d, stride int, thr []float64, hi, lo []uint8) {
	ballMask4Go(xt, qb, nx, rows, d, stride, thr, hi, lo)
}
