package cluster

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// KMeansAlgorithm selects how KMeans assigns points to centres. Both
// algorithms compute the same Lloyd iterations and so return the same
// clustering, up to floating-point rounding in near ties.
type KMeansAlgorithm int

const (
	// Hamerly is Lloyd's algorithm accelerated by Hamerly's bounds: one
	// upper bound on the distance to the assigned centre and one lower bound
	// on the distance to every other centre let most points skip the
	// distance computations (G. Hamerly, "Making k-means even faster",
	// SIAM International Conference on Data Mining, 2010). It is the zero
	// value and the default.
	Hamerly KMeansAlgorithm = iota
	// Lloyd computes every point-to-centre distance in every iteration
	// (S. P. Lloyd, "Least squares quantization in PCM", IEEE Transactions
	// on Information Theory 28(2), 1982), as sklearn.cluster.KMeans with
	// algorithm="lloyd".
	Lloyd
)

// KMeans partitions rows into K clusters minimising the within-cluster sum
// of squared Euclidean distances, with the meaning of scikit-learn's
// sklearn.cluster.KMeans (version 1.2):
//
//   - each of NInit runs starts from centres chosen by greedy k-means++
//     (Arthur and Vassilvitskii, "k-means++: the advantages of careful
//     seeding", SODA 2007): every new centre is the best, by potential, of
//     2+floor(ln K) candidates drawn with probability proportional to the
//     squared distance to the nearest centre chosen so far;
//   - a run alternates assignment and centre update until the labels stop
//     changing, or the sum of squared centre shifts is at most Tol times the
//     mean per-column variance of the data, or MaxIter iterations;
//   - a cluster left empty is moved to the point farthest from its centre;
//   - the run with the lowest inertia is kept.
//
// The NInit runs advance together: each pass over the data serves every
// run, so the data are read once per iteration rather than once per run,
// and each run reaches the result it would reach alone. Fit keeps a
// centred copy of the data and, per run, the labels and (for Hamerly) two
// float32 bounds of every row: 8·d + 12·NInit bytes a row. Distances are
// computed by a 256-bit kernel (AVX and FMA on amd64, an equivalent
// portable loop elsewhere, with identical results).
//
// The zero value with K set is ready to use. Results are set only by Fit; a
// second Fit replaces them.
type KMeans struct {
	// K is the number of clusters. It must be at least 1.
	K int
	// NInit is the number of k-means++ restarts; zero means 10. It is
	// ignored (one run) when Init is set.
	NInit int
	// MaxIter caps the iterations of one run; zero means 300.
	MaxIter int
	// Tol is the convergence tolerance relative to the mean column
	// variance; zero means 1e-4 and a negative value means 0 (stop only
	// when the labels no longer change).
	Tol float64
	// Seed seeds the PCG generator of the k-means++ draws.
	Seed uint64
	// Algorithm selects Hamerly (default) or Lloyd.
	Algorithm KMeansAlgorithm
	// Init, if not nil, holds K explicit initial centres (K x d), used for
	// a single run instead of k-means++.
	Init mat.Matrix

	// Centres holds the K fitted centres, one per row.
	Centres *mat.Dense
	// Labels holds the cluster index 0..K-1 of every fitted row.
	Labels []int
	// Inertia is the weighted sum of squared distances of the rows to
	// their centres.
	Inertia float64
	// NIter is the number of iterations of the kept run.
	NIter int
}

// ErrTooFewRows is returned when a clustering is asked for more clusters
// than there are rows.
var ErrTooFewRows = errors.New("cluster: fewer rows than clusters")

// ErrNotFinite is returned when the data hold NaN or infinite values.
var ErrNotFinite = errors.New("cluster: data hold NaN or infinite values")

