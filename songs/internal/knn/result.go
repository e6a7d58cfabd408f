package knn

// Result holds the k nearest neighbours of a set of queries. The neighbours of
// query i are Index[i*K:(i+1)*K], nearest first, at the Euclidean distances
// Dist[i*K:(i+1)*K]. Rows at equal distance are ordered by index.
type Result struct {
	K     int
	Index []int
	Dist  []float64
}

// Len returns the number of queries in r.
func (r *Result) Len() int {
	if r.K == 0 {
		return 0
	}
	return len(r.Index) / r.K
}

// Row returns the neighbour indices and distances of query i. The slices
// alias r.
func (r *Result) Row(i int) ([]int, []float64) {
	return r.Index[i*r.K : (i+1)*r.K], r.Dist[i*r.K : (i+1)*r.K]
}
