package knn

import "gonum.org/v1/gonum/mat"

// rowMajor returns the elements of m as one contiguous row-major slice,
// sharing the backing array of a *mat.Dense whose stride equals its width.
func rowMajor(m mat.Matrix) (data []float64, r, c int) {
	r, c = m.Dims()
	if d, ok := m.(*mat.Dense); ok {
		raw := d.RawMatrix()
		if raw.Stride == c {
			return raw.Data[:r*c], r, c
		}
	}
	data = make([]float64, r*c)
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			data[i*c+j] = m.At(i, j)
		}
	}
	return data, r, c
}

// sqDist returns the squared Euclidean distance between a and b, summed in
// index order: the one value reported for a pair whichever search found it.
func sqDist(a, b []float64) float64 {
	b = b[:len(a)]
	var s float64
	for i, v := range a {
		t := v - b[i]
		s += t * t
	}
	return s
}

// slack bounds the rounding error of |q|^2 + |x|^2 - 2 q.x for screening.
func slack(nq, nx float64) float64 { return 1e-12 * (nq + nx) }
