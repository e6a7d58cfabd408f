package knn

import "golang.org/x/sys/cpu"

//go:noescape
func tileDist4AVX(xt, qb, nx, out *float64, rows, d, stride int, thr *float64, hits *uint8)

// hasAVX2FMA reports whether the processor and operating system support the
// AVX2 and FMA instructions the tile kernel uses.
var hasAVX2FMA = cpu.X86.HasAVX2 && cpu.X86.HasFMA

// tileDist4 fills out[a*dataTile+r] = nx[r] - 2 q_a.x_r for the four queries
// broadcast in qb and the rows of the column-major tile xt (rows a multiple
// of 8, columns stride apart), and sets hits[r/8] nonzero when one of the
// values of rows r..r+7 is at most thr[a] of its query.
func tileDist4(xt, qb, nx, out []float64, rows, d, stride int, thr []float64, hits []uint8) {
	if hasAVX2FMA {
		_ = xt[(d-1)*stride+rows-1]
		_ = qb[16*d-1]
		_ = nx[rows-1]
		_ = out[3*dataTile+rows-1]
		_ = thr[3]
		_ = hits[rows/8-1]
		tileDist4AVX(&xt[0], &qb[0], &nx[0], &out[0], rows, d, stride, &thr[0], &hits[0])
		return
	}
	tileDist4Go(xt, qb, nx, out, rows, d, stride, thr, hits)
}
