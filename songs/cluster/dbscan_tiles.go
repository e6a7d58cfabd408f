package cluster

import (
	"math/bits"

	"github.com/songcohorts/cohorts/songs/internal/neighbors"
	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

const (
	// dbscanBlocks is the number of parallel blocks of the core test.
	dbscanBlocks = 64
	// dbscanNearTiles is the number of tiles on each side of a row's own
	// tile that the first pass of the core test visits.
	dbscanNearTiles = 2048 / neighbors.TileSize
)

// dbscanCore runs the core test on the rows of t (by position): a row is
// core once minPts rows lie within eps (distance² <= eps2). near[p] holds
// the first rows found within eps of a core row p, at least minPts of them,
// and every row within eps of a non-core row p (positions, in no set
// order), so that core rows can be joined through them and border points
// placed.
//
// A first pass takes the rows four at a time in position order and visits
// the tiles near their own outward, so that most core rows are settled
// after a few tiles; a second pass takes the rows left undecided, again
// four at a time, through all the other tiles.
func dbscanCore(t *neighbors.Tiles, eps2 float64, minPts int) (core []bool, near [][]int) {
	n := t.Len()
	core = make([]bool, n)
	near = make([][]int, n)
	cnt := make([]int, n)
	home := func(p int) int { return p / neighbors.TileSize }
	// First pass: tiles within dbscanNearTiles of the home tile.
	groups := (n + 3) / 4
	parallel.For(groups, dbscanBlocks, func(_, glo, ghi int) {
		s := newDBSCANScan(t, eps2, minPts, core, near, cnt)
		for gi := glo; gi < ghi; gi++ {
			var ps [4]int
			m := 0
			for p := 4 * gi; p < min(4*gi+4, n); p++ {
				ps[m] = p
				m++
			}
			k0 := home(ps[0])
			s.run(ps[:m], func(step int) (int, bool) {
				if step%2 == 0 {
					return k0 - step/2, step <= 2*dbscanNearTiles
				}
				return k0 + (step+1)/2, step <= 2*dbscanNearTiles
			}, func(int, int) bool { return true })
		}
	})
	// Second pass: the undecided rows through the remaining tiles.
	var left []int
	for p := 0; p < n; p++ {
		if !core[p] {
			left = append(left, p)
		}
	}
	groups = (len(left) + 3) / 4
	parallel.For(groups, dbscanBlocks, func(_, glo, ghi int) {
		s := newDBSCANScan(t, eps2, minPts, core, near, cnt)
		for gi := glo; gi < ghi; gi++ {
			ps := left[4*gi : min(4*gi+4, len(left))]
			s.run(ps, func(step int) (int, bool) {
				return step, step < t.NumTiles()
			}, func(p, k int) bool {
				h := home(p)
				return k < h-dbscanNearTiles || k > h+dbscanNearTiles
			})
		}
	})
	return core, near
}

// dbscanScan runs core tests for groups of up to four rows.
type dbscanScan struct {
	t      *neighbors.Tiles
	g      *neighbors.Group
	eps2   float64
	minPts int
	core   []bool
	near   [][]int
	cnt    []int
}

func newDBSCANScan(t *neighbors.Tiles, eps2 float64, minPts int, core []bool, near [][]int, cnt []int) *dbscanScan {
	return &dbscanScan{t: t, g: t.NewGroup(eps2), eps2: eps2, minPts: minPts, core: core, near: near, cnt: cnt}
}

// run continues the core test of the rows ps over the tiles tile(0),
// tile(1), ... (out-of-range tiles are skipped; the walk ends at the first
// step whose second result is false), visiting
// tile k for row p only if want(p, k), and stops once every row is core.
func (s *dbscanScan) run(ps []int, tile func(step int) (int, bool), want func(p, k int) bool) {
	t := s.t
	var qs [4][]float64
	left := 0
	for a, p := range ps {
		qs[a] = t.Row(p)
		if !s.core[p] {
			left++
		}
	}
	s.g.Set(qs)
	for step := 0; left > 0; step++ {
		k, ok := tile(step)
		if !ok {
			break
		}
		if k < 0 || k >= t.NumTiles() {
			continue
		}
		plo, phi := t.TileRows(k)
		var act [4]bool
		any := false
		for a, p := range ps {
			if s.core[p] || !want(p, k) {
				continue
			}
			nr, far := t.BoxDist2(k, qs[a])
			switch {
			case nr > s.eps2:
			case far <= s.eps2:
				s.cnt[p] += phi - plo
				for r := plo; r < phi; r++ {
					s.near[p] = append(s.near[p], r)
				}
			default:
				act[a], any = true, true
			}
		}
		if any {
			c := s.g.Screen(k, act)
			for a, p := range ps {
				if !act[a] {
					continue
				}
				s.cnt[p] += c[a]
				for ch, m := range s.g.Mask(a) {
					for ; m != 0; m &= m - 1 {
						s.near[p] = append(s.near[p], plo+8*ch+bits.TrailingZeros8(m))
					}
				}
			}
		}
		for _, p := range ps {
			if !s.core[p] && s.cnt[p] >= s.minPts {
				s.core[p] = true
				left--
			}
		}
	}
}
