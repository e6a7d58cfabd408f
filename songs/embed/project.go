package embed

import (
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
