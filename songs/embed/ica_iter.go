package embed

import (
	"errors"
	"math"

	"gonum.org/v1/gonum/mat"
)

// icaChunk is the number of samples a worker projects at a time; the
// chunk of projections stays in the first-level cache.
const icaChunk = 256

// icaParallel runs scikit-learn's _ica_par on the whitened k×n data x1
// from the initial matrix w0. It returns W, the number of iterations and
// whether the tolerance was reached.
func icaParallel(x1 []float64, n, k int, w0 *mat.Dense, g icaContrast, tol float64, maxIter int) (*mat.Dense, int, bool, error) {
	w, err := symDecorrelation(w0)
	if err != nil {
		return nil, 0, false, err
	}
	pb := newPanelBlocks(x1, n, k, k)
	nb := pb.nb
	gPart := make([]float64, nb*k*k)
	dPart := make([]float64, nb*k)
	gm := mat.NewDense(k, k, nil)
	converged := false
	it := 0
	for it < maxIter {
		it++
		wr := w.RawMatrix()
		wd := make([]float64, k*k)
		for i := 0; i < k; i++ {
			copy(wd[i*k:(i+1)*k], wr.Data[i*wr.Stride:i*wr.Stride+k])
		}
		clear(gPart)
		clear(dPart)
		pb.project(wd, func(b, _, m int, y, panel []float64) {
			db := dPart[b*k : (b+1)*k]
			for i := 0; i < k; i++ {
				db[i] += g.apply(y[i*icaChunk : i*icaChunk+m])
			}
			icaGram(gPart[b*k*k:(b+1)*k*k], y, icaChunk, k, k, panel, icaPanelStride, 0, m)
		})
		// E[g(WX) Xᵀ] - diag(E[g'(WX)]) W, reduced in block order.
		inv := 1 / float64(n)
		for i := 0; i < k; i++ {
			dsum := 0.0
			for b := 0; b < nb; b++ {
				dsum += dPart[b*k+i]
			}
			for j := 0; j < k; j++ {
				gsum := 0.0
				for b := 0; b < nb; b++ {
					gsum += gPart[b*k*k+i*k+j]
				}
				gm.Set(i, j, gsum*inv-dsum*inv*wd[i*k+j])
			}
		}
		w1, err := symDecorrelation(gm)
		if err != nil {
			return nil, 0, false, err
		}
		lim := 0.0
		for i := 0; i < k; i++ {
			lim = max(lim, math.Abs(math.Abs(mat.Dot(w1.RowView(i), w.RowView(i)))-1))
		}
		w = w1
		if lim < tol {
			converged = true
			break
		}
	}
	return w, it, converged, nil
}

// symDecorrelation returns (W Wᵀ)^(-1/2) W, with eigenvalues of W Wᵀ
// clipped below at the smallest normal float64 as scikit-learn does.
func symDecorrelation(w *mat.Dense) (*mat.Dense, error) {
	k, _ := w.Dims()
	var wwt mat.SymDense
	wwt.SymOuterK(1, w)
	var eig mat.EigenSym
	if !eig.Factorize(&wwt, true) {
		return nil, errors.New("embed: FastICA: decorrelation eigendecomposition did not converge")
	}
	s := eig.Values(nil)
	var u mat.Dense
	eig.VectorsTo(&u)
	us := mat.NewDense(k, k, nil)
	for j := 0; j < k; j++ {
		f := 1 / math.Sqrt(max(s[j], 0x1p-1022))
		for i := 0; i < k; i++ {
			us.Set(i, j, u.At(i, j)*f)
		}
	}
	var m, out mat.Dense
	m.Mul(us, u.T())
	out.Mul(&m, w)
	return &out, nil
}

