package embed

import (
	"gonum.org/v1/gonum/mat"
)

// MinMaxScaler maps each column linearly onto [Min, Max], as
// sklearn.preprocessing.MinMaxScaler:
//
//	scale = (Max - Min) / (max(x) - min(x))
//	z = x*scale + (Min - min(x)*scale)
//
// Transform applies the map, so values outside the fitted range map outside
// [Min, Max]; InverseTransform undoes it. A constant column is an error.
type MinMaxScaler struct {
	// Min and Max are the target range. If both are zero, [0, 1] is used.
	// Fit panics unless Min < Max.
	Min, Max float64

	scale, offset, dataMin, dataMax []float64
	affine
}

// Fit learns the minimum and maximum of each column of x. It returns a
// *NonFiniteError for NaN or infinite values, a *TooFewRowsError for an
// empty x and a *ConstantColumnError for a constant column. On error the
// previous fit is kept.
func (s *MinMaxScaler) Fit(x mat.Matrix) error {
	a, b := s.Min, s.Max
	if a == 0 && b == 0 {
		a, b = 0, 1
	}
	if !(a < b) {
		panic("embed: MinMaxScaler: need Min < Max")
	}
	data, r, c, err := finiteRows(x, 1)
	if err != nil {
		return err
	}
	lo := append([]float64(nil), data[:c]...)
	hi := append([]float64(nil), data[:c]...)
	for i := 1; i < r; i++ {
		for j, v := range data[i*c : (i+1)*c] {
			lo[j] = min(lo[j], v)
			hi[j] = max(hi[j], v)
		}
	}
	scale := make([]float64, c)
	offset := make([]float64, c)
	for j := range scale {
		if hi[j] == lo[j] {
			return &ConstantColumnError{Col: j, Spread: "range"}
		}
		scale[j] = (b - a) / (hi[j] - lo[j])
		offset[j] = a - lo[j]*scale[j]
	}
	s.scale, s.offset, s.dataMin, s.dataMax = scale, offset, lo, hi
	s.affine = affine{scaler: "MinMaxScaler", cols: c, forward: mulAdd(scale, offset), inverse: subMul(scale, offset)}
	return nil
}

// FitTransform fits s to x and writes the rescaled x into dst.
func (s *MinMaxScaler) FitTransform(dst *mat.Dense, x mat.Matrix) error {
	return fitTransform(s.Fit, s.Transform, dst, x)
}

// DataMin returns a copy of the fitted column minima. It panics if s is not
// fitted.
func (s *MinMaxScaler) DataMin() []float64 { return s.fitted("MinMaxScaler.DataMin", s.dataMin) }

// DataMax returns a copy of the fitted column maxima. It panics if s is not
// fitted.
func (s *MinMaxScaler) DataMax() []float64 { return s.fitted("MinMaxScaler.DataMax", s.dataMax) }
