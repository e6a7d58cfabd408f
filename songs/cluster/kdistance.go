package cluster

import (
	"errors"
	"fmt"
	"sort"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/neighbors"
)

// KDistance returns the k-distance curve of the rows of x: for every row the
// Euclidean distance to its k-th nearest row, counting the row itself as the
// first (as sklearn.neighbors.NearestNeighbors(n_neighbors=k).kneighbors(X)
// on the training rows), sorted in increasing order. With k = MinSamples
// the curve shows how Eps decides which rows are DBSCAN core points (Ester
// et al. 1996, §4.2).
//
// KDistance returns an error if x holds NaN or infinite values or has fewer
// than k rows, and panics if k < 1.
func KDistance(x mat.Matrix, k int) ([]float64, error) {
	if k < 1 {
		panic("cluster: KDistance needs k >= 1")
	}
	data, n, d, err := densityRows(x)
	if err != nil {
		return nil, err
	}
	if n < k {
		return nil, fmt.Errorf("cluster: KDistance with k=%d of %d rows", k, n)
	}
	out := kthDistances(data, n, d, k)
	sort.Float64s(out)
	return out, nil
}

// SuggestEps returns a DBSCAN radius read off the knee of the k-distance
// curve of x (KDistance(x, k)), with the curve itself. The knee of the
// increasing, convex curve is found as in Kneedle (Satopaa, Albrecht, Irwin
// and Raghavan 2011, "Finding a 'Kneedle' in a haystack"): after scaling
// both axes to [0, 1], it is the point farthest below the chord joining the
// curve's ends, the maximum of x − y. SuggestEps returns an error as
// KDistance does, or if the curve is flat and has no knee.
func SuggestEps(x mat.Matrix, k int) (eps float64, curve []float64, err error) {
	curve, err = KDistance(x, k)
	if err != nil {
		return 0, nil, err
	}
	i, ok := convexIncreasingKnee(curve)
	if !ok {
		return 0, curve, ErrNoKnee
	}
	return curve[i], curve, nil
}

// convexIncreasingKnee returns the index of the Kneedle knee of an
// increasing convex curve sampled at equally spaced points.
func convexIncreasingKnee(y []float64) (int, bool) {
	n := len(y)
	if n < 3 || y[n-1] <= y[0] {
		return 0, false
	}
	lo, span := y[0], y[n-1]-y[0]
	best, bi := 0.0, -1
	for i, v := range y {
		diff := float64(i)/float64(n-1) - (v-lo)/span
		if diff > best {
			best, bi = diff, i
		}
	}
	return bi, bi >= 0
}

// ErrNoKnee is returned by SuggestEps when the k-distance curve is flat
// and has no knee to take a radius from.
var ErrNoKnee = errors.New("cluster: the k-distance curve is flat and has no knee")

// kthTreeMaxRows is the largest number of rows kthDistances searches with
// the k-d tree: measured on 1,600 rows the tree is as fast as brute force
// for k = 18 and 15% faster for Mean Shift's k of 160 to 480; on 20,000
// rows brute force takes half the tree's time.
const kthTreeMaxRows = 4096

// kthDistances returns, for every row of the n×d row-major data, the
// Euclidean distance to its k-th nearest row, the row itself counting as
// the first, by the module's exact neighbour search.
func kthDistances(data []float64, n, d, k int) []float64 {
	x := mat.NewDense(n, d, data)
	var r *neighbors.Result
	if n <= kthTreeMaxRows {
		r = neighbors.NewTree(x).Search(x, k)
	} else {
		r = neighbors.Search(x, x, k)
	}
	out := make([]float64, n)
	for i := range out {
		out[i] = r.Dist[i*k+k-1]
	}
	return out
}
