package embed

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
)

// SourceOrder returns a display order for the columns of sources (such as
// the output of FastICA.FitTransform), whose signs and order ICA leaves
// arbitrary: order lists the columns by decreasing absolute excess
// kurtosis (the least Gaussian first), and signs[c] is -1 for a column c
// with negative skewness and 1 otherwise, so that flipped columns have
// positive skewness. Kurtosis and skewness are the population moment
// ratios, as scipy.stats.kurtosis and scipy.stats.skew with bias=True:
//
//	excess kurtosis = m4/m2² - 3,  skewness = m3/m2^(3/2)
//
// Ties keep the original column order. SourceOrder panics if sources has
// fewer than 2 rows.
func SourceOrder(sources mat.Matrix) (order []int, signs []float64) {
	data, n, k := rowMajor(sources)
	if n < 2 {
		panic("embed: SourceOrder: fewer than 2 rows")
	}
	kurt := make([]float64, k)
	signs = make([]float64, k)
	for c := 0; c < k; c++ {
		mean := 0.0
		for i := 0; i < n; i++ {
			mean += data[i*k+c]
		}
		mean /= float64(n)
		var m2, m3, m4 float64
		for i := 0; i < n; i++ {
			d := data[i*k+c] - mean
			d2 := d * d
			m2 += d2
			m3 += d2 * d
			m4 += d2 * d2
		}
		m2 /= float64(n)
		m3 /= float64(n)
		m4 /= float64(n)
		kurt[c] = m4/(m2*m2) - 3
		signs[c] = 1
		if m3/math.Pow(m2, 1.5) < 0 {
			signs[c] = -1
		}
	}
	order = make([]int, k)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return math.Abs(kurt[order[a]]) > math.Abs(kurt[order[b]]) })
	return order, signs
}

// ReorderColumns writes into dst the columns of m in the given order, each
// multiplied by signs[order[r]]: dst[:, r] = signs[order[r]] m[:, order[r]].
// signs may be nil for no flips. An empty dst is sized for the result; dst
// must not share memory with m. ReorderColumns panics if order is not a
// permutation of m's columns.
func ReorderColumns(dst *mat.Dense, m mat.Matrix, order []int, signs []float64) {
	r, c := m.Dims()
	checkPermutation(order, c, "ReorderColumns")
	prepareDst(dst, r, c, "ReorderColumns")
	for i := 0; i < r; i++ {
		for j, src := range order {
			s := 1.0
			if signs != nil {
				s = signs[src]
			}
			dst.Set(i, j, s*m.At(i, src))
		}
	}
}

// Reorder permutes and flips the fitted components of f so that later
// calls to Transform give the sources in the given order and signs, as
// ReorderColumns does to the sources of the fit. It panics if f is not
// fitted or order is not a permutation of the components.
func (f *FastICA) Reorder(order []int, signs []float64) {
	f.check("FastICA.Reorder")
	checkPermutation(order, f.k, "FastICA.Reorder")
	comps := mat.NewDense(f.k, f.d, nil)
	unmix := mat.NewDense(f.k, f.k, nil)
	mix := mat.NewDense(f.d, f.k, nil)
	for r, src := range order {
		s := 1.0
		if signs != nil {
			s = signs[src]
		}
		for j := 0; j < f.d; j++ {
			comps.Set(r, j, s*f.components.At(src, j))
			mix.Set(j, r, s*f.mixing.At(j, src))
		}
		for j := 0; j < f.k; j++ {
			unmix.Set(r, j, s*f.unmixing.At(src, j))
		}
	}
	f.components, f.unmixing, f.mixing = comps, unmix, mix
}

func checkPermutation(order []int, n int, name string) {
	if len(order) != n {
		panic("embed: " + name + ": order is not a permutation of the columns")
	}
	seen := make([]bool, n)
	for _, v := range order {
		if v < 0 || v >= n || seen[v] {
			panic("embed: " + name + ": order is not a permutation of the columns")
		}
		seen[v] = true
	}
}
