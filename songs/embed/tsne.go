package embed

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// TSNEMethod selects how TSNE computes the gradient.
type TSNEMethod int

const (
	// TSNEBarnesHut approximates the repulsive forces with a quadtree
	// (van der Maaten 2014) and uses affinities over the 3·perplexity + 1
	// nearest neighbours, as scikit-learn's method="barnes_hut".
	TSNEBarnesHut TSNEMethod = iota
	// TSNEExact computes all pairwise forces and affinities, as
	// scikit-learn's method="exact". It refuses more than TSNEExactMaxRows
	// rows.
	TSNEExact
)

// TSNEInit selects the initial embedding.
type TSNEInit int

const (
	// TSNEInitPCA starts from the first two principal components, scaled
	// so that the first has standard deviation 1e-4 (scikit-learn's
	// init="pca").
	TSNEInitPCA TSNEInit = iota
	// TSNEInitRandom starts from normal values with standard deviation
	// 1e-4 (scikit-learn's init="random").
	TSNEInitRandom
)

// TSNEExactMaxRows is the largest input TSNEExact accepts: its affinities and
// forces take memory and time proportional to the square of the rows.
const TSNEExactMaxRows = 5000

// TSNE is t-distributed stochastic neighbour embedding into the plane (van
// der Maaten and Hinton 2008, "Visualizing data using t-SNE", JMLR 9), with
// the Barnes-Hut approximation of van der Maaten (2014, "Accelerating t-SNE
// using tree-based algorithms", JMLR 15), following
// sklearn.manifold.TSNE 1.2.1 step by step: perplexity calibration by
// bisection, symmetrised affinities P, early exaggeration, gradient descent
// with momentum and per-coordinate gains, and the same stopping checks every
// 50 iterations.
//
// The zero value is not ready; use NewTSNE for scikit-learn's defaults.
type TSNE struct {
	// Perplexity is the effective number of neighbours (default 30).
	Perplexity float64
	// EarlyExaggeration multiplies P for the first ExplorationIter
	// iterations (default 12).
	EarlyExaggeration float64
	// LearningRate is the step size; 0 means scikit-learn's "auto",
	// max(n / EarlyExaggeration / 4, 50).
	LearningRate float64
	// MaxIter is the total number of iterations (default 1000).
	MaxIter int
	// ExplorationIter is the length of the early exaggeration phase, with
	// momentum 0.5; the rest uses momentum 0.8 (default 250).
	ExplorationIter int
	// NoProgressIter stops the second phase when the error has not improved
	// for this many iterations (default 300).
	NoProgressIter int
	// MinGradNorm stops when the gradient norm falls below it (default 1e-7).
	MinGradNorm float64
	// Theta is the Barnes-Hut opening angle (default 0.5).
	Theta float64
	// Method selects Barnes-Hut or the exact gradient.
	Method TSNEMethod
	// Init selects the initial embedding.
	Init TSNEInit
	// Seed seeds the random initialisation and, above 30000 rows, the
	// nearest-neighbour descent that finds the neighbours of the affinities.
	Seed uint64

	embedding *mat.Dense
	kl        float64
	iters     int
	p         *sparseSym
}

// NewTSNE returns a TSNE with scikit-learn 1.2.1's defaults: perplexity 30,
// early exaggeration 12, learning rate "auto", 1000 iterations, Barnes-Hut
// with theta 0.5 and PCA initialisation.
func NewTSNE(seed uint64) *TSNE {
	return &TSNE{
		Perplexity:        30,
		EarlyExaggeration: 12,
		MaxIter:           1000,
		ExplorationIter:   250,
		NoProgressIter:    300,
		MinGradNorm:       1e-7,
		Theta:             0.5,
		Seed:              seed,
	}
}

