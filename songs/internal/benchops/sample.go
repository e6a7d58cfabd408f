package benchops

import (
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/mat"
)

// choose returns m distinct row indices of 0..n-1 drawn without replacement
// by a partial Fisher-Yates shuffle from a PCG generator seeded with seed,
// in the order drawn (all n if m >= n). NumPy's generators cannot be
// reproduced, so the rows differ from the reference script's.
func choose(n, m int, seed uint64) []int {
	if m > n {
		m = n
	}
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	perm := make([]int, n)
	for i := range perm {
		perm[i] = i
	}
	for i := 0; i < m; i++ {
		j := i + rng.IntN(n-i)
		perm[i], perm[j] = perm[j], perm[i]
	}
	return perm[:m:m]
}

// chooseSorted is choose with the indices in increasing order.
func chooseSorted(n, m int, seed uint64) []int {
	idx := choose(n, m, seed)
	sort.Ints(idx)
	return idx
}

// subRows copies the given rows of x into a new len(idx)×c matrix.
func subRows(x *mat.Dense, idx []int) *mat.Dense {
	_, c := x.Dims()
	out := mat.NewDense(len(idx), c, nil)
	for i, r := range idx {
		out.SetRow(i, x.RawRowView(r))
	}
	return out
}
