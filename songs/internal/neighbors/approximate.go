package neighbors

import (
	"math"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

// The parameters of nearest-neighbour descent (Approximate), pynndescent's
// where it has them.
const (
	nndMaxCandidates = 15    // candidates per list and kind, as pynndescent's min(60, k)
	nndLeafSize      = 30    // largest leaf of a random projection tree
	nndTrees         = 4     // random projection trees of the initial graph
	nndDelta         = 0.001 // stop when fewer than delta·n·k entries change
)

// nnGraph holds the k nearest candidates of every point found so far: the
// heap of point p over entries [p*k, (p+1)*k), each entry flagged while
// not yet used in a join.
type nnGraph struct {
	k     int
	dist  []float64
	idx   []int
	fresh []bool
}

func newNNGraph(n, k int) *nnGraph {
	g := &nnGraph{k: k, dist: make([]float64, n*k), idx: make([]int, n*k), fresh: make([]bool, n*k)}
	for p := 0; p < n; p++ {
		h := g.heap(p)
		h.fillEmpty()
	}
	return g
}

// heap returns the heap of point p, a view of g's slices, always full:
// it starts with empty slots.
func (g *nnGraph) heap(p int) topK {
	k := g.k
	return topK{d: g.dist[p*k : (p+1)*k], idx: g.idx[p*k : (p+1)*k], fresh: g.fresh[p*k : (p+1)*k], n: k}
}

// push offers q at squared distance d to the list of p and reports whether
// it entered (a point already listed does not enter twice).
func (g *nnGraph) push(p int, d float64, q int) bool {
	h := g.heap(p)
	if !h.beats(d, q) || h.has(q) {
		return false
	}
	h.add(d, q)
	return true
}

// Approximate returns, for every row of x, approximately its k nearest
// other rows, by nearest-neighbour descent (Dong, Moses and Li 2011,
// "Efficient k-nearest neighbor graph construction for generic similarity
// measures", WWW) seeded by seed, as pynndescent, the search umap-learn
// uses above 4096 rows: the graph starts from the leaves of random
// projection trees and is refined by joining, for every point, the
// neighbours of its neighbours, until few entries change. Neighbours come
// in the order of SearchSelf, at their exact distances; most of them are
// the exact neighbours (a recall of 0.9 to 0.99 on clustered data).
//
// To be deterministic in parallel, every join is evaluated from the side of
// the point whose list changes ("pull" form): point p compares itself with
// the other members of every candidate list it belongs to, so each block of
// points writes only its own lists. Approximate panics if k < 1 or k >= the
// number of rows.
func Approximate(x mat.Matrix, k int, seed uint64) *Result {
	data, n, d := rowMajor(x)
	checkK(k, n-1)
	g := newNNGraph(n, k)
	rng := rand.New(rand.NewPCG(seed, 0x6e6e64))
	nb := parallel.Blocks(n, 512)
	row := func(i int) []float64 { return data[i*d : (i+1)*d] }

	// Initial graph: all pairs within the leaves of a few random projection
	// trees, evaluated leaf by leaf from each point's side.
	leafOf := make([][]int32, nndTrees)
	var leaves [][][]int32
	for t := 0; t < nndTrees; t++ {
		lv := rpTreeLeaves(data, n, d, rng)
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
						g.push(p, SqDist(row(p), row(int(q))), int(q))
					}
				}
			}
		}
	})
	// Points whose leaves held fewer than k others get random candidates.
	for p := 0; p < n; p++ {
		for g.idx[p*k] < 0 {
			if q := rng.IntN(n); q != p {
				g.push(p, SqDist(row(p), row(q)), q)
			}
		}
	}

	iters := max(5, int(math.Round(math.Log2(float64(n)))))
	for it := 0; it < iters; it++ {
		newL, oldL := nndCandidates(g, n, seed, uint64(it))
		memb, mptr := nndMembership(newL, oldL, n)
		updates := make([]int, nb)
		parallel.For(n, nb, func(b, lo, hi int) {
			c := 0
			for p := lo; p < hi; p++ {
				xp := row(p)
				for _, m := range memb[mptr[p]:mptr[p+1]] {
					i, pNew := int(m>>1), m&1 == 1
					for _, q := range newL[i] {
						if int(q) != p && g.push(p, SqDist(xp, row(int(q))), int(q)) {
							c++
						}
					}
					if pNew {
						for _, q := range oldL[i] {
							if int(q) != p && g.push(p, SqDist(xp, row(int(q))), int(q)) {
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

	parallel.For(n, nb, func(_, lo, hi int) {
		for p := lo; p < hi; p++ {
			h := g.heap(p)
			h.finish()
		}
	})
	return &Result{K: k, Index: g.idx, Dist: g.dist}
}

// nndCandidates returns each point's new and old candidate lists: its own
// entries plus the points listing it, the reverse entries capped at
// nndMaxCandidates by a pseudo-random priority. Forward entries used as new
// candidates are flagged old.
func nndCandidates(g *nnGraph, n int, seed, it uint64) (newL, oldL [][]int32) {
	k := g.k
	newL = make([][]int32, n)
	oldL = make([][]int32, n)
	revNew := make([][]int32, n)
	revOld := make([][]int32, n)
	for i := 0; i < n; i++ {
		for e := i * k; e < (i+1)*k; e++ {
			j := g.idx[e]
			if j < 0 {
				continue
			}
			if g.fresh[e] {
				newL[i] = append(newL[i], int32(j))
				revNew[j] = append(revNew[j], int32(i))
				g.fresh[e] = false
			} else {
				oldL[i] = append(oldL[i], int32(j))
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
			off -= float64(normal[j]*(a+b)) / 2
		}
		left := 0
		for i, p := range s {
			v := off
			for j, w := range normal {
				v += float64(w * x[int(p)*d+j])
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
