package neighbors

import "math"

// values4 returns, for row r of the column-major tile xt (column j at
// xt[j*stride:]) and the four queries broadcast in qb (coordinate j of
// query a at qb[16j+4a]), the dot products q_a·x_r summed in increasing j
// from zero by fused multiply-adds (math.FMA: one rounding each, on every
// platform).
func values4(xt, qb []float64, r, d, stride int) (s0, s1, s2, s3 float64) {
	for j := 0; j < d; j++ {
		v := xt[j*stride+r]
		q := qb[16*j : 16*j+13]
		s0 = math.FMA(v, q[0], s0)
		s1 = math.FMA(v, q[4], s1)
		s2 = math.FMA(v, q[8], s2)
		s3 = math.FMA(v, q[12], s3)
	}
	return s0, s1, s2, s3
}

// tileDist4Go is the portable form of the k-NN tile kernel, and the code
// that runs where the assembly cannot. For the four queries in qb and the
// rows r < rows (a multiple of 8) of the tile xt, with squared norms nx,
// it sets
//
//	out[a*stride + r] = nx[r] - 2 q_a·x_r
//
// with q_a·x_r as values4 sums it, and in hits[r/8] bit r%4 when one of
// the four values of row r is <= thr[a] of its query a: a byte is
// nonzero when a row of its eight passed.
func tileDist4Go(xt, qb, nx, out []float64, rows, d, stride int, thr *[4]float64, hits []uint8) {
	for r := 0; r < rows; r++ {
		s0, s1, s2, s3 := values4(xt, qb, r, d, stride)
		if r%8 == 0 {
			hits[r/8] = 0
		}
		for a, s := range [4]float64{s0, s1, s2, s3} {
			e := nx[r] - (s + s)
			out[a*stride+r] = e
			if e <= thr[a] {
				hits[r/8] |= 1 << (r % 4)
			}
		}
	}
}

// tileMask4Go is the portable form of the two-threshold tile kernel: with
// e = nx[r] - 2 q_a·x_r as tileDist4Go computes it, bit r%8 of
// hi[4(r/8) + a] is set when e <= thr[a] and of lo[4(r/8) + a] when
// e <= thr[4+a]. The values are not stored.
func tileMask4Go(xt, qb, nx []float64, rows, d, stride int, thr *[8]float64, hi, lo []uint8) {
	for r := 0; r < rows; r++ {
		s0, s1, s2, s3 := values4(xt, qb, r, d, stride)
		c, bit := r/8, uint8(1)<<(r%8)
		if bit == 1 {
			clear(hi[4*c : 4*c+4])
			clear(lo[4*c : 4*c+4])
		}
		for a, s := range [4]float64{s0, s1, s2, s3} {
			e := nx[r] - (s + s)
			if e <= thr[a] {
				hi[4*c+a] |= bit
			}
			if e <= thr[4+a] {
				lo[4*c+a] |= bit
			}
		}
	}
}
