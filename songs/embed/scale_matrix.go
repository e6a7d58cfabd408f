package embed

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// rowMajor returns the elements of x in row-major order with stride c. A
// *mat.Dense (or any mat.RawMatrixer) with stride c is returned without a
// copy; the caller must not modify the result.
func rowMajor(x mat.Matrix) (data []float64, r, c int) {
	r, c = x.Dims()
	if rm, ok := x.(mat.RawMatrixer); ok {
		raw := rm.RawMatrix()
		if raw.Stride == c || r == 1 {
			return raw.Data[:r*c], r, c
		}
		data = make([]float64, r*c)
		for i := 0; i < r; i++ {
			copy(data[i*c:(i+1)*c], raw.Data[i*raw.Stride:i*raw.Stride+c])
		}
		return data, r, c
	}
	data = make([]float64, r*c)
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			data[i*c+j] = x.At(i, j)
		}
	}
	return data, r, c
}

// checkFiniteData returns a *NonFiniteError for the first NaN or infinite
// element of row-major data with c columns.
func checkFiniteData(data []float64, c int) error {
	for i, v := range data {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return &NonFiniteError{Row: i / c, Col: i % c, Value: v}
		}
	}
	return nil
}

// finiteRows returns the elements of x in row-major order, as rowMajor, with
// a *TooFewRowsError for fewer than need rows and a *NonFiniteError for the
// first NaN or infinite value.
func finiteRows(x mat.Matrix, need int) (data []float64, r, c int, err error) {
	data, r, c = rowMajor(x)
	if r < need {
		return nil, r, c, &TooFewRowsError{Rows: r, Need: need}
	}
	if err := checkFiniteData(data, c); err != nil {
		return nil, r, c, err
	}
	return data, r, c, nil
}

// prepareDst sizes an empty dst to r×c, or panics naming the method if a
// non-empty dst has other dimensions.
func prepareDst(dst *mat.Dense, r, c int, name string) {
	if dst.IsEmpty() {
		dst.ReuseAs(r, c)
		return
	}
	if dr, dc := dst.Dims(); dr != r || dc != c {
		panic("embed: " + name + ": dst dimension mismatch")
	}
}

// columnMap writes f applied element-wise to x into dst, where
// f(j, v) maps value v of column j. dst may be x itself.
func columnMap(dst *mat.Dense, x mat.Matrix, name string, f func(j int, v float64) float64) error {
	data, r, c := rowMajor(x)
	if err := checkFiniteData(data, c); err != nil {
		return err
	}
	prepareDst(dst, r, c, name)
	raw := dst.RawMatrix()
	for i := 0; i < r; i++ {
		row := data[i*c : (i+1)*c]
		out := raw.Data[i*raw.Stride : i*raw.Stride+c]
		for j, v := range row {
			out[j] = f(j, v)
		}
	}
	return nil
}

// subDiv returns the map (v - center[j]) / scale[j].
func subDiv(center, scale []float64) func(j int, v float64) float64 {
	return func(j int, v float64) float64 { return (v - center[j]) / scale[j] }
}

// mulAdd returns the map v*scale[j] + offset[j].
func mulAdd(scale, offset []float64) func(j int, v float64) float64 {
	return func(j int, v float64) float64 { return float64(v*scale[j]) + offset[j] }
}

// subMul returns the map (v - offset[j]) / scale[j], the inverse of mulAdd.
func subMul(scale, offset []float64) func(j int, v float64) float64 {
	return func(j int, v float64) float64 { return (v - offset[j]) / scale[j] }
}

// checkCols panics if x does not have c columns.
func checkCols(x mat.Matrix, c int, name string) {
	if _, xc := x.Dims(); xc != c {
		panic("embed: " + name + ": column count differs from the fitted data")
	}
}

// affine is what the scalers share once fitted: a map of each column,
// forward for Transform and back for InverseTransform, fixed by Fit for a
// number of columns. Embedded in each scaler, it gives the scaler its
// Transform and InverseTransform; its methods panic with the scaler's name
// for another number of columns, and before a fit.
type affine struct {
	scaler           string // the scaler's type name
	cols             int    // 0 before Fit
	forward, inverse func(j int, v float64) float64
}

// Transform writes the scaled x into dst, each column through the map the
// last Fit learnt. An empty dst is sized for the result; dst may be x. It
// returns a *NonFiniteError for NaN or infinite values. Transform panics
// if the scaler is not fitted or if x has a different number of columns
// than the fitted data.
func (a *affine) Transform(dst *mat.Dense, x mat.Matrix) error {
	return a.apply("Transform", dst, x, a.forward)
}

// InverseTransform maps scaled values z back to the original units into
// dst (the inverse of Transform's map). It panics as Transform.
func (a *affine) InverseTransform(dst *mat.Dense, z mat.Matrix) error {
	return a.apply("InverseTransform", dst, z, a.inverse)
}

func (a *affine) apply(method string, dst *mat.Dense, x mat.Matrix, f func(j int, v float64) float64) error {
	a.check(method)
	name := a.scaler + "." + method
	checkCols(x, a.cols, name)
	return columnMap(dst, x, name, f)
}

// fitted returns a copy of the fitted statistic v for the accessor name.
func (a *affine) fitted(name string, v []float64) []float64 {
	a.check(name)
	return append([]float64(nil), v...)
}

func (a *affine) check(name string) {
	if a.cols == 0 {
		panic("embed: " + name + ": scaler not fitted")
	}
}

// centred is the fit of a scaler that centres each column and divides it
// by a spread, z = (x - center)/scale: StandardScaler's mean and standard
// deviation, RobustScaler's median and quantile range.
type centred struct {
	center, scale []float64
	affine
}

// set keeps a fit of the scaler named scaler.
func (s *centred) set(scaler string, center, scale []float64) {
	s.center, s.scale = center, scale
	s.affine = affine{scaler: scaler, cols: len(center), forward: subDiv(center, scale), inverse: mulAdd(scale, center)}
}

// Scale returns a copy of the fitted spread of each column, the divisor of
// Transform: the standard deviations of a StandardScaler, the quantile
// ranges of a RobustScaler. It panics if the scaler is not fitted.
func (s *centred) Scale() []float64 { return s.fitted(s.scaler+".Scale", s.scale) }

// fitTransform is Fit then Transform, for the scalers' FitTransform.
func fitTransform(fit func(mat.Matrix) error, transform func(*mat.Dense, mat.Matrix) error, dst *mat.Dense, x mat.Matrix) error {
	if err := fit(x); err != nil {
		return err
	}
	return transform(dst, x)
}