// Fit clusters the rows of x. weights, if not nil, holds one non-negative
// weight per row (nil means all 1); as in scikit-learn 1.2 the weights
// enter the centre updates and the inertia but not the k-means++ draws.
// Fit returns an error if x holds NaN or infinite values or has fewer rows
// than K. It panics if K < 1, if len(weights) differs from the number of
// rows, or if Init has the wrong shape.
func (km *KMeans) Fit(x mat.Matrix, weights []float64) error {
	n, d := x.Dims()
	if km.K < 1 {
		panic("cluster: KMeans.K must be at least 1")
	}
	if weights != nil && len(weights) != n {
		panic("cluster: weights length mismatch")
	}
	if km.Init != nil {
		r, c := km.Init.Dims()
		if r != km.K || c != d {
			panic("cluster: KMeans.Init must be K x d")
		}
	}
	for _, w := range weights {
		if w < 0 || math.IsNaN(w) || math.IsInf(w, 0) {
			return fmt.Errorf("cluster: invalid sample weight %v", w)
		}
	}
	if n < km.K {
		return fmt.Errorf("%w: %d rows, K=%d", ErrTooFewRows, n, km.K)
	}
	data, mean, err := kmCentredRows(x)
	if err != nil {
		return err
	}
	w := weights
	if w == nil {
		w = make([]float64, n)
		for i := range w {
			w[i] = 1
		}
	}
	nInit, maxIter := positiveOr(km.NInit, 10), positiveOr(km.MaxIter, 300)
	tol := orDefault(km.Tol, 1e-4) * kmMeanVariance(data, n, d)

	if km.Init != nil {
		nInit = 1
	}
	joint := newKMJoint(data, w, n, d, km.K, nInit, km.Algorithm, km.Init == nil)
	if km.Init != nil {
		c := joint.runs[0].centres
		for j := 0; j < km.K; j++ {
			for f := 0; f < d; f++ {
				c[j*d+f] = km.Init.At(j, f) - mean[f]
			}
		}
	} else {
		joint.plusPlus(rand.New(rand.NewPCG(km.Seed, 0x6b6d65616e73))) // "kmeans"
	}
	joint.solve(maxIter, tol)
	var (
		bestCentres []float64
		bestLabels  []int32
		bestInertia = math.Inf(1)
		bestIter    int
	)
	for r, run := range joint.runs {
		if r == 0 || (run.inertia < bestInertia && !kmSameClustering(run.labels, bestLabels, km.K)) {
			bestInertia = run.inertia
			bestIter = run.iters
			bestCentres = run.centres
			bestLabels = run.labels
		}
	}
	centres := mat.NewDense(km.K, d, nil)
	for j := 0; j < km.K; j++ {
		for f := 0; f < d; f++ {
			centres.Set(j, f, bestCentres[j*d+f]+mean[f])
		}
	}
	labels := make([]int, n)
	for i, l := range bestLabels {
		labels[i] = int(l)
	}
	km.Centres = centres
	km.Labels = labels
	km.Inertia = bestInertia
	km.NIter = bestIter
	return nil
}

// Predict writes into dst, and returns, the index of the nearest fitted
// centre of every row of x. If dst is nil it is allocated. Predict panics
// if Fit has not succeeded, if x has the wrong number of columns, or if
// dst has the wrong length.
func (km *KMeans) Predict(dst []int, x mat.Matrix) []int {
	if km.Centres == nil {
		panic("cluster: KMeans.Predict before a successful Fit")
	}
	return kmNearest(dst, x, km.Centres)
}

// kmNearest assigns each row of x to its nearest row of centres.
func kmNearest(dst []int, x mat.Matrix, centres *mat.Dense) []int {
	n, d := x.Dims()
	k, dc := centres.Dims()
	if d != dc {
		panic("cluster: column count differs from the fitted centres")
	}
	if dst == nil {
		dst = make([]int, n)
	}
	if len(dst) != n {
		panic("cluster: dst length mismatch")
	}
	c := kmRowMajor(centres)
	row := make([]float64, d)
	for i := 0; i < n; i++ {
		for f := 0; f < d; f++ {
			row[f] = x.At(i, f)
		}
		best, bestD := 0, math.Inf(1)
		for j := 0; j < k; j++ {
			if dd := kmSqDist(row, c[j*d:(j+1)*d]); dd < bestD {
				best, bestD = j, dd
			}
		}
		dst[i] = best
	}
	return dst
}

// kmSameClustering reports whether two labellings are equal up to a
// relabelling of the first onto the second, as scikit-learn's
// _is_same_clustering.
func kmSameClustering(a, b []int32, k int) bool {
	mapping := make([]int32, k)
	for i := range mapping {
		mapping[i] = -1
	}
	for i, la := range a {
		if mapping[la] == -1 {
			mapping[la] = b[i]
		} else if mapping[la] != b[i] {
			return false
		}
	}
	return true
}

// orDefault returns a hyperparameter's value v, def when v is zero (the
// zero value asks for the default) and 0 when v is negative.
func orDefault(v, def float64) float64 {
	switch {
	case v == 0:
		return def
	case v < 0:
		return 0
	}
	return v
}

// positiveOr returns a count hyperparameter's value v, or def when v is
// not positive.
func positiveOr(v, def int) int {
	if v <= 0 {
		return def
	}
	return v
}
