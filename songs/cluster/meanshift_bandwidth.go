package cluster

import (
	"errors"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// EstimateBandwidth returns a bandwidth for MeanShift, as
// sklearn.cluster.estimate_bandwidth: the mean, over the rows of a sample,
// of the Euclidean distance to the ⌊quantile·m⌋-th nearest row of the
// sample (at least the first), counting the row itself, where m is the
// sample size. When 0 < nSamples < n the sample is nSamples rows drawn
// without replacement with a PCG generator seeded by seed (scikit-learn
// draws with NumPy, so its sample, and the estimate, differ slightly);
// otherwise every row is used and the result matches scikit-learn's.
//
// EstimateBandwidth returns an error if x has no rows or holds NaN or
// infinite values, and panics if quantile is not in [0, 1].
func EstimateBandwidth(x mat.Matrix, quantile float64, nSamples int, seed uint64) (float64, error) {
	if !(quantile >= 0 && quantile <= 1) {
		panic("cluster: quantile out of [0, 1]")
	}
	data, n, d, err := densityRows(x)
	if err != nil {
		return 0, err
	}
	if n == 0 {
		return 0, errors.New("cluster: EstimateBandwidth of no rows")
	}
	if nSamples > 0 && nSamples < n {
		perm := rand.New(rand.NewPCG(seed, 0x6d65616e)).Perm(n)[:nSamples]
		sample := make([]float64, 0, nSamples*d)
		for _, i := range perm {
			sample = append(sample, data[i*d:(i+1)*d]...)
		}
		data, n = sample, nSamples
	}
	k := max(int(float64(n)*quantile), 1)
	kth := kthDistances(data, n, d, k)
	var sum float64
	for _, v := range kth {
		sum += v
	}
	return sum / float64(n), nil
}
