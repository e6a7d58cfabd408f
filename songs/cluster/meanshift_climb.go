package cluster

import (
	"encoding/binary"
	"math"
	"math/bits"

	"github.com/songcohorts/cohorts/songs/internal/neighbors"
	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

// meanShiftBlocks is the number of parallel blocks of seed groups per step.
const meanShiftBlocks = 64

// meanShiftClimb moves every seed of ends (row-major, d = t.d columns) to
// the mean of the rows within bw of it until it moves less than 1e-3·bw,
// has no row within bw, or has taken maxIter steps. It records each seed's
// last window count and step count.
//
// All seeds take their k-th step in the same pass. A window's sum is a
// function of the set of rows in it alone (tiles in order, a tile wholly
// inside through its stored sum, other rows one by one in order), so seeds
// at the same point have the same next point: each pass computes one window
// per distinct point, the distinct points cut into groups of four for the
// screening kernel. Seeds whose windows come to hold the same rows thus
// share all later work, which is most of it, since the seeds of a cluster
// end on the same few windows.
func meanShiftClimb(t *neighbors.Tiles, ends []float64, bw float64, maxIter int, counts, iters []int) {
	d := t.Dim()
	bw2 := bw * bw
	stop := 1e-3 * bw
	active := make([]int, len(counts))
	for s := range active {
		active[s] = s
	}
	key := make([]byte, 8*d)
	old := make([]float64, d)
	for it := 0; len(active) > 0; it++ {
		// Distinct points, in order of their first seed.
		rep := make([]int, len(active))
		var uniq []int
		seen := make(map[string]int, len(active))
		for k, s := range active {
			for j, v := range ends[s*d : (s+1)*d] {
				binary.LittleEndian.PutUint64(key[8*j:], math.Float64bits(v))
			}
			u, ok := seen[string(key)]
			if !ok {
				u = len(uniq)
				seen[string(key)] = u
				uniq = append(uniq, s)
			}
			rep[k] = u
		}
		sums := make([]float64, len(uniq)*d)
		cnts := make([]int, len(uniq))
		groups := (len(uniq) + 3) / 4
		parallel.For(groups, meanShiftBlocks, func(_, glo, ghi int) {
			g := t.NewGroup(bw2)
			for gi := glo; gi < ghi; gi++ {
				var qs [4][]float64
				for a := 0; a < 4 && 4*gi+a < len(uniq); a++ {
					s := uniq[4*gi+a]
					qs[a] = ends[s*d : (s+1)*d]
				}
				g.Set(qs)
				lo, hi := 4*gi*d, min(4*gi+4, len(uniq))*d
				c := meanShiftSums(t, g, bw2, qs, sums[lo:hi])
				copy(cnts[4*gi:min(4*gi+4, len(uniq))], c[:])
			}
		})
		next := active[:0]
		for k, s := range active {
			u := rep[k]
			counts[s], iters[s] = cnts[u], it
			if cnts[u] == 0 {
				continue
			}
			q := ends[s*d : (s+1)*d]
			copy(old, q)
			for j, v := range sums[u*d : (u+1)*d] {
				q[j] = v / float64(cnts[u])
			}
			if !(math.Sqrt(neighbors.SqDist(q, old)) < stop || it == maxIter) {
				next = append(next, s)
			}
		}
		active = next
	}
}

// meanShiftSums adds to sums[a*d:(a+1)*d] the rows of t within the
// group's radius, whose square is bw2, of query a (for the lanes with a
// query) and returns their numbers.
func meanShiftSums(t *neighbors.Tiles, g *neighbors.Group, bw2 float64, qs [4][]float64, sums []float64) (cnt [4]int) {
	d := t.Dim()
	addTile := func(a, k int) {
		sum := sums[a*d : (a+1)*d]
		for j, v := range t.TileSum(k) {
			sum[j] += v
		}
	}
	for k := 0; k < t.NumTiles(); k++ {
		plo, phi := t.TileRows(k)
		var act [4]bool
		any := false
		for a, q := range qs {
			if q == nil {
				continue
			}
			near, far := t.BoxDist2(k, q)
			if near > bw2 {
				continue
			}
			if far <= bw2 {
				addTile(a, k)
				cnt[a] += phi - plo
				continue
			}
			act[a], any = true, true
		}
		if !any {
			continue
		}
		c := g.Screen(k, act)
		for a := range act {
			if !act[a] {
				continue
			}
			cnt[a] += c[a]
			if c[a] == phi-plo {
				addTile(a, k)
				continue
			}
			sum := sums[a*d : (a+1)*d]
			for ch, m := range g.Mask(a) {
				for ; m != 0; m &= m - 1 {
					p := plo + 8*ch + bits.TrailingZeros8(m)
					for j, v := range t.Row(p) {
						sum[j] += v
					}
				}
			}
		}
	}
	return cnt
}
