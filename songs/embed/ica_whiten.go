package embed

import (
	"errors"
	"math"

	"gonum.org/v1/gonum/mat"
)

// icaWhitening returns scikit-learn's whitening matrix K (k×d): the rows
// are the principal axes of the centred data divided by their singular
// values, each axis signed so that its first coordinate is non-negative.
func icaWhitening(data []float64, xc []float64, n, d, k int, mean []float64, solver WhitenSolver) (*mat.Dense, error) {
	u := mat.NewDense(d, d, nil)
	sv := make([]float64, d)
	switch solver {
	case WhitenEigh:
		vals, vecs, order, ok := eigenSymDesc(panelScatter(xc, n, d))
		if !ok {
			return nil, errors.New("embed: FastICA: whitening eigendecomposition did not converge")
		}
		for j, src := range order {
			v := vals[src]
			if v < 0x1p-52 {
				v = 0x1p-52 // as scikit-learn, for numerical issues
			}
			sv[j] = math.Sqrt(v)
			for i := 0; i < d; i++ {
				u.Set(i, j, vecs.At(i, src))
			}
		}
	case WhitenSVD:
		s, v, ok := centredSVD(data, n, d, mean)
		if !ok {
			return nil, errors.New("embed: FastICA: whitening SVD did not converge")
		}
		for j := 0; j < min(n, d); j++ {
			sv[j] = s[j]
			for i := 0; i < d; i++ {
				u.Set(i, j, v.At(i, j))
			}
		}
	default:
		panic("embed: FastICA: unknown Whiten solver")
	}
	kw := mat.NewDense(k, d, nil)
	for j := 0; j < k; j++ {
		if sv[j] == 0 {
			return nil, errors.New("embed: FastICA: data have fewer independent directions than components")
		}
		sign := 1.0
		if u.At(0, j) < 0 {
			sign = -1
		}
		for i := 0; i < d; i++ {
			kw.Set(j, i, sign*u.At(i, j)/sv[j])
		}
	}
	return kw, nil
}

// icaPanels describes the layout of whitened data: samples are cut into
// panels of icaChunk samples, and within a panel each of the k components
// is a contiguous run of icaChunk values, runs icaPanelStride apart. The
// padding keeps the k runs of a panel out of the same cache sets.
const icaPanelStride = icaChunk + 8

// icaPanelCount returns the number of panels for n samples.
func icaPanelCount(n int) int { return (n + icaChunk - 1) / icaChunk }

// icaPanel returns panel p of x1 and its number of samples.
func icaPanel(x1 []float64, n, k, p int) ([]float64, int) {
	size := k * icaPanelStride
	return x1[p*size : (p+1)*size], min(icaChunk, n-p*icaChunk)
}

// icaWhiten returns X1 = sqrt(n) K Xcᵀ in the panel layout of icaPanels,
// from the centred data xc in the same layout: for sample s, component i
// is at panel s/icaChunk, offset i*icaPanelStride + s%icaChunk.
func icaWhiten(xc []float64, n, d int, kw *mat.Dense) []float64 {
	k, _ := kw.Dims()
	w := make([]float64, k*d)
	sqn := math.Sqrt(float64(n))
	for i := 0; i < k; i++ {
		for j := 0; j < d; j++ {
			w[i*d+j] = kw.At(i, j) * sqn
		}
	}
	return panelProject(xc, n, d, w, k)
}
