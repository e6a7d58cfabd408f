package songs

import (
	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/neighbors"
)

// searchMemo holds the nearest tracks to one query, found once and shared
// by the methods that rank for that query: a search for k neighbours
// answers every later search for k or fewer with a prefix (the tree's
// order, ties by index, does not depend on k). A nil memo searches every
// time.
type searchMemo struct {
	k    int
	idx  []int
	dist []float64
}

// search returns the k nearest tracks to q and their distances.
func (m *searchMemo) search(t *neighbors.Tree, q []float64, k int) ([]int, []float64) {
	if m == nil {
		return t.Search(mat.NewDense(1, len(q), q), k).Row(0)
	}
	if m.k < k {
		m.idx, m.dist = t.Search(mat.NewDense(1, len(q), q), k).Row(0)
		m.k = k
	}
	return m.idx[:k], m.dist[:k]
}

// held is the number of neighbours the memo holds (0 for nil).
func (m *searchMemo) held() int {
	if m == nil {
		return 0
	}
	return m.k
}

// initialPool is the number of candidates rank first asks for to
// recommend n tracks with opt.
func (r *Recommender) initialPool(opt RecommendOptions, n int) int {
	pool := n
	if opt.Diversity > 0 || (opt.PopularityBlend > 0 && r.hasPop) {
		pool = max(5*n, 50)
	}
	if opt.LocalScaling > 0 {
		pool = max(pool, LocalScalingCandidates)
	}
	return pool
}

// firstSearch is the number of neighbours search first asks the tree for
// when need candidates are wanted.
func (r *Recommender) firstSearch(need int) int {
	return min(r.tree.Len(), 2*need+16)
}

// memoSize is the number of neighbours a memo holds for methods asked for
// n tracks (0 if none ranks by distance): the largest first pool and a
// margin of 16 for the tracks a method does not accept. A method that
// needs more searches again.
func (r *Recommender) memoSize(methods []Method, n int) int {
	k := 0
	for _, m := range methods {
		if m.Ranking == Nearest {
			k = max(k, min(r.tree.Len(), r.initialPool(m.Options, n)+16))
		}
	}
	return k
}
