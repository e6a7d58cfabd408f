package cluster

import (
	"math"
	"math/rand/v2"
	"sort"

	"github.com/songcohorts/cohorts/songs/internal/neighbors"
	"gonum.org/v1/gonum/mat"
)

// Silhouette returns the mean silhouette coefficient of a labelling
// (Rousseeuw, "Silhouettes: a graphical aid to the interpretation and
// validation of cluster analysis", J. Comput. Appl. Math. 20, 1987), as
// sklearn.metrics.silhouette_score with the Euclidean metric. See
// SilhouetteSamples for the per-row values. It returns an error for NaN or
// infinite data or unless 2 <= m <= n-1 distinct labels, and panics if the
// lengths differ.
func Silhouette(x mat.Matrix, labels []int) (float64, error) {
	s, err := SilhouetteSamples(nil, x, labels)
	if err != nil {
		return 0, err
	}
	var sum float64
	for _, v := range s {
		sum += v
	}
	return sum / float64(len(s)), nil
}

// SilhouetteSampled returns the mean silhouette coefficient of size rows
// drawn without replacement by a seeded permutation, using only the
// distances among those rows, as sklearn.metrics.silhouette_score with
// sample_size (the rows drawn differ from NumPy's). If size <= 0 or
// size >= n, every row is used. Errors and panics are those of Silhouette.
func SilhouetteSampled(x mat.Matrix, labels []int, size int, seed uint64) (float64, error) {
	n, d := x.Dims()
	if len(labels) != n {
		panic("cluster: labels length differs from the number of rows")
	}
	if size <= 0 || size >= n {
		return Silhouette(x, labels)
	}
	rng := rand.New(rand.NewPCG(seed, 0x73696c68)) // "silh"
	perm := rng.Perm(n)[:size]
	sub := mat.NewDense(size, d, nil)
	subLabels := make([]int, size)
	for r, i := range perm {
		for f := 0; f < d; f++ {
			sub.Set(r, f, x.At(i, f))
		}
		subLabels[r] = labels[i]
	}
	return Silhouette(sub, subLabels)
}

// SilhouetteSamples writes into dst, and returns, the silhouette
// coefficient of every row,
//
//	s_i = (b_i - a_i) / max(a_i, b_i),
//
// where a_i is the mean Euclidean distance from row i to the other rows of
// its cluster and b_i the smallest mean distance to the rows of another
// cluster; s_i is 0 for a row alone in its cluster (Rousseeuw 1987;
// sklearn.metrics.silhouette_samples). The computation is exact, uses
// O(n·d) memory, and runs over a fixed number of row blocks in parallel. If
// dst is nil it is allocated. It returns an error for NaN or infinite data
// or unless 2 <= m <= n-1 distinct labels, and panics if the lengths
// differ.
func SilhouetteSamples(dst []float64, x mat.Matrix, labels []int) ([]float64, error) {
	n, d := x.Dims()
	if dst == nil {
		dst = make([]float64, n)
	}
	if len(dst) != n {
		panic("cluster: dst length differs from the number of rows")
	}
	codes, m, sizes := kmEncode(labels)
	if err := kmCheckLabels(n, len(labels), m); err != nil {
		return nil, err
	}
	raw, err := kmRows(x)
	if err != nil {
		return nil, err
	}
	// Rows sorted by cluster, so that every cluster is a contiguous range.
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return codes[order[a]] < codes[order[b]] })
	data := make([]float64, n*d)
	for r, i := range order {
		copy(data[r*d:(r+1)*d], raw[i*d:(i+1)*d])
	}
	start := make([]int, m+1)
	for j := 0; j < m; j++ {
		start[j+1] = start[j] + sizes[j]
	}
	blocks := (n + 255) / 256
	if blocks > 256 {
		blocks = 256
	}
	neighbors.ForBlocks(n, blocks, func(_, lo, hi int) {
		sums := make([]float64, m)
		for r := lo; r < hi; r++ {
			xi := data[r*d : (r+1)*d]
			for j := 0; j < m; j++ {
				sums[j] = kmDistSum(xi, data[start[j]*d:start[j+1]*d])
			}
			own := codes[order[r]]
			var s float64
			if sizes[own] > 1 {
				a := sums[own] / float64(sizes[own]-1)
				b := math.Inf(1)
				for j := 0; j < m; j++ {
					if j != own {
						if v := sums[j] / float64(sizes[j]); v < b {
							b = v
						}
					}
				}
				if den := math.Max(a, b); den > 0 {
					s = (b - a) / den
				}
			}
			dst[order[r]] = s
		}
	})
	return dst, nil
}

// kmDistSum returns the sum of the Euclidean distances from x to every
// row of the row-major block rows (len(rows) a multiple of len(x)).
func kmDistSum(x, rows []float64) float64 {
	d := len(x)
	var total float64
	for off := 0; off+d <= len(rows); off += d {
		total += math.Sqrt(kmSqDist(x, rows[off:off+d]))
	}
	return total
}
