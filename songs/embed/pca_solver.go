package embed

import (
	"errors"
	"math"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
)

// pcaCovariance returns the principal axes (rows, by decreasing variance)
// and the explained variances of centred data in panel layout from the
// eigendecomposition of its scatter matrix XcᵀXc: by symEigen up to
// jacobiMaxDim columns, so that the axes are the same on every processor
// and build, and by gonum's mat.EigenSym above.
func pcaCovariance(xc []float64, n, d int) (*mat.Dense, []float64, error) {
	scatter := panelScatter(xc, n, d)
	vals, vecs, ok := scatterEigen(scatter, d)
	if !ok {
		return nil, nil, errors.New("embed: PCA: eigendecomposition did not converge")
	}
	kAll := min(n, d)
	comps := mat.NewDense(kAll, d, vecs[:kAll*d])
	variance := make([]float64, kAll)
	for j := range variance {
		variance[j] = max(vals[j], 0) / float64(n-1)
	}
	return comps, variance, nil
}

// scatterEigen returns the eigenvalues of the symmetric d×d matrix s in
// decreasing order and the eigenvectors as rows, as symEigen.
func scatterEigen(s *mat.SymDense, d int) (vals, vecs []float64, ok bool) {
	if d <= jacobiMaxDim {
		a := make([]float64, d*d)
		for i := 0; i < d; i++ {
			for j := 0; j < d; j++ {
				a[i*d+j] = s.At(i, j)
			}
		}
		return symEigen(a, d)
	}
	asc, v, order, ok := eigenSymDesc(s)
	if !ok {
		return nil, nil, false
	}
	vals = make([]float64, d)
	vecs = make([]float64, d*d)
	for j, src := range order {
		vals[j] = asc[src]
		for i := 0; i < d; i++ {
			vecs[j*d+i] = v.At(i, src)
		}
	}
	return vals, vecs, true
}

// pcaSVD returns the principal axes and explained variances from the thin
// singular value decomposition of the centred data.
func pcaSVD(data []float64, n, d int, mean []float64) (*mat.Dense, []float64, error) {
	vals, v, ok := centredSVD(data, n, d, mean)
	if !ok {
		return nil, nil, errors.New("embed: PCA: singular value decomposition did not converge")
	}
	kAll := min(n, d)
	comps := mat.NewDense(kAll, d, nil)
	variance := make([]float64, kAll)
	for j := 0; j < kAll; j++ {
		variance[j] = vals[j] * vals[j] / float64(n-1)
		for i := 0; i < d; i++ {
			comps.Set(j, i, v.At(i, j))
		}
	}
	return comps, variance, nil
}

// pcaScores computes the scores Xc compsᵀ of centred data in panel
// layout, writes them into dst if dst is not nil, and returns for each
// component the sign of the score of largest absolute value (the first
// such row), as svd_flip decides.
func pcaScores(dst *mat.Dense, xc []float64, n, d int, comps *mat.Dense) []float64 {
	k, _ := comps.Dims()
	w := make([]float64, k*d)
	for j := 0; j < k; j++ {
		mat.Row(w[j*d:(j+1)*d], j, comps)
	}
	pb := newPanelBlocks(xc, n, d, k)
	nb := pb.nb
	best := make([]float64, nb*k) // signed score of largest |score| per block
	var out blas64.General
	if dst != nil {
		out = dst.RawMatrix()
	}
	pb.project(w, func(b, s0, m int, sc, _ []float64) {
		bb := best[b*k : (b+1)*k]
		for j := 0; j < k; j++ {
			for _, v := range sc[j*icaChunk : j*icaChunk+m] {
				if math.Abs(v) > math.Abs(bb[j]) {
					bb[j] = v
				}
			}
		}
		if dst != nil {
			unpackRows(out, sc, s0, m, k)
		}
	})
	signs := make([]float64, k)
	for j := range signs {
		top := 0.0
		for b := 0; b < nb; b++ {
			if v := best[b*k+j]; math.Abs(v) > math.Abs(top) {
				top = v
			}
		}
		signs[j] = 1
		if top < 0 {
			signs[j] = -1
		}
	}
	return signs
}

// sqrtNonNeg returns the square root of max(v, 0).
func sqrtNonNeg(v float64) float64 { return math.Sqrt(max(v, 0)) }
