package embed

import (
	"errors"
	"math"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
)

// pcaCovariance returns the principal axes (rows, by decreasing variance)
// and the explained variances of centred data from the eigendecomposition
// of its scatter matrix XcᵀXc. The scatter is accumulated per row block and
// the blocks are reduced in order.
func pcaCovariance(data []float64, n, d int, mean []float64) (*mat.Dense, []float64, error) {
	scatter := centredScatter(data, n, d, mean)
	var eig mat.EigenSym
	if !eig.Factorize(scatter, true) {
		return nil, nil, errors.New("embed: PCA: eigendecomposition did not converge")
	}
	vals := eig.Values(nil)
	var vecs mat.Dense
	eig.VectorsTo(&vecs)
	kAll := min(n, d)
	comps := mat.NewDense(kAll, d, nil)
	variance := make([]float64, kAll)
	for j := 0; j < kAll; j++ {
		src := d - 1 - j // eigenvalues are ascending
		variance[j] = max(vals[src], 0) / float64(n-1)
		for i := 0; i < d; i++ {
			comps.Set(j, i, vecs.At(i, src))
		}
	}
	return comps, variance, nil
}

// centredScatter returns XcᵀXc for row-major data centred on mean.
func centredScatter(data []float64, n, d int, mean []float64) *mat.SymDense {
	nb := rowBlocks(n, 2048)
	part := make([]float64, nb*d*d)
	forBlocks(n, nb, func(b, lo, hi int) {
		acc := part[b*d*d : (b+1)*d*d]
		buf := make([]float64, d)
		for r := lo; r < hi; r++ {
			row := data[r*d : (r+1)*d]
			for j, v := range row {
				buf[j] = v - mean[j]
			}
			for i, bi := range buf {
				ci := acc[i*d : (i+1)*d]
				for j := i; j < d; j++ {
					ci[j] += bi * buf[j]
				}
			}
		}
	})
	s := mat.NewSymDense(d, nil)
	for i := 0; i < d; i++ {
		for j := i; j < d; j++ {
			v := 0.0
			for b := 0; b < nb; b++ {
				v += part[b*d*d+i*d+j]
			}
			s.SetSym(i, j, v)
		}
	}
	return s
}

// pcaSVD returns the principal axes and explained variances from the thin
// singular value decomposition of the centred data.
func pcaSVD(data []float64, n, d int, mean []float64) (*mat.Dense, []float64, error) {
	xc := mat.NewDense(n, d, nil)
	raw := xc.RawMatrix().Data
	for i := 0; i < n; i++ {
		for j := 0; j < d; j++ {
			raw[i*d+j] = data[i*d+j] - mean[j]
		}
	}
	var svd mat.SVD
	if !svd.Factorize(xc, mat.SVDThinV) {
		return nil, nil, errors.New("embed: PCA: singular value decomposition did not converge")
	}
	vals := svd.Values(nil)
	var v mat.Dense
	svd.VTo(&v)
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

// pcaScores computes the scores (data - mean) compsᵀ, writes them into dst
// if dst is not nil, and returns for each component the sign of the score
// of largest absolute value (the first such row), as svd_flip decides.
func pcaScores(dst *mat.Dense, data []float64, n, d int, mean []float64, comps *mat.Dense) []float64 {
	k, _ := comps.Dims()
	c := comps.RawMatrix()
	nb := rowBlocks(n, 2048)
	best := make([]float64, nb*k) // signed score of largest |score| per block
	var out blas64.General
	if dst != nil {
		out = dst.RawMatrix()
	}
	forBlocks(n, nb, func(b, lo, hi int) {
		bb := best[b*k : (b+1)*k]
		buf := make([]float64, d)
		sc := make([]float64, k)
		for r := lo; r < hi; r++ {
			row := data[r*d : (r+1)*d]
			for j, v := range row {
				buf[j] = v - mean[j]
			}
			for j := 0; j < k; j++ {
				axis := c.Data[j*c.Stride : j*c.Stride+d]
				s := 0.0
				for i, v := range buf {
					s += v * axis[i]
				}
				sc[j] = s
				if math.Abs(s) > math.Abs(bb[j]) {
					bb[j] = s
				}
			}
			if dst != nil {
				copy(out.Data[r*out.Stride:r*out.Stride+k], sc)
			}
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
