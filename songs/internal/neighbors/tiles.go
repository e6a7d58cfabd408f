package neighbors

import (
	"math"

	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

// tiles holds n rows of d columns cut into tiles of size rows (a multiple
// of 8), each stored column-major for the tile kernel, with the rows'
// squared norms. Padding rows are zero with norm +Inf, so that no
// threshold lets them through.
type tiles struct {
	n, d, size, nt int
	cols           []float64 // tile t, column j, row r at (t*d+j)*size + r
	norms          []float64 // tile t, row r at t*size + r
	maxNx          []float64 // largest squared norm of each tile
}

// newTiles lays out the n×d row-major rows, in their order.
func newTiles(rows []float64, n, d, size int) *tiles {
	nt := (n + size - 1) / size
	t := &tiles{n: n, d: d, size: size, nt: nt,
		cols:  make([]float64, nt*d*size),
		norms: make([]float64, nt*size),
		maxNx: make([]float64, nt),
	}
	parallel.For(nt, nt, func(k, _, _ int) {
		base := k * d * size
		norms := t.norms[k*size : (k+1)*size]
		for r := range norms {
			norms[r] = math.Inf(1)
		}
		lo, hi := t.span(k)
		for p := lo; p < hi; p++ {
			r := p - lo
			row := rows[p*d : (p+1)*d]
			for j, v := range row {
				t.cols[base+j*size+r] = v
			}
			norms[r] = sqNorm(row)
			t.maxNx[k] = max(t.maxNx[k], norms[r])
		}
	})
	return t
}

// span returns the rows [lo, hi) of tile k.
func (t *tiles) span(k int) (lo, hi int) {
	return k * t.size, min((k+1)*t.size, t.n)
}

// padded returns the number of rows of tile k rounded up to 8, the rows the
// kernel handles.
func (t *tiles) padded(k int) int {
	lo, hi := t.span(k)
	return (hi - lo + 7) &^ 7
}

// screen4 holds up to four queries broadcast for the kernel, with their
// squared norms, and the kernel's output for one tile.
type screen4 struct {
	t    *tiles
	q    [4][]float64
	nq   [4]float64
	qb   []float64 // coordinate j of query a at qb[16j + 4a + c], c < 4
	out  []float64 // nx[r] - 2 q_a·x_r at out[a*size + r]
	hits []uint8   // hits[r/8] != 0: a value of rows r..r+7 is <= its threshold
}

func newScreen4(t *tiles) *screen4 {
	return &screen4{t: t, qb: make([]float64, 16*t.d), out: make([]float64, 4*t.size), hits: make([]uint8, t.size/8)}
}

// set makes qs the queries (nil for an unused lane).
func (s *screen4) set(qs [4][]float64) {
	s.q = qs
	for a, q := range qs {
		s.nq[a] = sqNorm(q)
		for j, v := range q {
			for c := 0; c < 4; c++ {
				s.qb[16*j+4*a+c] = v
			}
		}
	}
}

// run screens tile k: s.out and s.hits for the thresholds thr.
func (s *screen4) run(k int, thr *[4]float64) {
	t := s.t
	size := t.size
	tileDist4(t.cols[k*t.d*size:(k+1)*t.d*size], s.qb, t.norms[k*size:(k+1)*size], s.out, t.padded(k), t.d, size, thr, s.hits)
}
