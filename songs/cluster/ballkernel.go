package cluster

// ballMask4Go is the portable form of the screening kernel. For the four
// queries broadcast in qb (qb[(4j+a)*4] holds coordinate j of query a) and
// the rows of the column-major tile xt, it forms e = nx[r] − 2 q_a·x_r and
// sets bit r%8 of hi[4(r/8)+a] when e <= thr[a] and of lo[4(r/8)+a] when
// e <= thr[4+a]. rows is a multiple of 8.
func ballMask4Go(xt, qb, nx []float64, rows, d, stride int, thr []float64, hi, lo []uint8) {
	for r := 0; r < rows; r++ {
		c, bit := r/8, uint8(1)<<(r%8)
		if bit == 1 {
			clear(hi[4*c : 4*c+4])
			clear(lo[4*c : 4*c+4])
		}
		var s [4]float64
		for j := 0; j < d; j++ {
			v := xt[j*stride+r]
			q := qb[16*j : 16*j+16]
			s[0] += v * q[0]
			s[1] += v * q[4]
			s[2] += v * q[8]
			s[3] += v * q[12]
		}
		for a := 0; a < 4; a++ {
			e := nx[r] - 2*s[a]
			if e <= thr[a] {
				hi[4*c+a] |= bit
			}
			if e <= thr[4+a] {
				lo[4*c+a] |= bit
			}
		}
	}
}
