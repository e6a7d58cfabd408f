//go:build !amd64

package knn

func tileDist4(xt, qb, nx, out []float64, rows, d, stride int, thr []float64, hits []uint8) {
	tileDist4Go(xt, qb, nx, out, rows, d, stride, thr, hits)
}
