package embed

import (
	"errors"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// ICAAlgorithm selects how FastICA estimates the components.
type ICAAlgorithm int

const (
	// ICAParallel updates all components at once and decorrelates them
	// symmetrically, W ← (W Wᵀ)^(-1/2) W (scikit-learn's "parallel").
	ICAParallel ICAAlgorithm = iota
	// ICADeflation estimates one component at a time and removes its
	// projections on the earlier ones by Gram-Schmidt (scikit-learn's
	// "deflation").
	ICADeflation
)

// ICAFunction is the contrast function G whose derivative g drives the
// fixed-point iteration.
type ICAFunction int

const (
	// ICALogCosh is G(u) = log cosh(αu)/α, g(u) = tanh(αu).
	ICALogCosh ICAFunction = iota
	// ICAExp is G(u) = -exp(-u²/2), g(u) = u exp(-u²/2).
	ICAExp
	// ICACube is G(u) = u⁴/4, g(u) = u³.
	ICACube
)

// WhitenSolver selects how FastICA whitens the data.
type WhitenSolver int

const (
	// WhitenEigh eigendecomposes the d×d scatter matrix of the centred
	// data (scikit-learn's whiten_solver="eigh"): one pass over the data,
	// fast for tall data. Eigenvalues below machine epsilon are raised to
	// it, as scikit-learn does.
	WhitenEigh WhitenSolver = iota
	// WhitenSVD takes the singular value decomposition of the centred
	// data (scikit-learn's default whiten_solver="svd"): slower, more
	// accurate for nearly singular data.
	WhitenSVD
)

// FastICA is independent component analysis by the fixed-point algorithm
// of Hyvärinen and Oja (2000, "Independent component analysis: algorithms
// and applications", Neural Networks 13), as sklearn.decomposition.FastICA
// with whiten="unit-variance".
//
// Fit centres the data, whitens it by PCA to k components,
//
//	X1 = sqrt(n) D⁻¹ Uᵀ Xcᵀ   (Xcᵀ Xc = U D² Uᵀ, columns of U signed so U[0, j] ≥ 0)
//
// and iterates, for the parallel algorithm,
//
//	W ← sym(E[g(W X1) X1ᵀ] - diag(E[g'(W X1)]) W),  sym(W) = (W Wᵀ)^(-1/2) W
//
// until max_i ||⟨W_new,i, W_i⟩| - 1| < Tol or MaxIter iterations. The
// sources are finally scaled to unit variance.
//
// Started from the same initial matrix (WInit), the components agree with
// scikit-learn's to rounding. Without WInit the initial matrix is drawn
// from a standard normal distribution seeded by Seed.
type FastICA struct {
	// NComponents is the number of components; 0 means min(n, d).
	NComponents int
	// Algorithm is ICAParallel (the zero value) or ICADeflation.
	Algorithm ICAAlgorithm
	// Fun is the contrast function; the zero value is ICALogCosh.
	Fun ICAFunction
	// Alpha scales the argument of ICALogCosh; 0 means 1. Fit panics
	// unless 1 <= Alpha <= 2, as scikit-learn.
	Alpha float64
	// Whiten selects the whitening solver; the zero value is WhitenEigh.
	Whiten WhitenSolver
	// Tol is the convergence tolerance; 0 means 1e-4.
	Tol float64
	// MaxIter bounds the iterations (per component for ICADeflation); 0
	// means 200.
	MaxIter int
	// Seed seeds the standard normal initial unmixing matrix when WInit
	// is nil.
	Seed uint64
	// WInit, if not nil, is the k×k initial unmixing matrix. Fit panics if
	// its dimensions are not k×k.
	WInit mat.Matrix

	n, d, k    int
	mean       []float64
	whitening  *mat.Dense // k×d, K
	unmixing   *mat.Dense // k×k, W scaled to unit-variance sources
	components *mat.Dense // k×d, W K
	mixing     *mat.Dense // d×k, pinv(W K)
	nIter      int
	converged  bool
}

func (f *FastICA) settings() (alpha, tol float64, maxIter int) {
	alpha, tol, maxIter = f.Alpha, f.Tol, f.MaxIter
	if alpha == 0 {
		alpha = 1
	}
	if !(alpha >= 1 && alpha <= 2) {
		panic("embed: FastICA: Alpha outside [1, 2]")
	}
	if tol == 0 {
		tol = 1e-4
	}
	if tol < 0 || math.IsNaN(tol) {
		panic("embed: FastICA: negative Tol")
	}
	if maxIter == 0 {
		maxIter = 200
	}
	if maxIter < 0 {
		panic("embed: FastICA: negative MaxIter")
	}
	if f.NComponents < 0 {
		panic("embed: FastICA: negative NComponents")
	}
	switch f.Algorithm {
	case ICAParallel, ICADeflation:
	default:
		panic("embed: FastICA: unknown Algorithm")
	}
	switch f.Fun {
	case ICALogCosh, ICAExp, ICACube:
	default:
		panic("embed: FastICA: unknown Fun")
	}
	return alpha, tol, maxIter
}

// Fit estimates the independent components of x, whose rows are
// observations. It returns a *TooFewRowsError for fewer than 2 rows, a
// *NonFiniteError for NaN or infinite values, and an error if NComponents
// exceeds min(n, d) or a decomposition fails. Not converging within
// MaxIter is not an error: see Converged. On error the previous fit is
// kept. Fit panics on invalid hyperparameters.
func (f *FastICA) Fit(x mat.Matrix) error {
	return f.fit(nil, x)
}

// FitTransform fits f to x and writes the unit-variance sources of x into
// dst, as scikit-learn's fit_transform. An empty dst is sized n×k.
func (f *FastICA) FitTransform(dst *mat.Dense, x mat.Matrix) error {
	if dst == nil {
		panic("embed: FastICA.FitTransform: nil dst")
	}
	return f.fit(dst, x)
}

func (f *FastICA) fit(dst *mat.Dense, x mat.Matrix) error {
	alpha, tol, maxIter := f.settings()
	data, n, d, mean, k, err := linearFitInput(x, f.NComponents, "FastICA")
	if err != nil {
		return err
	}
	w0 := mat.NewDense(k, k, nil)
	if f.WInit != nil {
		if r, c := f.WInit.Dims(); r != k || c != k {
			panic("embed: FastICA: WInit must be k×k")
		}
		w0.Copy(f.WInit)
	} else {
		rng := rand.New(rand.NewPCG(f.Seed, 0x9e3779b97f4a7c15))
		raw := w0.RawMatrix().Data
		for i := range raw {
			raw[i] = rng.NormFloat64()
		}
	}
	if dst != nil {
		prepareDst(dst, n, k, "FastICA.FitTransform")
	}

	xc := centredPanels(data, n, d, mean)
	kw, err := icaWhitening(data, xc, n, d, k, mean, f.Whiten)
	if err != nil {
		return err
	}
	x1 := icaWhiten(xc, n, d, kw)
	g := icaContrast{fun: f.Fun, alpha: alpha}
	var (
		w         *mat.Dense
		nIter     int
		converged bool
	)
	if f.Algorithm == ICAParallel {
		w, nIter, converged, err = icaParallel(x1, n, k, w0, g, tol, maxIter)
	} else {
		w, nIter, converged = icaDeflation(x1, n, k, w0, g, tol, maxIter)
	}
	if err != nil {
		return err
	}
	// Unit-variance sources: S = W K Xcᵀ = W X1 / sqrt(n), scaled by its
	// population standard deviation, and W divided by the same.
	std := icaSources(dst, x1, n, k, w)
	sqn := math.Sqrt(float64(n))
	for i := 0; i < k; i++ {
		row := w.RawRowView(i)
		for j := range row {
			row[j] /= std[i] / sqn
		}
	}
	var comps mat.Dense
	comps.Mul(w, kw)
	mixing, err := pseudoInverse(&comps)
	if err != nil {
		return err
	}
	f.n, f.d, f.k = n, d, k
	f.mean, f.whitening, f.unmixing, f.components, f.mixing = mean, kw, w, &comps, mixing
	f.nIter, f.converged = nIter, converged
	return nil
}

// pseudoInverse returns the Moore-Penrose pseudo-inverse of a by its
// singular value decomposition, dropping singular values below
// max(r, c) eps s_max as numpy.linalg.pinv and scipy.linalg.pinv do.
func pseudoInverse(a *mat.Dense) (*mat.Dense, error) {
	r, c := a.Dims()
	var svd mat.SVD
	if !svd.Factorize(a, mat.SVDThin) {
		return nil, errors.New("embed: FastICA: pseudo-inverse did not converge")
	}
	s := svd.Values(nil)
	var u, v mat.Dense
	svd.UTo(&u)
	svd.VTo(&v)
	cut := float64(max(r, c)) * 0x1p-52 * s[0]
	for j, sv := range s {
		inv := 0.0
		if sv > cut {
			inv = 1 / sv
		}
		for i := 0; i < c; i++ {
			v.Set(i, j, v.At(i, j)*inv)
		}
	}
	out := mat.NewDense(c, r, nil)
	out.Mul(&v, u.T())
	return out, nil
}
