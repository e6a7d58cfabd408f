package embed

import (
	"math"
	"math/rand/v2"
	"sort"

	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

// Nearest-neighbour descent (Dong, Moses and Li 2011, "Efficient k-nearest
// neighbor graph construction for generic similarity measures", WWW), as
// pynndescent, the search umap-learn uses above 4096 rows: the graph starts
// from the leaves of random projection trees and is refined by joining, for
// every point, the neighbours of its neighbours, until few entries change.
//
// To be deterministic in parallel, every join is evaluated from the side of
// the point whose list changes ("pull" form): point p compares itself with
// the other members of every candidate list it belongs to, so each block of
// points writes only its own lists.
const (
	nndMaxCandidates = 15    // candidates per list and kind, as pynndescent's min(60, k)
	nndLeafSize      = 30    // largest leaf of a random projection tree
	nndTrees         = 4     // random projection trees of the initial graph
	nndDelta         = 0.001 // stop when fewer than delta·n·k entries change
)

// nnHeaps holds the k nearest candidates of every point found so far, each
// as a max-heap on (squared distance, index), with a flag marking entries not
// yet used in a join.
type nnHeaps struct {
	k     int
	dist  []float64
	idx   []int32
	isNew []bool
}

func newNNHeaps(n, k int) *nnHeaps {
	h := &nnHeaps{k: k, dist: make([]float64, n*k), idx: make([]int32, n*k), isNew: make([]bool, n*k)}
	for i := range h.dist {
		h.dist[i] = math.Inf(1)
		h.idx[i] = -1
	}
	return h
}

// push offers q at squared distance d to the list of p and reports whether
// it entered.
func (h *nnHeaps) push(p int, d float64, q int32) bool {
	k := h.k
	dist, idx, fl := h.dist[p*k:(p+1)*k], h.idx[p*k:(p+1)*k], h.isNew[p*k:(p+1)*k]
	if !nnLess(d, int(q), dist[0], int(idx[0])) {
		return false
	}
	for _, v := range idx {
		if v == q {
			return false
		}
	}
	j := 0
	for {
		c := 2*j + 1
		if c >= k {
			break
		}
		if c+1 < k && nnLess(dist[c], int(idx[c]), dist[c+1], int(idx[c+1])) {
			c++
		}
		if !nnLess(d, int(q), dist[c], int(idx[c])) {
			break
		}
		dist[j], idx[j], fl[j] = dist[c], idx[c], fl[c]
		j = c
	}
	dist[j], idx[j], fl[j] = d, q, true
	return true
}

// nnLess orders (distance, index) pairs; an empty slot (index -1, distance
// +Inf) comes last.
func nnLess(d1 float64, i1 int, d2 float64, i2 int) bool {
	return d1 < d2 || (d1 == d2 && uint(i1) < uint(i2))
}

// nnDescent returns the k nearest other rows of every row of x (n×d,
// row-major), approximately, as indices and distances sorted nearest first.
func nnDescent(x []float64, n, d, k int, seed uint64) ([]int, []float64) {
	h := newNNHeaps(n, k)
	rng := rand.New(rand.NewPCG(seed, 0x6e6e64))
	nb := parallel.Blocks(n, 512)
	row := func(i int) []float64 { return x[i*d : (i+1)*d] }

	// Initial graph: all pairs within the leaves of a few random projection
	// trees, evaluated leaf by leaf from each point's side.
	leafOf := make([][]int32, nndTrees)
	var leaves [][][]int32
	for t := 0; t < nndTrees; t++ {
		lv := rpTreeLeaves(x, n, d, rng)
		leaves = append(leaves, lv)
		leafOf[t] = make([]int32, n)
		for l, members := range lv {
			for _, i := range members {
				leafOf[t][i] = int32(l)
			}
		}
	}
	parallel.For(n, nb, func(_, lo, hi int) {
		for p := lo; p < hi; p++ {
			for t := range leaves {
				for _, q := range leaves[t][leafOf[t][p]] {
					if int(q) != p {
						h.push(p, sqDist(row(p), row(int(q))), q)
					}
				}
			}
		}
	})
	// Points whose leaves held fewer than k others get random candidates.
	for p := 0; p < n; p++ {
		for h.idx[p*k] < 0 {
			q := int32(rng.IntN(n))
			if int(q) != p {
				h.push(p, sqDist(row(p), row(int(q))), q)
			}
		}
	}

	iters := max(5, int(math.Round(math.Log2(float64(n)))))
	for it := 0; it < iters; it++ {
		newL, oldL := nndCandidates(h, n, seed, uint64(it))
		memb, mptr := nndMembership(newL, oldL, n)
		updates := make([]int, nb)
		parallel.For(n, nb, func(b, lo, hi int) {
			c := 0
			for p := lo; p < hi; p++ {
				xp := row(p)
				for _, m := range memb[mptr[p]:mptr[p+1]] {
					i, pNew := int(m>>1), m&1 == 1
					for _, q := range newL[i] {
						if int(q) != p && h.push(p, sqDist(xp, row(int(q))), q) {
							c++
						}
					}
					if pNew {
						for _, q := range oldL[i] {
							if int(q) != p && h.push(p, sqDist(xp, row(int(q))), q) {
								c++
							}
						}
					}
				}
			}
			updates[b] = c
		})
		total := 0
		for _, c := range updates {
			total += c
		}
		if float64(total) <= nndDelta*float64(n*k) {
			break
		}
	}

	idx := make([]int, n*k)
	dist := make([]float64, n*k)
	parallel.For(n, nb, func(_, lo, hi int) {
		order := make([]int, k)
		for p := lo; p < hi; p++ {
			for j := range order {
				order[j] = p*k + j
			}
			sort.Slice(order, func(a, b int) bool {
				return nnLess(h.dist[order[a]], int(h.idx[order[a]]), h.dist[order[b]], int(h.idx[order[b]]))
			})
			for j, e := range order {
				idx[p*k+j] = int(h.idx[e])
				dist[p*k+j] = math.Sqrt(h.dist[e])
			}
		}
	})
	return idx, dist
}

// nndCandidates returns each point's new and old candidate lists: its own
// entries plus the points listing it, the reverse entries capped at
// nndMaxCandidates by a pseudo-random priority. Forward entries used as new
// candidates are flagged old.
func nndCandidates(h *nnHeaps, n int, seed, it uint64) (newL, oldL [][]int32) {
	k := h.k
	newL = make([][]int32, n)
	oldL = make([][]int32, n)
	revNew := make([][]int32, n)
	revOld := make([][]int32, n)
	for i := 0; i < n; i++ {
		for e := i * k; e < (i+1)*k; e++ {
			j := h.idx[e]
			if j < 0 {
				continue
			}
			if h.isNew[e] {
				newL[i] = append(newL[i], j)
				revNew[j] = append(revNew[j], int32(i))
				h.isNew[e] = false
			} else {
				oldL[i] = append(oldL[i], j)
				revOld[j] = append(revOld[j], int32(i))
			}
		}
	}
	prio := func(a, b int32) uint64 { return mix64(seed ^ it<<40 ^ uint64(a)<<20 ^ uint64(b)) }
	capRev := func(owner int, r []int32) []int32 {
		if len(r) > nndMaxCandidates {
			sort.Slice(r, func(a, b int) bool { return prio(int32(owner), r[a]) < prio(int32(owner), r[b]) })
			r = r[:nndMaxCandidates]
		}
		return r
	}
	for i := 0; i < n; i++ {
		newL[i] = appendMissing(newL[i], capRev(i, revNew[i]))
		oldL[i] = appendMissing(oldL[i], capRev(i, revOld[i]))
	}
	return newL, oldL
}

// appendMissing appends the elements of b not already in a.
func appendMissing(a, b []int32) []int32 {
	for _, v := range b {
		found := false
		for _, u := range a {
			if u == v {
				found = true
				break
			}
		}
		if !found {
			a = append(a, v)
		}
	}
	return a
}

// nndMembership returns, for every point p, the lists it belongs to, as
// i<<1 | isNew in memb[mptr[p]:mptr[p+1]], in increasing order of i.
func nndMembership(newL, oldL [][]int32, n int) (memb []int64, mptr []int) {
	mptr = make([]int, n+1)
	for i := 0; i < n; i++ {
		for _, p := range newL[i] {
			mptr[p+1]++
		}
		for _, p := range oldL[i] {
			mptr[p+1]++
		}
	}
	for p := 0; p < n; p++ {
		mptr[p+1] += mptr[p]
	}
	memb = make([]int64, mptr[n])
	fill := append([]int(nil), mptr[:n]...)
	for i := 0; i < n; i++ {
		for _, p := range newL[i] {
			memb[fill[p]] = int64(i)<<1 | 1
			fill[p]++
		}
		for _, p := range oldL[i] {
			memb[fill[p]] = int64(i) << 1
			fill[p]++
		}
	}
	return memb, mptr
}

// mix64 is the splitmix64 finaliser, a cheap deterministic hash.
func mix64(z uint64) uint64 {
	z += 0x9e3779b97f4a7c15
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// rpTreeLeaves splits the rows of x recursively by the hyperplane halfway
// between two random rows (pynndescent's euclidean random projection split)
// until at most nndLeafSize rows remain, and returns the leaves.
func rpTreeLeaves(x []float64, n, d int, rng *rand.Rand) [][]int32 {
	all := make([]int32, n)
	for i := range all {
		all[i] = int32(i)
	}
	var leaves [][]int32
	normal := make([]float64, d)
	var split func(s []int32, depth int)
	split = func(s []int32, depth int) {
		if len(s) <= nndLeafSize || depth > 200 {
			leaves = append(leaves, s)
			return
		}
		l := s[rng.IntN(len(s))]
		r := s[rng.IntN(len(s))]
		var off float64
		for j := 0; j < d; j++ {
			a, b := x[int(l)*d+j], x[int(r)*d+j]
			normal[j] = a - b
			off -= normal[j] * (a + b) / 2
		}
		left := 0
		for i, p := range s {
			v := off
			for j, w := range normal {
				v += w * x[int(p)*d+j]
			}
			if v > 0 || (v == 0 && rng.IntN(2) == 0) {
				s[i], s[left] = s[left], s[i]
				left++
			}
		}
		if left == 0 || left == len(s) {
			// Degenerate split (coincident rows): halve at random.
			rng.Shuffle(len(s), func(a, b int) { s[a], s[b] = s[b], s[a] })
			left = len(s) / 2
		}
		split(s[:left], depth+1)
		split(s[left:], depth+1)
	}
	split(all, 0)
	return leaves
}
