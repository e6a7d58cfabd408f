package cluster

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

// GaussianReference measures the silhouette a clustering method reaches on
// data without clusters: it draws b data sets of x's size from one
// multivariate normal distribution with the mean and covariance of the
// columns of x (stat.CovarianceMatrix, divisor n-1), clusters each with c
// into k clusters and returns each draw's mean Silhouette. It is the
// unimodal reference of the gap statistic's section 4 (Tibshirani,
// Walther and Hastie, JRSS B 63(2), 2001) applied to the silhouette: a
// clustering of x whose silhouette does not exceed the draws' finds no
// more structure than one Gaussian cloud of the same shape.
//
// A draw is mean + A·z with z of independent standard normal deviates
// (math/rand/v2's NormFloat64 on a PCG generator seeded with seed, so
// calls with the same seed and shape draw the same data sets whatever k)
// and A = V·Λ^½ from the eigendecomposition of the covariance (negative
// eigenvalues of a singular covariance taken as 0). A draw whose
// clustering has fewer than 2 distinct labels gets NaN.
//
// GaussianReference returns clustering and data errors, and panics if
// k < 2 or b < 1.
func GaussianReference(x mat.Matrix, k, b int, seed uint64, c Clusterer) ([]float64, error) {
	if k < 2 || b < 1 {
		panic("cluster: GaussianReference needs k >= 2 and b >= 1")
	}
	data, err := kmRows(x)
	if err != nil {
		return nil, err
	}
	n, d := x.Dims()
	a, mean, err := gaussianFactor(mat.NewDense(n, d, data))
	if err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(seed, 0x6e756c6c)) // "null"
	out := make([]float64, b)
	for r := range out {
		draw := gaussianDraw(n, a, mean, rng)
		labels, err := c.Cluster(draw, k)
		if err != nil {
			return nil, fmt.Errorf("cluster: reference draw %d: %w", r, err)
		}
		out[r] = math.NaN()
		if _, m, _ := kmEncode(labels); m >= 2 && m <= n-1 {
			if out[r], err = Silhouette(draw, labels); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// gaussianDraw draws n rows mean + A·z, z of independent standard normal
// deviates.
func gaussianDraw(n int, a *mat.Dense, mean []float64, rng *rand.Rand) *mat.Dense {
	d := len(mean)
	draw := mat.NewDense(n, d, nil)
	z := make([]float64, d)
	for i := 0; i < n; i++ {
		for f := range z {
			z[f] = rng.NormFloat64()
		}
		row := draw.RawRowView(i)
		for f := range row {
			s := mean[f]
			for g, zg := range z {
				s += a.At(f, g) * zg
			}
			row[f] = s
		}
	}
	return draw
}

// gaussianFactor returns A with A·Aᵀ the covariance of the columns of x,
// and their means.
func gaussianFactor(x *mat.Dense) (*mat.Dense, []float64, error) {
	n, d := x.Dims()
	if n < 2 {
		return nil, nil, fmt.Errorf("%w: a covariance needs 2 rows, have %d", ErrTooFewRows, n)
	}
	mean := make([]float64, d)
	for f := range mean {
		mean[f] = stat.Mean(mat.Col(nil, f, x), nil)
	}
	var cov mat.SymDense
	stat.CovarianceMatrix(&cov, x, nil)
	var eig mat.EigenSym
	if !eig.Factorize(&cov, true) {
		return nil, nil, fmt.Errorf("cluster: the eigendecomposition of the covariance failed")
	}
	var v mat.Dense
	eig.VectorsTo(&v)
	vals := eig.Values(nil)
	a := mat.NewDense(d, d, nil)
	for f := 0; f < d; f++ {
		for g := 0; g < d; g++ {
			a.Set(f, g, v.At(f, g)*math.Sqrt(math.Max(vals[g], 0)))
		}
	}
	return a, mean, nil
}
