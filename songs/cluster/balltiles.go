package cluster

import (
	"math"
	"math/bits"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/neighbors"
)

// ballTile is the number of rows in a tile of ballTiles (a multiple of 8).
const ballTile = 512

// ballTiles holds rows for blocked brute-force radius queries: the rows in
// kd-tree order, so that a tile of ballTile consecutive rows is spatially
// compact, each tile stored column-major for the screening kernel with its
// squared norms, bounding box and row sum.
//
// A query compares |q|² + |x|² − 2q·x with r² in the kernel (the form of
// scikit-learn's brute-force neighbour searches); rows within a rounding
// bound of the boundary are decided by the exact sum of squared differences,
// so the outcome is that of the direct test Σ(q−x)² <= r².
type ballTiles struct {
	n, d, nt int
	perm     []int     // position → original row
	rows     []float64 // row-major, in position order
	cols     []float64 // tile t, column j, row r at (t*d+j)*ballTile + r
	norms    []float64 // tile t, row r at t*ballTile + r; +Inf for padding
	maxNx    []float64 // largest squared norm of each tile
	lo, hi   []float64 // bounding box of tile t at t*d .. t*d+d
	sums     []float64 // row sum of tile t at t*d .. t*d+d
}

// newBallTiles lays out the n×d row-major data.
func newBallTiles(data []float64, n, d int) *ballTiles {
	tree := neighbors.New(mat.NewDense(n, d, data), 0)
	nt := (n + ballTile - 1) / ballTile
	t := &ballTiles{n: n, d: d, nt: nt,
		perm:  make([]int, n),
		rows:  make([]float64, n*d),
		cols:  make([]float64, nt*d*ballTile),
		norms: make([]float64, nt*ballTile),
		maxNx: make([]float64, nt),
		lo:    make([]float64, nt*d),
		hi:    make([]float64, nt*d),
		sums:  make([]float64, nt*d),
	}
	for p := range t.perm {
		i := tree.Row(p)
		t.perm[p] = i
		copy(t.rows[p*d:(p+1)*d], data[i*d:(i+1)*d])
	}
	for i := range t.norms {
		t.norms[i] = math.Inf(1)
	}
	for k := 0; k < nt; k++ {
		lo, hi, sum := t.lo[k*d:(k+1)*d], t.hi[k*d:(k+1)*d], t.sums[k*d:(k+1)*d]
		copy(lo, t.rows[k*ballTile*d:])
		copy(hi, lo)
		for p := k * ballTile; p < min((k+1)*ballTile, n); p++ {
			r := p - k*ballTile
			var s float64
			for j, v := range t.rows[p*d : (p+1)*d] {
				t.cols[(k*d+j)*ballTile+r] = v
				s += v * v
				lo[j] = min(lo[j], v)
				hi[j] = max(hi[j], v)
				sum[j] += v
			}
			t.norms[k*ballTile+r] = s
			t.maxNx[k] = max(t.maxNx[k], s)
		}
	}
	return t
}

// tileRows returns the positions [lo, hi) of the rows of tile k.
func (t *ballTiles) tileRows(k int) (lo, hi int) {
	return k * ballTile, min((k+1)*ballTile, t.n)
}

// row returns the row at position p.
func (t *ballTiles) row(p int) []float64 { return t.rows[p*t.d : (p+1)*t.d] }

// boxDist2 returns the smallest and largest squared distances from q to the
// bounding box of tile k. Rounding keeps them a lower and an upper bound of
// the squared distance to every row of the tile as densitySqDist computes
// it.
func (t *ballTiles) boxDist2(k int, q []float64) (near, far float64) {
	lo, hi := t.lo[k*t.d:(k+1)*t.d], t.hi[k*t.d:(k+1)*t.d]
	for j, v := range q {
		a, b := lo[j]-v, v-hi[j]
		g := max(a, b, 0)
		near += g * g
		f := max(-a, -b)
		far += f * f
	}
	return near, far
}

// ballGroup screens up to four queries at a time against tiles.
type ballGroup struct {
	t    *ballTiles
	r2   float64
	q    [4][]float64
	nq   [4]float64
	qb   []float64
	thr  [8]float64
	hi   []uint8
	lo   []uint8
	mask [4][ballTile / 8]uint8 // rows of the last screened tile within r
}

func newBallGroup(t *ballTiles, r2 float64) *ballGroup {
	return &ballGroup{t: t, r2: r2, qb: make([]float64, 16*t.d), hi: make([]uint8, ballTile/2), lo: make([]uint8, ballTile/2)}
}

// set makes qs the group's queries (nil for unused lanes).
func (g *ballGroup) set(qs [4][]float64) {
	g.q = qs
	for a, q := range qs {
		g.nq[a] = 0
		for j, v := range q {
			g.nq[a] += v * v
			for c := 0; c < 4; c++ {
				g.qb[(4*j+a)*4+c] = v
			}
		}
	}
}

// screen finds the rows of tile k within r of the queries of the lanes
// with active set, leaving them in g.mask (bit r%8 of mask[a][r/8]), and
// returns how many it found for each lane.
func (g *ballGroup) screen(k int, active [4]bool) (count [4]int) {
	t := g.t
	for a := 0; a < 4; a++ {
		g.thr[a], g.thr[4+a] = math.Inf(-1), math.Inf(-1)
		if active[a] {
			sl := (1e-12 + 1e-15*float64(t.d)) * (g.nq[a] + t.maxNx[k])
			g.thr[a] = g.r2 - g.nq[a] + sl
			g.thr[4+a] = g.r2 - g.nq[a] - sl
		}
	}
	plo, phi := t.tileRows(k)
	chunks := (phi - plo + 7) / 8
	ballMask4(t.cols[k*t.d*ballTile:(k+1)*t.d*ballTile], g.qb, t.norms[k*ballTile:(k+1)*ballTile], 8*chunks, t.d, ballTile, g.thr[:], g.hi, g.lo)
	for a := 0; a < 4; a++ {
		if !active[a] {
			continue
		}
		m := &g.mask[a]
		for c := 0; c < chunks; c++ {
			h, l := g.hi[4*c+a], g.lo[4*c+a]
			for band := h &^ l; band != 0; band &= band - 1 {
				b := bits.TrailingZeros8(band)
				if densitySqDist(g.q[a], t.row(plo+8*c+b)) <= g.r2 {
					l |= 1 << b
				}
			}
			m[c] = l
			count[a] += bits.OnesCount8(l)
		}
	}
	return count
}

// bitsTrailing8 returns the index of the lowest set bit of m.
func bitsTrailing8(m uint8) int { return bits.TrailingZeros8(m) }
