package cluster

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// CovarianceType is the form of the covariance matrices of a
// GaussianMixture, with the meaning of scikit-learn's covariance_type.
type CovarianceType int

const (
	// FullCovariance gives each component its own general covariance
	// matrix. It is the zero value.
	FullCovariance CovarianceType = iota
	// TiedCovariance shares one general covariance matrix between all
	// components.
	TiedCovariance
	// DiagCovariance gives each component its own diagonal covariance.
	DiagCovariance
	// SphericalCovariance gives each component a single variance.
	SphericalCovariance
)

// String returns scikit-learn's name of the covariance type.
func (c CovarianceType) String() string {
	return enumName("CovarianceType", int(c), "full", "tied", "diag", "spherical")
}

// ErrIllDefinedCovariance is returned when a component's covariance is not
// positive definite (for instance for collapsed or singleton components);
// a larger RegCovar or fewer components help.
var ErrIllDefinedCovariance = errors.New("cluster: ill-defined empirical covariance; increase RegCovar or decrease K")

// GaussianMixture fits a mixture of K Gaussians by expectation-maximisation
// (Dempster, Laird and Rubin, "Maximum likelihood from incomplete data via
// the EM algorithm", JRSS B 39(1), 1977; Bishop, Pattern Recognition and
// Machine Learning, 2006, section 9.2), with the meaning of scikit-learn's
// sklearn.mixture.GaussianMixture (version 1.2):
//
//   - initial responsibilities are the one-hot labels of
//     KMeans{K: K, NInit: 1} (init_params="kmeans"), unless WeightsInit,
//     MeansInit and PrecisionsInit are all given;
//   - each iteration computes log-responsibilities with log-sum-exp (E
//     step), then weights, means and covariances with RegCovar added to
//     the diagonals (M step); the lower bound is the mean log-likelihood of
//     the E step;
//   - EM stops when the lower bound changes by less than Tol, or after
//     MaxIter iterations (then Converged is false);
//   - of NInit initialisations the one with the largest lower bound is kept.
//
// The zero value with K set is ready to use. Results are set only by Fit; a
// second Fit replaces them.
type GaussianMixture struct {
	// K is the number of components. It must be at least 1.
	K int
	// Covariance selects full (default), tied, diagonal or spherical
	// covariances.
	Covariance CovarianceType
	// Tol is the convergence threshold on the change of the lower bound;
	// zero means 1e-3 and a negative value means 0.
	Tol float64
	// RegCovar is added to the covariance diagonals; zero means 1e-6 and a
	// negative value means 0.
	RegCovar float64
	// MaxIter caps the EM iterations; zero means 100.
	MaxIter int
	// NInit is the number of initialisations; zero means 1.
	NInit int
	// Seed seeds the k-means initialisation.
	Seed uint64

	// WeightsInit, MeansInit and PrecisionsInit, when all set, replace the
	// k-means initialisation (scikit-learn's weights_init, means_init and
	// precisions_init). WeightsInit has K entries and MeansInit is K x d.
	// PrecisionsInit holds the precision (inverse covariance) matrices,
	// each a row-major slice: for FullCovariance K slices of d*d values;
	// for TiedCovariance one slice of d*d; for DiagCovariance K slices of d
	// values; for SphericalCovariance K slices of one value.
	WeightsInit    []float64
	MeansInit      mat.Matrix
	PrecisionsInit [][]float64

	// Weights holds the K mixing proportions.
	Weights []float64
	// Means holds the K component means, one per row.
	Means *mat.Dense
	// Covariances holds the covariance matrices: K for full, diagonal and
	// spherical covariances (diagonal ones for the last two), one for tied.
	Covariances []*mat.SymDense
	// LowerBound is the mean log-likelihood per row of the kept run, as
	// scikit-learn's lower_bound_.
	LowerBound float64
	// NIter is the number of EM iterations of the kept run.
	NIter int
	// Converged reports whether the kept run met Tol.
	Converged bool

	comps []gmmComp
}

