package embed

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/neighbors"
	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

// sparseSym is a symmetric sparse matrix in compressed sparse row form: the
// entries of row i are at positions ptr[i]:ptr[i+1] of col and val, in
// increasing column order.
type sparseSym struct {
	n   int
	ptr []int
	col []int
	val []float64
}

const (
	perplexityTol   = 1e-5 // PERPLEXITY_TOLERANCE of sklearn.manifold._utils
	perplexitySteps = 100  // n_steps of sklearn.manifold._utils
)

// binarySearchPerplexity returns the conditional probabilities p_{j|i} of
// each row of sqDist (n rows of k squared distances to the neighbours of
// point i), with the Gaussian precision beta_i found by bisection so that the
// entropy of row i is log(perplexity), as _binary_search_perplexity in
// scikit-learn 1.2.1 (sklearn/manifold/_utils.pyx). The squared distances are
// rounded to float32 first, as scikit-learn does.
func binarySearchPerplexity(sqDist []float64, n, k int, perplexity float64) []float64 {
	p := make([]float64, n*k)
	want := math.Log(perplexity)
	parallel.For(n, parallel.Blocks(n, 256), func(_, lo, hi int) {
		d := make([]float64, k)
		for i := lo; i < hi; i++ {
			for j := range d {
				d[j] = float64(float32(sqDist[i*k+j]))
			}
			row := p[i*k : (i+1)*k]
			betaMin, betaMax, beta := math.Inf(-1), math.Inf(1), 1.0
			for step := 0; step < perplexitySteps; step++ {
				var sum float64
				for j, v := range d {
					row[j] = math.Exp(-v * beta)
					sum += row[j]
				}
				if sum == 0 {
					sum = 1e-8
				}
				var sumDP float64
				for j, v := range d {
					row[j] /= sum
					sumDP += v * row[j]
				}
				diff := math.Log(sum) + beta*sumDP - want
				if math.Abs(diff) <= perplexityTol {
					break
				}
				if diff > 0 {
					betaMin = beta
					if math.IsInf(betaMax, 1) {
						beta *= 2
					} else {
						beta = (beta + betaMax) / 2
					}
				} else {
					betaMax = beta
					if math.IsInf(betaMin, -1) {
						beta /= 2
					} else {
						beta = (beta + betaMin) / 2
					}
				}
			}
		}
	})
	return p
}

// tsneNeighbours returns the number of neighbours the affinities use,
// min(n-1, floor(3*perplexity + 1)), as scikit-learn's TSNE.
func tsneNeighbours(n int, perplexity float64) int {
	return min(n-1, int(3*perplexity+1))
}

// jointProbabilitiesNN returns the symmetric joint probabilities
//
//	p_ij = (p_{j|i} + p_{i|j}) / sum
//
// over the k nearest neighbours of each row of x, as _joint_probabilities_nn
// of scikit-learn 1.2.1 (van der Maaten 2014, "Accelerating t-SNE using
// tree-based algorithms").
func jointProbabilitiesNN(x []float64, n, d int, perplexity float64, seed uint64) *sparseSym {
	k := tsneNeighbours(n, perplexity)
	nb := selfNeighbours(x, n, d, k, seed)
	sq := make([]float64, n*k)
	for i, v := range nb.Dist {
		sq[i] = v * v
	}
	cond := binarySearchPerplexity(sq, n, k, perplexity)
	return symmetrise(n, k, nb.Index, cond)
}

// tsneExactKNNMaxRows is the largest input whose affinities use exact
// neighbours (blocked brute force, as scikit-learn's); above it, the
// neighbours come from nearest-neighbour descent, whose cost grows about
// linearly instead of quadratically.
const tsneExactKNNMaxRows = 30000

// selfNeighbours finds the k nearest other rows of every row: exactly up to
// tsneExactKNNMaxRows rows, by nearest-neighbour descent above.
func selfNeighbours(x []float64, n, d, k int, seed uint64) *neighbors.Result {
	if n <= tsneExactKNNMaxRows {
		return neighbors.SearchSelf(denseView(x, n, d), k)
	}
	return neighbors.Approximate(denseView(x, n, d), k, seed)
}

// symmetrise returns (C + Cᵀ) / sum(C + Cᵀ) for the sparse matrix C whose row
// i holds val[i*k+j] at column idx[i*k+j].
func symmetrise(n, k int, idx []int, val []float64) *sparseSym {
	// Transposed entries, grouped by row by a counting sort.
	tptr := make([]int, n+1)
	for _, j := range idx {
		tptr[j+1]++
	}
	for i := 0; i < n; i++ {
		tptr[i+1] += tptr[i]
	}
	tcol := make([]int, len(idx))
	tval := make([]float64, len(idx))
	fill := append([]int(nil), tptr[:n]...)
	for i := 0; i < n; i++ {
		for j := i * k; j < (i+1)*k; j++ {
			c := idx[j]
			tcol[fill[c]], tval[fill[c]] = i, val[j]
			fill[c]++
		}
	}
	s := &sparseSym{n: n, ptr: make([]int, n+1)}
	s.col = make([]int, 0, 2*len(idx))
	s.val = make([]float64, 0, 2*len(idx))
	order := make([]int, k)
	for i := 0; i < n; i++ {
		for j := range order {
			order[j] = i*k + j
		}
		sort.Slice(order, func(a, b int) bool { return idx[order[a]] < idx[order[b]] })
		a, b := 0, tptr[i]
		for a < k || b < tptr[i+1] {
			switch {
			case b == tptr[i+1] || (a < k && idx[order[a]] < tcol[b]):
				s.col = append(s.col, idx[order[a]])
				s.val = append(s.val, val[order[a]])
				a++
			case a == k || tcol[b] < idx[order[a]]:
				s.col = append(s.col, tcol[b])
				s.val = append(s.val, tval[b])
				b++
			default:
				s.col = append(s.col, tcol[b])
				s.val = append(s.val, val[order[a]]+tval[b])
				a++
				b++
			}
		}
		s.ptr[i+1] = len(s.col)
	}
	var sum float64
	for _, v := range s.val {
		sum += v
	}
	sum = max(sum, machineEpsilon)
	for i := range s.val {
		s.val[i] /= sum
	}
	return s
}

// machineEpsilon is np.finfo(np.double).eps, scikit-learn's floor for sums
// and probabilities in t-SNE.
const machineEpsilon = 2.220446049250313e-16

// denseView wraps row-major data as a matrix without copying.
func denseView(x []float64, n, d int) *mat.Dense {
	return mat.NewDense(n, d, x[:n*d])
}

// jointProbabilitiesExact returns the joint probabilities over all pairs,
// floored at machine epsilon, as _joint_probabilities of scikit-learn 1.2.1
// (the affinities of its exact method).
func jointProbabilitiesExact(x []float64, n, d int, perplexity float64) *sparseSym {
	k := n - 1
	idx := make([]int, n*k)
	sq := make([]float64, n*k)
	parallel.For(n, parallel.Blocks(n, 64), func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			c := i * k
			for j := 0; j < n; j++ {
				if j == i {
					continue
				}
				var s float64
				for a := 0; a < d; a++ {
					t := x[i*d+a] - x[j*d+a]
					s += t * t
				}
				idx[c], sq[c] = j, s
				c++
			}
		}
	})
	cond := binarySearchPerplexity(sq, n, k, perplexity)
	p := symmetrise(n, k, idx, cond)
	for i, v := range p.val {
		p.val[i] = max(v, machineEpsilon)
	}
	return p
}