func (t *TSNE) validate() {
	switch {
	case !(t.Perplexity > 0):
		panic("embed: TSNE: Perplexity must be positive")
	case !(t.EarlyExaggeration >= 1):
		panic("embed: TSNE: EarlyExaggeration must be at least 1")
	case t.LearningRate < 0:
		panic("embed: TSNE: negative LearningRate")
	case t.MaxIter < 1 || t.ExplorationIter < 0 || t.NoProgressIter < 1:
		panic("embed: TSNE: MaxIter and NoProgressIter must be positive, ExplorationIter non-negative")
	case t.Theta < 0:
		panic("embed: TSNE: negative Theta")
	case t.Method != TSNEBarnesHut && t.Method != TSNEExact:
		panic("embed: TSNE: unknown Method")
	case t.Init != TSNEInitPCA && t.Init != TSNEInitRandom:
		panic("embed: TSNE: unknown Init")
	}
}

// Fit embeds the rows of x in the plane. It returns a *TooFewRowsError for
// fewer than 3 rows, a *NonFiniteError for NaN or infinite values, and an
// error if Method is TSNEExact and x has more than TSNEExactMaxRows rows or
// the perplexity is not below the number of rows. On error the previous fit
// is kept. Fit panics if a hyperparameter is invalid.
func (t *TSNE) Fit(x mat.Matrix) error {
	t.validate()
	data, n, d, err := finiteRows(x, 3)
	if err != nil {
		return err
	}
	if t.Perplexity >= float64(n) {
		return fmt.Errorf("embed: TSNE: perplexity %g must be less than the %d rows", t.Perplexity, n)
	}
	if t.Method == TSNEExact && n > TSNEExactMaxRows {
		return fmt.Errorf("embed: TSNE: exact method limited to %d rows, got %d; use TSNEBarnesHut", TSNEExactMaxRows, n)
	}
	var p *sparseSym
	if t.Method == TSNEExact {
		p = jointProbabilitiesExact(data, n, d, t.Perplexity)
	} else {
		p = jointProbabilitiesNN(data, n, d, t.Perplexity, t.Seed)
	}
	y, err := t.initial(x, n)
	if err != nil {
		return err
	}
	kl, it := t.optimise(p, y, n)
	t.embedding = mat.NewDense(n, 2, y)
	t.kl, t.iters, t.p = kl, it, p
	return nil
}

// initial returns the starting embedding, row-major n×2.
func (t *TSNE) initial(x mat.Matrix, n int) ([]float64, error) {
	y := make([]float64, 2*n)
	if t.Init == TSNEInitRandom {
		rng := rand.New(rand.NewPCG(t.Seed, 0x7453e))
		for i := range y {
			y[i] = float64(float32(rng.NormFloat64())) * 1e-4
		}
		return y, nil
	}
	pca := PCA{NComponents: 2}
	var s mat.Dense
	if err := pca.FitTransform(&s, x); err != nil {
		return nil, fmt.Errorf("embed: TSNE: PCA initialisation: %w", err)
	}
	var mean, ss float64
	for i := 0; i < n; i++ {
		y[2*i], y[2*i+1] = float64(float32(s.At(i, 0))), float64(float32(s.At(i, 1)))
		mean += y[2*i]
	}
	mean /= float64(n)
	for i := 0; i < n; i++ {
		ss += (y[2*i] - mean) * (y[2*i] - mean)
	}
	sd := math.Sqrt(ss / float64(n))
	if sd == 0 {
		return nil, fmt.Errorf("embed: TSNE: PCA initialisation has zero spread")
	}
	for i := range y {
		y[i] = y[i] / sd * 1e-4
	}
	return y, nil
}

// EmbeddingTo copies the n×2 embedding into dst; an empty dst is sized for
// it. It panics before a successful Fit.
func (t *TSNE) EmbeddingTo(dst *mat.Dense) {
	embeddingTo(dst, t.embedding, "TSNE")
}

// KLDivergence returns the Kullback-Leibler divergence of the final
// embedding, as scikit-learn's kl_divergence_ (for Barnes-Hut, with the
// normalisation approximated by the tree). It panics before a successful Fit.
func (t *TSNE) KLDivergence() float64 {
	t.check()
	return t.kl
}

// NIter returns the index of the last iteration run, counted from 0 as
// scikit-learn's n_iter_ (MaxIter-1 when no stopping rule fired). It panics
// before a successful Fit.
func (t *TSNE) NIter() int {
	t.check()
	return t.iters
}

func (t *TSNE) check() {
	checkEmbedding(t.embedding, "TSNE")
}
