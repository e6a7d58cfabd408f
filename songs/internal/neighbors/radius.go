package neighbors

import (
	"math"
	"math/bits"
)

// TileSize is the number of rows in a tile of Tiles: the rows at positions
// [k*TileSize, (k+1)*TileSize) form tile k.
const TileSize = 512

// Tiles holds rows for blocked brute-force radius queries: the rows in k-d
// tree order, so that a tile of consecutive rows is spatially compact, each
// tile with its bounding box and the sum of its rows. A tile wholly inside
// or outside a query's ball is settled by its box; the rows of the others
// are screened four queries at a time by a Group. Rows are addressed by
// their position p in that order; Orig(p) is the row's index in the input.
type Tiles struct {
	t      *tiles
	perm   []int     // position → original row
	rows   []float64 // row-major, in position order
	lo, hi []float64 // bounding box of tile k at k*d .. k*d+d
	sums   []float64 // row sum of tile k at k*d .. k*d+d
}

// NewTiles lays out the n×d row-major rows. It panics if there are no rows
// or no columns.
func NewTiles(data []float64, n, d int) *Tiles {
	if n == 0 || d == 0 {
		panic("neighbors: empty matrix")
	}
	tree := newTree(data, n, d)
	rows := make([]float64, n*d)
	for p, i := range tree.index {
		copy(rows[p*d:(p+1)*d], data[i*d:(i+1)*d])
	}
	t := newTiles(rows, n, d, TileSize)
	rt := &Tiles{t: t, perm: tree.index, rows: rows,
		lo: make([]float64, t.nt*d), hi: make([]float64, t.nt*d), sums: make([]float64, t.nt*d)}
	for k := 0; k < t.nt; k++ {
		lo, hi, sum := rt.lo[k*d:(k+1)*d], rt.hi[k*d:(k+1)*d], rt.sums[k*d:(k+1)*d]
		plo, phi := t.span(k)
		copy(lo, rt.Row(plo))
		copy(hi, lo)
		for p := plo; p < phi; p++ {
			for j, v := range rt.Row(p) {
				lo[j] = min(lo[j], v)
				hi[j] = max(hi[j], v)
				sum[j] += v
			}
		}
	}
	return rt
}

// Len returns the number of rows.
func (rt *Tiles) Len() int { return rt.t.n }

// Dim returns the number of columns.
func (rt *Tiles) Dim() int { return rt.t.d }

// NumTiles returns the number of tiles.
func (rt *Tiles) NumTiles() int { return rt.t.nt }

// TileRows returns the positions [lo, hi) of the rows of tile k.
func (rt *Tiles) TileRows(k int) (lo, hi int) { return rt.t.span(k) }

// Orig returns the input index of the row at position p.
func (rt *Tiles) Orig(p int) int { return rt.perm[p] }

// Row returns the row at position p. The slice aliases rt.
func (rt *Tiles) Row(p int) []float64 { d := rt.t.d; return rt.rows[p*d : (p+1)*d] }

// TileSum returns the sum of the rows of tile k, added in position order.
// The slice aliases rt.
func (rt *Tiles) TileSum(k int) []float64 { d := rt.t.d; return rt.sums[k*d : (k+1)*d] }

// TileWidth2 returns the squared length of the diagonal of tile k's
// bounding box: no two of its rows are farther apart than its square root.
func (rt *Tiles) TileWidth2(k int) float64 {
	d := rt.t.d
	var w float64
	for j, l := range rt.lo[k*d : (k+1)*d] {
		e := rt.hi[k*d+j] - l
		w += float64(e * e)
	}
	return w
}

// BoxDist2 returns the smallest and largest squared distances from q to the
// bounding box of tile k, rounded as SqDist so that they bound SqDist from
// q to every row of the tile.
func (rt *Tiles) BoxDist2(k int, q []float64) (near, far float64) {
	d := rt.t.d
	lo, hi := rt.lo[k*d:(k+1)*d], rt.hi[k*d:(k+1)*d]
	for j, v := range q {
		a, b := lo[j]-v, v-hi[j]
		g := max(a, b, 0)
		near += float64(g * g)
		f := max(-a, -b)
		far += float64(f * f)
	}
	return near, far
}

// Group finds the rows of a tile within a radius of up to four queries at
// once: SqDist(q, x) <= r2. The kernel's values settle the rows clearly
// inside or outside; those within its rounding bound of the boundary are
// decided by SqDist, so the outcome is that of the direct test.
type Group struct {
	rt     *Tiles
	r2     float64
	s      *screen4
	hi, lo []uint8 // the kernel's masks: within r2 plus or minus the slack
	mask   [4][TileSize / 8]uint8
	chunks int // mask bytes of the last screened tile
}

// NewGroup returns a Group for the radius whose square is r2.
func (rt *Tiles) NewGroup(r2 float64) *Group {
	return &Group{rt: rt, r2: r2, s: newScreen4(rt.t), hi: make([]uint8, TileSize/2), lo: make([]uint8, TileSize/2)}
}

// Set makes qs the group's queries, nil for an unused lane.
func (g *Group) Set(qs [4][]float64) { g.s.set(qs) }

// Screen finds the rows of tile k within the radius of the queries of the
// lanes with active set, and returns how many it found for each; Mask then
// tells which.
func (g *Group) Screen(k int, active [4]bool) (count [4]int) {
	t := g.rt.t
	s := g.s
	var thr [8]float64
	for a := range active {
		thr[a], thr[4+a] = math.Inf(-1), math.Inf(-1)
		if active[a] {
			sl := slack(s.nq[a], t.maxNx[k], t.d)
			thr[a] = g.r2 - s.nq[a] + sl
			thr[4+a] = g.r2 - s.nq[a] - sl
		}
	}
	size := t.size
	tileMask4(t.cols[k*t.d*size:(k+1)*t.d*size], s.qb, t.norms[k*size:(k+1)*size], t.padded(k), t.d, size, &thr, g.hi, g.lo)
	plo, phi := t.span(k)
	g.chunks = (phi - plo + 7) / 8
	for a := range active {
		if !active[a] {
			continue
		}
		m := &g.mask[a]
		for c := 0; c < g.chunks; c++ {
			in := g.lo[4*c+a]
			for band := g.hi[4*c+a] &^ in; band != 0; band &= band - 1 {
				b := bits.TrailingZeros8(band)
				if SqDist(s.q[a], g.rt.Row(plo+8*c+b)) <= g.r2 {
					in |= 1 << b
				}
			}
			m[c] = in
			count[a] += bits.OnesCount8(in)
		}
	}
	return count
}

// Mask returns the rows the last Screen found for lane a, which it must
// have screened: bit r%8 of Mask(a)[r/8] is set for the row at position
// lo+r of the tile's rows [lo, hi). The slice aliases g.
func (g *Group) Mask(a int) []uint8 { return g.mask[a][:g.chunks] }
