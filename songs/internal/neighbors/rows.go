package neighbors

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
)

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

// SqDist returns the squared Euclidean distance between a and b, the sum
// of (a[j] - b[j])² in increasing j with each square rounded before it is
// added, so that no platform fuses the two. It is the one value the
// package's searches report and decide by. SqDist panics if b is shorter
// than a.
func SqDist(a, b []float64) float64 {
	b = b[:len(a)]
	var s float64
	for j, v := range a {
		e := v - b[j]
		s += float64(e * e)
	}
	return s
}

// sqNorm returns the squared Euclidean norm of a, each square rounded.
func sqNorm(a []float64) float64 {
	var s float64
	for _, v := range a {
		s += float64(v * v)
	}
	return s
}

// slack bounds the rounding error of |q|² + |x|² − 2q·x, computed by the
// tile kernel for d columns, where nq and nx bound |q|² and |x|².
func slack(nq, nx float64, d int) float64 {
	return (1e-12 + 1e-15*float64(d)) * (nq + nx)
}

func checkK(k, n int) {
	if k < 1 || k > n {
		panic(fmt.Sprintf("neighbors: k = %d outside [1, %d]", k, n))
	}
}

func checkWidth(d, dq int) {
	if d != dq {
		panic(fmt.Sprintf("neighbors: width mismatch %d != %d", d, dq))
	}
}
