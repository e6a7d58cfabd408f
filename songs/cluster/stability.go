package cluster

import (
	"fmt"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// Stability measures how reproducible a clustering into k clusters is
// under resampling (Ben-Hur, Elisseeff and Guyon, "A stability based
// method for discovering structure in clustered data", PSB 2002; Lange et
// al., Neural Computation 16, 2004): it draws b bootstrap resamples of the
// rows (n rows with replacement, from a PCG generator seeded with seed),
// clusters each with c, and for every pair of resamples computes the
// AdjustedRandIndex of their labels on the rows drawn in both (each row
// counted once). It returns the mean over the b(b-1)/2 pairs and the
// per-pair values in pair order (0,1), (0,2), ..., (1,2), .... Values near
// 1 mean a stable k. Stability returns clustering and data errors, and
// panics if k < 1 or b < 2.
func Stability(x mat.Matrix, k, b int, seed uint64, c Clusterer) (float64, []float64, error) {
	if k < 1 || b < 2 {
		panic("cluster: Stability needs k >= 1 and b >= 2")
	}
	data, err := kmRows(x)
	if err != nil {
		return 0, nil, err
	}
	n, _ := x.Dims()
	rng := rand.New(rand.NewPCG(seed, 0x73746162)) // "stab"
	// labelOf[r][i] is the label of original row i in resample r, when
	// drawn[r][i].
	labelOf := make([][]int, b)
	drawn := make([][]bool, b)
	for r := 0; r < b; r++ {
		if labelOf[r], drawn[r], err = clusterResample(data, x, k, rng, c); err != nil {
			return 0, nil, fmt.Errorf("cluster: stability resample %d: %w", r, err)
		}
	}
	var aris []float64
	var sum float64
	for p := 0; p < b; p++ {
		for q := p + 1; q < b; q++ {
			var la, lb []int
			for i := 0; i < n; i++ {
				if drawn[p][i] && drawn[q][i] {
					la = append(la, labelOf[p][i])
					lb = append(lb, labelOf[q][i])
				}
			}
			v := AdjustedRandIndex(la, lb)
			aris = append(aris, v)
			sum += v
		}
	}
	return sum / float64(len(aris)), aris, nil
}

// BootstrapAgreement measures how well the clustering ref of the rows of
// x into k clusters is reproduced on bootstrap resamples, the clusterwise
// stability of Hennig ("Cluster-wise assessment of cluster stability",
// Computational Statistics and Data Analysis 52, 2007) taken over the
// whole partition: it draws b resamples of the n rows with replacement
// (from a PCG generator seeded with seed, the draws of Stability),
// clusters each with c, and returns, per resample, the AdjustedRandIndex
// between its labels and ref on the distinct rows it drew (a row drawn
// several times counted once). The b values are independent given ref, so
// their mean and quantiles summarise the stability and its spread.
// BootstrapAgreement returns clustering and data errors, and panics if
// k < 1, b < 1 or ref does not have one label per row.
func BootstrapAgreement(x mat.Matrix, ref []int, k, b int, seed uint64, c Clusterer) ([]float64, error) {
	n, _ := x.Dims()
	if k < 1 || b < 1 || len(ref) != n {
		panic("cluster: BootstrapAgreement needs k >= 1, b >= 1 and one reference label per row")
	}
	data, err := kmRows(x)
	if err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(seed, 0x73746162)) // "stab"
	out := make([]float64, b)
	la, lb := make([]int, 0, n), make([]int, 0, n)
	for r := range out {
		labels, drawn, err := clusterResample(data, x, k, rng, c)
		if err != nil {
			return nil, fmt.Errorf("cluster: bootstrap resample %d: %w", r, err)
		}
		la, lb = la[:0], lb[:0]
		for i, ok := range drawn {
			if ok {
				la, lb = append(la, labels[i]), append(lb, ref[i])
			}
		}
		out[r] = AdjustedRandIndex(la, lb)
	}
	return out, nil
}

// clusterResample draws n rows of the row-major data of x with
// replacement, clusters them with c into k clusters, and returns the label
// of every original row in the resample (of its first draw) and whether it
// was drawn.
func clusterResample(data []float64, x mat.Matrix, k int, rng *rand.Rand, c Clusterer) ([]int, []bool, error) {
	n, d := x.Dims()
	idx := make([]int, n)
	sample := make([]float64, n*d)
	for i := range idx {
		idx[i] = rng.IntN(n)
		copy(sample[i*d:(i+1)*d], data[idx[i]*d:(idx[i]+1)*d])
	}
	labels, err := c.Cluster(mat.NewDense(n, d, sample), k)
	if err != nil {
		return nil, nil, err
	}
	lo := make([]int, n)
	seen := make([]bool, n)
	for i, orig := range idx {
		if !seen[orig] {
			seen[orig] = true
			lo[orig] = labels[i]
		}
	}
	return lo, seen, nil
}