// icaDeflation runs scikit-learn's _ica_def on the whitened k×n data x1.
// It returns W, the largest number of iterations of any component and
// whether every component reached the tolerance.
func icaDeflation(x1 []float64, n, k int, w0 *mat.Dense, g icaContrast, tol float64, maxIter int) (*mat.Dense, int, bool) {
	w := mat.NewDense(k, k, nil)
	pb := newPanelBlocks(x1, n, k, 1)
	nb := pb.nb
	gPart := make([]float64, nb*k)
	dPart := make([]float64, nb)
	allConverged := true
	maxIt := 0
	for c := 0; c < k; c++ {
		wc := make([]float64, k)
		mat.Row(wc, c, w0)
		normalize(wc)
		it := 0
		converged := false
		for it < maxIter {
			it++
			clear(gPart)
			clear(dPart)
			pb.project(wc, func(b, _, m int, y, panel []float64) {
				dPart[b] += g.apply(y[:m])
				icaGram(gPart[b*k:(b+1)*k], y, icaChunk, 1, k, panel, icaPanelStride, 0, m)
			})
			dsum := 0.0
			for b := 0; b < nb; b++ {
				dsum += dPart[b]
			}
			inv := 1 / float64(n)
			w1 := make([]float64, k)
			for j := range w1 {
				gsum := 0.0
				for b := 0; b < nb; b++ {
					gsum += gPart[b*k+j]
				}
				w1[j] = gsum*inv - dsum*inv*wc[j]
			}
			// Gram-Schmidt against the earlier components:
			// w1 -= (w1 W[:c]ᵀ) W[:c].
			proj := make([]float64, c)
			for p := 0; p < c; p++ {
				proj[p] = mat.Dot(mat.NewVecDense(k, w1), w.RowView(p))
			}
			for j := range w1 {
				s := 0.0
				for p := 0; p < c; p++ {
					s += proj[p] * w.At(p, j)
				}
				w1[j] -= s
			}
			normalize(w1)
			dot := 0.0
			for j := range w1 {
				dot += w1[j] * wc[j]
			}
			lim := math.Abs(math.Abs(dot) - 1)
			wc = w1
			if lim < tol {
				converged = true
				break
			}
		}
		w.SetRow(c, wc)
		maxIt = max(maxIt, it)
		allConverged = allConverged && converged
	}
	return w, maxIt, allConverged
}

// normalize scales v to unit Euclidean length.
func normalize(v []float64) {
	s := 0.0
	for _, x := range v {
		s += x * x
	}
	s = math.Sqrt(s)
	for i := range v {
		v[i] /= s
	}
}

// icaSources computes Y = W X1 and returns the population standard
// deviation of each row of Y. If dst is not nil it receives the
// unit-variance sources Y_i / std(Y_i) as an n×k matrix.
func icaSources(dst *mat.Dense, x1 []float64, n, k int, w *mat.Dense) []float64 {
	wd := make([]float64, k*k)
	for i := 0; i < k; i++ {
		mat.Row(wd[i*k:(i+1)*k], i, w)
	}
	pb := newPanelBlocks(x1, n, k, k)
	nb := pb.nb
	part := make([]float64, nb*k)
	pb.project(wd, func(b, _, m int, y, _ []float64) {
		for i := 0; i < k; i++ {
			s := 0.0
			for _, v := range y[i*icaChunk : i*icaChunk+m] {
				s += v
			}
			part[b*k+i] += s
		}
	})
	mean := make([]float64, k)
	for i := range mean {
		for b := 0; b < nb; b++ {
			mean[i] += part[b*k+i]
		}
		mean[i] /= float64(n)
	}
	clear(part)
	pb.project(wd, func(b, s0, m int, y, _ []float64) {
		for i := 0; i < k; i++ {
			s := 0.0
			for _, v := range y[i*icaChunk : i*icaChunk+m] {
				d := v - mean[i]
				s += d * d
			}
			part[b*k+i] += s
		}
		if dst != nil {
			unpackRows(dst.RawMatrix(), y, s0, m, k)
		}
	})
	std := make([]float64, k)
	for i := range std {
		for b := 0; b < nb; b++ {
			std[i] += part[b*k+i]
		}
		std[i] = math.Sqrt(std[i] / float64(n))
	}
	if dst != nil {
		raw := dst.RawMatrix()
		for s := 0; s < n; s++ {
			row := raw.Data[s*raw.Stride : s*raw.Stride+k]
			for i := range row {
				row[i] /= std[i]
			}
		}
	}
	return std
}
