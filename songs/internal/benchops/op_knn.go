package benchops

import (
	"sort"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/knn"
)

func init() {
	opFuncs["knn"] = opKNN
}

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
	q := subRows(j.z, choose(j.n, knnQueries, 1))
	k := min(knnK, j.n)
	var res *knn.Result
	j.measure(func() { res = knn.Search(j.z, q, k) })
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

// estimateEps returns DBSCAN's eps as the reference script estimates it:
// the median, over 1000 sampled rows, of the distance to the minSamples-th
// nearest row, the row itself included.
func estimateEps(z *mat.Dense, minSamples int) float64 {
	n, _ := z.Dims()
	q := subRows(z, choose(n, 1000, 0))
	k := min(minSamples, n)
	res := knn.Search(z, q, k)
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
