package benchops

import (
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/neighbors"
)

// knnQueries and knnK are the reference script's 1000 queries and 10
// neighbours.
const (
	knnQueries = 1000
	knnK       = 10
)

// opKNN times the exact 10 nearest neighbours of 1000 sampled rows among
// all rows by blocked brute force (a query finds itself at distance 0), as
// NearestNeighbors(algorithm="brute"). Brute force has nothing to build, so
// fit_s is 0 and query_s is the whole call. Quality: fit_s, query_s,
// queries, mean_d10.
func opKNN(j *job) error {
	q := subRows(j.z, queryRows(j.n, knnQueries, 1))
	k := min(knnK, j.n)
	var res *neighbors.Result
	j.measure(func() { res = neighbors.Search(j.z, q, k) })
	nq, _ := q.Dims()
	var s float64
	for i := 0; i < nq; i++ {
		_, d := res.Row(i)
		s += d[k-1]
	}
	sec, _ := j.fields.Float("seconds")
	j.info.Set("fit_s", 0.0)
	j.info.Set("query_s", sec)
	j.info.Set("queries", nq)
	j.info.Set("mean_d10", round(s/float64(nq), 6))
	return nil
}

// queryRows returns m row indices drawn without replacement by choose, or,
// when there are fewer than m rows, m indices drawn with replacement, as the
// reference script's default_rng(1).choice(n, 1000, replace=n < 1000).
func queryRows(n, m int, seed uint64) []int {
	if n >= m {
		return choose(n, m, seed)
	}
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	idx := make([]int, m)
	for i := range idx {
		idx[i] = rng.IntN(n)
	}
	return idx
}

// estimateEps returns DBSCAN's eps as the reference script estimates it:
// the median, over 1000 sampled rows, of the distance to the minSamples-th
// nearest row, the row itself included.
func estimateEps(z *mat.Dense, minSamples int) float64 {
	n, _ := z.Dims()
	q := subRows(z, choose(n, 1000, 0))
	k := min(minSamples, n)
	res := neighbors.Search(z, q, k)
	nq := res.Len()
	d := make([]float64, nq)
	for i := range d {
		_, dist := res.Row(i)
		d[i] = dist[k-1]
	}
	sort.Float64s(d)
	if nq%2 == 1 {
		return d[nq/2]
	}
	return (d[nq/2-1] + d[nq/2]) / 2
}
