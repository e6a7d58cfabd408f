package neighbors

// Result holds the k nearest neighbours of a set of queries. The neighbours
// of query i are Index[i*K:(i+1)*K], nearest first, at the Euclidean
// distances Dist[i*K:(i+1)*K]; rows at equal distance are ordered by index.
type Result struct {
	K     int
	Index []int
	Dist  []float64
}

// newResult returns a Result for m queries of k neighbours.
func newResult(m, k int) *Result {
	return &Result{K: k, Index: make([]int, m*k), Dist: make([]float64, m*k)}
}

// heap returns the heap of query i over the result's own slices.
func (r *Result) heap(i int) topK {
	k := r.K
	return newTopK(r.Dist[i*k:(i+1)*k], r.Index[i*k:(i+1)*k], nil)
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
