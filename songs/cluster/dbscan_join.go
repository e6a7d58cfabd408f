package cluster

import (
	"math/bits"

	"github.com/songcohorts/cohorts/songs/internal/neighbors"
)

// dbscanJoin labels the rows from the core test's results (by position in
// t): the core points by the connected components of the "within eps"
// graph among them, numbered in the order of their lowest original row;
// each non-core row by the lowest label among the core points of its
// neighbourhood near[p] (or -1). Labels are returned by original row.
func dbscanJoin(t *neighbors.Tiles, eps2 float64, core []bool, near [][]int) ([]int, int) {
	n := t.Len()
	uf := newForest(n)
	find := uf.find
	union := func(a, b int) {
		a, b = find(a), find(b)
		if a != b {
			uf[a] = b
		}
	}

	// cores[k] lists the core positions of tile k; same[k] is a core
	// position whose component holds all of them (-1 if not known yet).
	// Components only grow, so such a tile needs no distance to a query of
	// that component. A tile no wider than eps has all its core points
	// joined at once.
	cores := make([][]int, t.NumTiles())
	same := make([]int, t.NumTiles())
	for k := range cores {
		plo, phi := t.TileRows(k)
		for p := plo; p < phi; p++ {
			if core[p] {
				cores[k] = append(cores[k], p)
			}
		}
		same[k] = -1
		if len(cores[k]) == 0 {
			continue
		}
		if t.TileWidth2(k) <= eps2 {
			for _, p := range cores[k] {
				union(p, cores[k][0])
			}
			same[k] = cores[k][0]
		}
	}
	// Core points are joined first through the neighbours the core test
	// found, which builds most of each cluster without a distance.
	for p, nb := range near {
		if !core[p] {
			continue
		}
		for _, q := range nb {
			if core[q] {
				union(p, q)
			}
		}
	}
	whole := func(k, q int) bool {
		return same[k] >= 0 && find(same[k]) == find(q)
	}

	// Each core point is joined to the core points within eps, four core
	// points at a time, in position order. The partition does not depend
	// on the order of the unions; this pass is sequential.
	g := t.NewGroup(eps2)
	var qp [4]int
	for next := 0; next < n; {
		var qs [4][]float64
		m := 0
		for ; next < n && m < 4; next++ {
			if core[next] {
				qp[m], qs[m] = next, t.Row(next)
				m++
			}
		}
		if m == 0 {
			break
		}
		g.Set(qs)
		for k := 0; k < t.NumTiles(); k++ {
			if len(cores[k]) == 0 {
				continue
			}
			plo, _ := t.TileRows(k)
			var act [4]bool
			any := false
			for a := 0; a < m; a++ {
				if whole(k, qp[a]) {
					continue
				}
				nr, far := t.BoxDist2(k, qs[a])
				switch {
				case nr > eps2:
				case far <= eps2:
					for _, p := range cores[k] {
						union(p, qp[a])
					}
					same[k] = qp[a]
				default:
					act[a], any = true, true
				}
			}
			if !any {
				continue
			}
			c := g.Screen(k, act)
			hit := -1
			for a := range act {
				if !act[a] || c[a] == 0 {
					continue
				}
				hit = qp[a]
				for ch, mk := range g.Mask(a) {
					for ; mk != 0; mk &= mk - 1 {
						if p := plo + 8*ch + bits.TrailingZeros8(mk); core[p] {
							union(p, qp[a])
						}
					}
				}
			}
			if hit >= 0 {
				r := find(hit)
				all := true
				for _, p := range cores[k] {
					if find(p) != r {
						all = false
						break
					}
				}
				if all {
					same[k] = hit
				}
			}
		}
	}

	pos := make([]int, n)
	for p := range pos {
		pos[t.Orig(p)] = p
	}
	labels := make([]int, n)
	rootLabel := make(map[int]int)
	for i := range labels {
		labels[i] = -1
		p := pos[i]
		if !core[p] {
			continue
		}
		r := find(p)
		l, ok := rootLabel[r]
		if !ok {
			l = len(rootLabel)
			rootLabel[r] = l
		}
		labels[i] = l
	}
	// Border points take the lowest label among the core points within
	// eps, read from their neighbourhoods found by the core test.
	for p, nb := range near {
		if core[p] {
			continue
		}
		i := t.Orig(p)
		for _, q := range nb {
			if l := labels[t.Orig(q)]; core[q] && (labels[i] == -1 || l < labels[i]) {
				labels[i] = l
			}
		}
	}
	return labels, len(rootLabel)
}
