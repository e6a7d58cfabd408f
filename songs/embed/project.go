package embed

import (
	"errors"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

// projectCentred writes (x - mean) Cᵀ into dst row by row, where x is the
// n×d row-major data and C the k×d components (one per row): the transform
// of PCA (scores on the axes) and of FastICA (sources). Rows are split into
// a fixed number of blocks, so the result does not depend on the cores.
func projectCentred(dst *mat.Dense, data []float64, n, d int, mean []float64, comps blas64.General, k int) {
	out := dst.RawMatrix()
	parallel.For(n, parallel.Blocks(n, 2048), func(_, lo, hi int) {
		buf := make([]float64, d)
		for r := lo; r < hi; r++ {
			for j, v := range data[r*d : (r+1)*d] {
				buf[j] = v - mean[j]
			}
			o := out.Data[r*out.Stride : r*out.Stride+k]
			for i := range o {
				row := comps.Data[i*comps.Stride : i*comps.Stride+d]
				s := 0.0
				for j, v := range buf {
					s += v * row[j]
				}
				o[i] = s
			}
		}
	})
}

// linearFitInput is the start PCA and FastICA share: the rows of x in
// row-major order, their column means and the number k of components kept
// (nComponents, or min(n, d) for 0). It returns a *TooFewRowsError for
// fewer than 2 rows, a *NonFiniteError for NaN or infinite values, and an
// error naming model if nComponents exceeds min(n, d).
func linearFitInput(x mat.Matrix, nComponents int, model string) (data []float64, n, d int, mean []float64, k int, err error) {
	data, n, d = rowMajor(x)
	if n < 2 {
		return nil, n, d, nil, 0, &TooFewRowsError{Rows: n, Need: 2}
	}
	if mean, err = finiteColumnMeans(data, n, d); err != nil {
		return nil, n, d, nil, 0, err
	}
	k = nComponents
	if k == 0 {
		k = min(n, d)
	}
	if k > min(n, d) {
		return nil, n, d, nil, 0, errors.New("embed: " + model + ": NComponents exceeds min(rows, columns)")
	}
	return data, n, d, mean, k, nil
}

// transformCentred is the Transform of PCA and FastICA, named name: it
// writes (x - mean) Cᵀ into dst for the first k rows of comps, sizing an
// empty dst n×k. It panics if x does not have len(mean) columns.
func transformCentred(dst *mat.Dense, x mat.Matrix, name string, mean []float64, comps *mat.Dense, k int) {
	data, n, d := rowMajor(x)
	if d != len(mean) {
		panic("embed: " + name + ": column count differs from the fitted data")
	}
	prepareDst(dst, n, k, name)
	projectCentred(dst, data, n, d, mean, comps.RawMatrix(), k)
}
