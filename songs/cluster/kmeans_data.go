package cluster

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// kmCentredRows copies x into a row-major slice with every column centred
// on its mean (as scikit-learn does before k-means, for accurate
// distances), returning the data and the column means.
func kmCentredRows(x mat.Matrix) (data, mean []float64, err error) {
	data, err = kmRows(x)
	if err != nil {
		return nil, nil, err
	}
	n, d := x.Dims()
	mean = make([]float64, d)
	for i := 0; i < n; i++ {
		row := data[i*d : (i+1)*d]
		for f, v := range row {
			mean[f] += v
		}
	}
	for f := range mean {
		mean[f] /= float64(n)
	}
	for i := 0; i < n; i++ {
		row := data[i*d : (i+1)*d]
		for f := range row {
			row[f] -= mean[f]
		}
	}
	return data, mean, nil
}

// kmRows copies x into a row-major slice, rejecting NaN and infinities.
func kmRows(x mat.Matrix) ([]float64, error) {
	n, d := x.Dims()
	data := make([]float64, n*d)
	if rm, ok := x.(mat.RawMatrixer); ok {
		raw := rm.RawMatrix()
		for i := 0; i < n; i++ {
			copy(data[i*d:(i+1)*d], raw.Data[i*raw.Stride:i*raw.Stride+d])
		}
	} else {
		for i := 0; i < n; i++ {
			for f := 0; f < d; f++ {
				data[i*d+f] = x.At(i, f)
			}
		}
	}
	for idx, v := range data {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("%w: row %d column %d is %v", ErrNotFinite, idx/d, idx%d, v)
		}
	}
	return data, nil
}

// kmMeanVariance returns the mean over columns of the population variance
// of centred row-major data.
func kmMeanVariance(data []float64, n, d int) float64 {
	var s float64
	for _, v := range data {
		s += v * v
	}
	return s / float64(n) / float64(d)
}

// kmRowMajor returns the elements of a Dense as a contiguous row-major
// slice (a copy when the stride exceeds the width).
func kmRowMajor(m *mat.Dense) []float64 {
	raw := m.RawMatrix()
	if raw.Stride == raw.Cols {
		return raw.Data[:raw.Rows*raw.Cols]
	}
	out := make([]float64, raw.Rows*raw.Cols)
	for i := 0; i < raw.Rows; i++ {
		copy(out[i*raw.Cols:(i+1)*raw.Cols], raw.Data[i*raw.Stride:i*raw.Stride+raw.Cols])
	}
	return out
}

// kmSqDist returns the squared Euclidean distance between a and b, which
// must have the same length.
func kmSqDist(a, b []float64) float64 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float64
	i := 0
	for ; i+4 <= len(a); i += 4 {
		e0 := a[i] - b[i]
		e1 := a[i+1] - b[i+1]
		e2 := a[i+2] - b[i+2]
		e3 := a[i+3] - b[i+3]
		s0 += e0 * e0
		s1 += e1 * e1
		s2 += e2 * e2
		s3 += e3 * e3
	}
	for ; i < len(a); i++ {
		e := a[i] - b[i]
		s0 += e * e
	}
	return (s0 + s1) + (s2 + s3)
}

// kmDist4 returns the squared Euclidean distances from x to c0..c3, which
// must be at least as long as x; four independent sums keep the
// floating-point units busy.
func kmDist4(x, c0, c1, c2, c3 []float64) (s0, s1, s2, s3 float64) {
	n := len(x)
	c0, c1, c2, c3 = c0[:n], c1[:n], c2[:n], c3[:n]
	for f, v := range x {
		e0 := v - c0[f]
		e1 := v - c1[f]
		e2 := v - c2[f]
		e3 := v - c3[f]
		s0 += e0 * e0
		s1 += e1 * e1
		s2 += e2 * e2
		s3 += e3 * e3
	}
	return
}
