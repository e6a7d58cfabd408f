package knn

import "github.com/songcohorts/cohorts/songs/internal/parallel"

// tileDist4Go is the portable form of the tile kernel: for the four queries
// broadcast in qb (qb[(4j+a)*4] holds coordinate j of query a) and the rows of
// the column-major tile xt, out[a*dataTile+r] = nx[r] - 2 q_a.x_r, and
// hits[r/8] is nonzero when a value of rows r..r+7 is at most thr[a].
func tileDist4Go(xt, qb, nx, out []float64, rows, d, stride int, thr []float64, hits []uint8) {
	for r := 0; r < rows; r++ {
		if r%8 == 0 {
			hits[r/8] = 0
		}
		var s0, s1, s2, s3 float64
		for j := 0; j < d; j++ {
			v := xt[j*stride+r]
			q := qb[16*j : 16*j+16]
			s0 += v * q[0]
			s1 += v * q[4]
			s2 += v * q[8]
			s3 += v * q[12]
		}
		out[r] = nx[r] - 2*s0
		out[dataTile+r] = nx[r] - 2*s1
		out[2*dataTile+r] = nx[r] - 2*s2
		out[3*dataTile+r] = nx[r] - 2*s3
		for a := 0; a < 4; a++ {
			if out[a*dataTile+r] <= thr[a] {
				hits[r/8] = 1
			}
		}
	}
}

// tiles is x cut into tiles of dataTile rows, each stored column-major with
// its rows padded to dataTile with zeros, with the rows' squared norms.
type tiles struct {
	n, d  int
	data  []float64 // tile t, column j, row r at (t*d+j)*dataTile + r
	norms []float64 // tile t, row r at t*dataTile + r
	maxNx []float64 // largest squared norm in each tile
}

func newTiles(x []float64, n, d int) *tiles {
	nt := (n + dataTile - 1) / dataTile
	t := &tiles{n: n, d: d,
		data:  make([]float64, nt*d*dataTile),
		norms: make([]float64, nt*dataTile),
		maxNx: make([]float64, nt),
	}
	parallel.For(nt, nt, func(b, _, _ int) {
		lo, hi := b*dataTile, min((b+1)*dataTile, n)
		base := b * d * dataTile
		var mx float64
		for i := lo; i < hi; i++ {
			r := i - lo
			var s float64
			for j, v := range x[i*d : i*d+d] {
				t.data[base+j*dataTile+r] = v
				s += v * v
			}
			t.norms[b*dataTile+r] = s
			mx = max(mx, s)
		}
		t.maxNx[b] = mx
	})
	return t
}
