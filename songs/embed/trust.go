package embed

import (
	"fmt"
	"slices"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/neighbors"
	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

// Trustworthiness returns how well the embedding y keeps the local
// structure of x (Venna and Kaski 2001, "Neighborhood preservation in
// nonlinear projection methods: an experimental study"; as
// sklearn.manifold.trustworthiness with the Euclidean metric):
//
//	T(k) = 1 - 2 / (n k (2n - 3k - 1)) Σ_i Σ_{j ∈ U_k(i)} max(0, r(i, j) - k)
//
// where U_k(i) are the k nearest neighbours of row i in y and r(i, j) is the
// rank of j among the neighbours of i in x (1 for the nearest). T is 1 when
// every embedded neighbourhood holds only true neighbours.
//
// The embedded neighbourhoods come from the module's exact neighbour
// search; the ranks in x are counted from one row of distances at a time,
// never an n×n matrix, so memory stays O(n k) plus O(n) per worker. Ties in distance
// are broken by row index, where scikit-learn's order among exactly equal
// distances is unspecified; results agree exactly on data without ties.
//
// Trustworthiness returns an error for non-finite values or if k >= n/2,
// which scikit-learn rejects too. It panics if x and y have different
// numbers of rows or k < 1.
func Trustworthiness(x, y mat.Matrix, k int) (float64, error) {
	xd, n, dx := rowMajor(x)
	yd, dy, err := neighbourInputs("Trustworthiness", xd, n, dx, y, k)
	if err != nil {
		return 0, err
	}
	if float64(k) >= float64(n)/2 {
		return 0, fmt.Errorf("embed: Trustworthiness: k = %d must be below n/2 = %g", k, float64(n)/2)
	}
	nnY := neighbors.SearchSelf(denseView(yd, n, dy), k)
	nb := parallel.Blocks(n, 64)
	part := make([]int64, nb)
	parallel.For(n, nb, func(b, lo, hi int) {
		distX := make([]float64, n)
		kthX := make([]int, k)
		kthXDist := make([]float64, k)
		far := make([]int, 0, k)
		less := make([]int, k)
		notMore := make([]int, k)
		var sum int64
		for i := lo; i < hi; i++ {
			sqDistances(distX, xd, dx, i)
			neighbors.Nearest(kthX, kthXDist, distX, i)
			tau, tauIdx := kthXDist[k-1], kthX[k-1]
			// The rows of i's embedded neighbourhood that are not among its
			// k nearest in x.
			far = far[:0]
			for _, j := range nnY.Index[i*k : (i+1)*k] {
				dj := distX[j]
				if dj < tau || (dj == tau && j <= tauIdx) {
					continue // among the k nearest in x: rank <= k
				}
				far = append(far, j)
			}
			if len(far) > 0 {
				sum += farRanks(distX, far, i, k, less, notMore)
			}
		}
		part[b] = sum
	})
	var total int64
	for _, s := range part {
		total += s
	}
	nf, kf := float64(n), float64(k)
	return 1 - float64(total)*(2/(nf*kf*(2*nf-3*kf-1))), nil
}

// KNNPreservation returns the mean, over rows, of the fraction of each
// row's k nearest neighbours in x that are also among its k nearest
// neighbours in y (Euclidean distances, the row itself excluded, ties
// broken by row index). It is 1 when every neighbourhood is kept.
//
// KNNPreservation returns an error for non-finite values or if k >= n. It
// panics if x and y have different numbers of rows or k < 1.
func KNNPreservation(x, y mat.Matrix, k int) (float64, error) {
	xd, n, dx := rowMajor(x)
	yd, dy, err := neighbourInputs("KNNPreservation", xd, n, dx, y, k)
	if err != nil {
		return 0, err
	}
	if k >= n {
		return 0, fmt.Errorf("embed: KNNPreservation: k = %d must be below n = %d", k, n)
	}
	nnX := neighbors.SearchSelf(denseView(xd, n, dx), k)
	nnY := neighbors.SearchSelf(denseView(yd, n, dy), k)
	kept := 0
	for i := 0; i < n; i++ {
		for _, j := range nnY.Index[i*k : (i+1)*k] {
			if slices.Contains(nnX.Index[i*k:(i+1)*k], j) {
				kept++
			}
		}
	}
	return float64(kept) / (float64(n) * float64(k)), nil
}

// neighbourInputs checks the inputs of the neighbourhood measures and
// returns y's row-major data and dimension.
func neighbourInputs(name string, xd []float64, n, dx int, y mat.Matrix, k int) ([]float64, int, error) {
	yd, ny, dy := rowMajor(y)
	if ny != n {
		panic("embed: " + name + ": x and y have different numbers of rows")
	}
	if k < 1 {
		panic("embed: " + name + ": k < 1")
	}
	if err := checkFiniteData(xd, dx); err != nil {
		return nil, 0, err
	}
	if err := checkFiniteData(yd, dy); err != nil {
		return nil, 0, err
	}
	return yd, dy, nil
}