// Fit estimates the mixture from the rows of x. It returns an error for NaN
// or infinite data, fewer rows than K, or a covariance that is not positive
// definite. It panics if K < 1 or the initial parameters have the wrong
// shape.
func (g *GaussianMixture) Fit(x mat.Matrix) error {
	n, d := x.Dims()
	if g.K < 1 {
		panic("cluster: GaussianMixture.K must be at least 1")
	}
	explicit := g.WeightsInit != nil && g.MeansInit != nil && g.PrecisionsInit != nil
	if explicit {
		g.checkInit(d)
	}
	if n < g.K {
		return fmt.Errorf("%w: %d rows, K=%d", ErrTooFewRows, n, g.K)
	}
	data, err := kmRows(x)
	if err != nil {
		return err
	}
	tol, reg := orDefault(g.Tol, 1e-3), orDefault(g.RegCovar, 1e-6)
	maxIter, nInit := positiveOr(g.MaxIter, 100), positiveOr(g.NInit, 1)
	e := newGMMEM(data, n, d, g.K, g.Covariance, reg)
	rng := rand.New(rand.NewPCG(g.Seed, 0x676d6d)) // "gmm"
	var (
		best      gmmState
		bestLB    = math.Inf(-1)
		bestIter  int
		bestConv  bool
		haveBest  bool
		converged bool
	)
	for r := 0; r < nInit; r++ {
		if explicit {
			if err := e.setExplicit(g.WeightsInit, g.MeansInit, g.PrecisionsInit); err != nil {
				return err
			}
		} else {
			km := KMeans{K: g.K, NInit: 1, Seed: rng.Uint64()}
			if err := km.Fit(x, nil); err != nil {
				return err
			}
			if err := e.initFromLabels(km.Labels); err != nil {
				return err
			}
		}
		lb := math.Inf(-1)
		converged = false
		iter := 0
		for iter = 1; iter <= maxIter; iter++ {
			prev := lb
			lb = e.eStep()
			if err := e.mStep(); err != nil {
				return err
			}
			if math.Abs(lb-prev) < tol {
				converged = true
				break
			}
		}
		if iter > maxIter {
			iter = maxIter
		}
		if !haveBest || lb > bestLB {
			haveBest = true
			bestLB, bestIter, bestConv = lb, iter, converged
			best = e.state.clone()
		}
	}
	g.comps = best.comps
	g.Weights = append([]float64(nil), best.weights...)
	g.Means = mat.NewDense(g.K, d, nil)
	for k, c := range best.comps {
		g.Means.SetRow(k, c.mean)
	}
	g.Covariances = best.covs
	g.LowerBound = bestLB
	g.NIter = bestIter
	g.Converged = bestConv
	return nil
}

// checkInit panics unless the explicit initial parameters fit K and d.
func (g *GaussianMixture) checkInit(d int) {
	if len(g.WeightsInit) != g.K {
		panic("cluster: GaussianMixture.WeightsInit must have K entries")
	}
	if r, c := g.MeansInit.Dims(); r != g.K || c != d {
		panic("cluster: GaussianMixture.MeansInit must be K x d")
	}
	want, size := g.K, d*d
	switch g.Covariance {
	case TiedCovariance:
		want = 1
	case DiagCovariance:
		size = d
	case SphericalCovariance:
		size = 1
	}
	if len(g.PrecisionsInit) != want {
		panic("cluster: GaussianMixture.PrecisionsInit has the wrong number of matrices")
	}
	for _, p := range g.PrecisionsInit {
		if len(p) != size {
			panic("cluster: GaussianMixture.PrecisionsInit entry has the wrong size")
		}
	}
}

// NParameters returns the number of free parameters of the fitted model,
// as scikit-learn's _n_parameters: covariance parameters (K·d(d+1)/2 full,
// d(d+1)/2 tied, K·d diagonal, K spherical) plus K·d means plus K-1
// weights.
func (g *GaussianMixture) NParameters() int {
	g.mustFit()
	d := len(g.comps[0].mean)
	var cov int
	switch g.Covariance {
	case FullCovariance:
		cov = g.K * d * (d + 1) / 2
	case TiedCovariance:
		cov = d * (d + 1) / 2
	case DiagCovariance:
		cov = g.K * d
	case SphericalCovariance:
		cov = g.K
	}
	return cov + d*g.K + g.K - 1
}

func (g *GaussianMixture) mustFit() {
	if g.comps == nil {
		panic("cluster: GaussianMixture used before a successful Fit")
	}
}
