package embed

import (
	"errors"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

// PCASolver selects how PCA computes the principal axes.
type PCASolver int

const (
	// PCAAuto uses PCACovariance when there are at least as many rows as
	// columns and PCASVD otherwise.
	PCAAuto PCASolver = iota
	// PCACovariance eigendecomposes the d×d scatter matrix of the centred
	// data. It reads the data twice and is the fastest route for tall,
	// narrow data.
	PCACovariance
	// PCASVD takes the thin singular value decomposition of the centred
	// n×d matrix, as scikit-learn's "full" solver.
	PCASVD
)

// PCA is principal component analysis of a data matrix, as
// sklearn.decomposition.PCA with svd_solver="full" (Jolliffe 2002,
// Principal Component Analysis, 2nd ed.). The principal axes are the right
// singular vectors of the column-centred data Xc = U S Vᵀ, the scores are
// U S = Xc V, and the explained variances are
//
//	var_j = s_j² / (n - 1)
//
// Signs follow scikit-learn's svd_flip with u_based_decision=True: in each
// column of scores, the entry of largest absolute value (the first one if
// several tie) is positive. Scores therefore agree with scikit-learn number
// for number.
//
// The zero value keeps all min(n, d) components with the PCAAuto solver.
type PCA struct {
	// NComponents is the number of components kept by Transform,
	// InverseTransform and the accessors; 0 keeps all min(n, d). All
	// components are computed in any case, so ComponentsFor sees the full
	// spectrum.
	NComponents int
	// Solver selects the decomposition; see PCASolver.
	Solver PCASolver

	n, d, k    int
	mean       []float64
	components *mat.Dense // min(n,d) × d, rows are principal axes
	variance   []float64  // all min(n,d) explained variances
	singular   []float64
	totalVar   float64
}

// Fit computes the principal components of x, whose rows are observations.
// It returns a *TooFewRowsError for fewer than 2 rows, a *NonFiniteError for
// NaN or infinite values, and an error if NComponents exceeds min(n, d) or
// the decomposition fails. On error the previous fit is kept. Fit panics if
// NComponents is negative.
func (p *PCA) Fit(x mat.Matrix) error {
	return p.fit(nil, x)
}

// FitTransform fits p to x and writes the scores of x on the kept
// components into dst, reusing the pass that fixes the signs. An empty dst
// is sized n×k.
func (p *PCA) FitTransform(dst *mat.Dense, x mat.Matrix) error {
	if dst == nil {
		panic("embed: PCA.FitTransform: nil dst")
	}
	return p.fit(dst, x)
}

func (p *PCA) fit(dst *mat.Dense, x mat.Matrix) error {
	if p.NComponents < 0 {
		panic("embed: PCA: negative NComponents")
	}
	data, n, d, mean, k, err := linearFitInput(x, p.NComponents, "PCA")
	if err != nil {
		return err
	}
	kAll := min(n, d)
	if dst != nil {
		prepareDst(dst, n, k, "PCA.FitTransform")
	}
	solver := p.Solver
	if solver == PCAAuto {
		solver = PCACovariance
		if n < d {
			solver = PCASVD
		}
	}
	xc := centredPanels(data, n, d, mean)
	var (
		comps    *mat.Dense
		variance []float64
	)
	switch solver {
	case PCACovariance:
		comps, variance, err = pcaCovariance(xc, n, d)
	case PCASVD:
		comps, variance, err = pcaSVD(data, n, d, mean)
	default:
		panic("embed: PCA: unknown solver")
	}
	if err != nil {
		return err
	}
	// Fix the signs from the scores of all components (svd_flip).
	var scores *mat.Dense
	if dst != nil && k == kAll {
		scores = dst
	}
	signs := pcaScores(scores, xc, n, d, comps)
	for j, s := range signs {
		if s < 0 {
			row := comps.RawRowView(j)
			for i := range row {
				row[i] = -row[i]
			}
		}
	}
	if scores != nil {
		flipColumns(scores, signs)
	}
	singular := make([]float64, kAll)
	total := 0.0
	for j, v := range variance {
		singular[j] = math.Sqrt(v * float64(n-1))
		total += v
	}
	p.n, p.d, p.k = n, d, k
	p.mean, p.components, p.variance, p.singular, p.totalVar = mean, comps, variance, singular, total
	if dst != nil && scores == nil {
		p.Transform(dst, x)
	}
	return nil
}

// columnMeans returns the column means of row-major data, summed per block
// and reduced in block order.
func columnMeans(data []float64, n, d int) []float64 {
	nb := parallel.Blocks(n, 4096)
	part := make([]float64, nb*d)
	parallel.For(n, nb, func(b, lo, hi int) {
		s := part[b*d : (b+1)*d]
		for i := lo; i < hi; i++ {
			for j, v := range data[i*d : (i+1)*d] {
				s[j] += v
			}
		}
	})
	mean := make([]float64, d)
	for b := 0; b < nb; b++ {
		for j := range mean {
			mean[j] += part[b*d+j]
		}
	}
	for j := range mean {
		mean[j] /= float64(n)
	}
	return mean
}

// finiteColumnMeans returns the column means of row-major data, or a
// *NonFiniteError locating a NaN or infinite value. A column sum is finite
// only if all its values are, so the check costs nothing for clean data.
func finiteColumnMeans(data []float64, n, d int) ([]float64, error) {
	mean := columnMeans(data, n, d)
	for _, m := range mean {
		if math.IsNaN(m) || math.IsInf(m, 0) {
			if err := checkFiniteData(data, d); err != nil {
				return nil, err
			}
			return nil, errors.New("embed: column sums overflow; rescale the data")
		}
	}
	return mean, nil
}

// flipColumns negates the columns j of m with signs[j] < 0.
func flipColumns(m *mat.Dense, signs []float64) {
	raw := m.RawMatrix()
	parallel.For(raw.Rows, parallel.Blocks(raw.Rows, 4096), func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			row := raw.Data[i*raw.Stride : i*raw.Stride+raw.Cols]
			for j, s := range signs {
				if s < 0 {
					row[j] = -row[j]
				}
			}
		}
	})
}
