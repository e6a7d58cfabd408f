package cluster

import (
	"github.com/songcohorts/cohorts/songs/internal/neighbors"
)

// dbscanJoin labels the core points by the connected components of the
// "within eps" graph among them, numbered in the order of their
// lowest-index row, then gives each non-core row the lowest label among the
// core points of its neighbourhood near[i] (or -1).
func dbscanJoin(tree *neighbors.KDTree, data []float64, d int, eps float64, core []bool, near [][]int) ([]int, int) {
	n := len(core)
	row := func(i int) []float64 { return data[i*d : (i+1)*d] }
	nn := tree.NumNodes()
	// compact nodes have every pair of rows within eps; rep is a core row of
	// the node (-1 when it has none).
	compact := make([]bool, nn)
	rep := make([]int, nn)
	parent := make([]int, nn)
	parent[0] = -1
	eps2 := eps * eps
	for id := nn - 1; id >= 0; id-- {
		compact[id] = tree.Diameter2(id) <= eps2
		lo, hi, l, r := tree.Node(id)
		rep[id] = -1
		if l < 0 {
			for p := lo; p < hi; p++ {
				if core[tree.Row(p)] {
					rep[id] = tree.Row(p)
					break
				}
			}
			continue
		}
		parent[l], parent[r] = id, id
		if rep[l] >= 0 {
			rep[id] = rep[l]
		} else {
			rep[id] = rep[r]
		}
	}

	uf := make([]int, n)
	for i := range uf {
		uf[i] = i
	}
	find := func(x int) int {
		r := x
		for uf[r] != r {
			r = uf[r]
		}
		for uf[x] != r {
			uf[x], x = r, uf[x]
		}
		return r
	}
	union := func(a, b int) {
		a, b = find(a), find(b)
		if a != b {
			uf[a] = b
		}
	}
	for id := 0; id < nn; id++ {
		if !compact[id] || rep[id] < 0 || (parent[id] >= 0 && compact[parent[id]]) {
			continue
		}
		lo, hi, _, _ := tree.Node(id)
		for p := lo; p < hi; p++ {
			if j := tree.Row(p); core[j] {
				union(j, rep[id])
			}
		}
	}

	// Each core point is joined to the core points within eps, one core
	// point after another. same[id] is a core row whose component holds
	// every core point of node id (-1 if unknown); components only grow,
	// so a node found whole in the component of the current row is skipped
	// without computing a distance. The partition does not depend on the
	// order of the unions, and this pass is sequential.
	same := make([]int, nn)
	for id := range same {
		same[id] = -1
		if compact[id] {
			same[id] = rep[id]
		}
	}
	var i, ri int
	var q []float64
	r2 := eps2
	whole := func(id int) bool {
		return rep[id] < 0 || (same[id] >= 0 && find(same[id]) == ri)
	}
	var joinAll func(id int)
	joinAll = func(id int) {
		if whole(id) {
			return
		}
		lo, hi, l, r := tree.Node(id)
		if l >= 0 {
			joinAll(l)
			joinAll(r)
		} else {
			for p := lo; p < hi; p++ {
				if j := tree.Row(p); core[j] {
					union(j, i)
					ri = find(i)
				}
			}
		}
		same[id] = i
	}
	var visit func(id int)
	visit = func(id int) {
		if whole(id) || tree.MinDist2(id, q) > r2 {
			return
		}
		lo, hi, l, r := tree.Node(id)
		if tree.MaxDist2(id, q) <= r2 {
			joinAll(id)
			return
		}
		if l >= 0 {
			visit(l)
			visit(r)
			if whole(l) && whole(r) {
				same[id] = i
			}
			return
		}
		all := true
		for p := lo; p < hi; p++ {
			j := tree.Row(p)
			if !core[j] || find(j) == ri {
				continue
			}
			if tree.Dist2(q, p) <= r2 {
				union(j, i)
				ri = find(i)
			} else {
				all = false
			}
		}
		if all {
			same[id] = i
		}
	}
	for p := 0; p < n; p++ {
		if i = tree.Row(p); core[i] {
			q = row(i)
			ri = find(i)
			visit(0)
		}
	}

	labels := make([]int, n)
	rootLabel := make(map[int]int)
	for i := range labels {
		labels[i] = -1
		if !core[i] {
			continue
		}
		r := find(i)
		l, ok := rootLabel[r]
		if !ok {
			l = len(rootLabel)
			rootLabel[r] = l
		}
		labels[i] = l
	}

	// Border points take the lowest label among the core points within
	// eps, read from their neighbourhoods found by the core test.
	for i, nb := range near {
		if core[i] {
			continue
		}
		for _, j := range nb {
			if core[j] && (labels[i] == -1 || labels[j] < labels[i]) {
				labels[i] = labels[j]
			}
		}
	}
	return labels, len(rootLabel)
}
