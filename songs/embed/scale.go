package embed

import "gonum.org/v1/gonum/mat"

// Scaler is the common interface of StandardScaler, RobustScaler and
// MinMaxScaler: column-wise affine maps learnt from one data set and applied
// to others.
type Scaler interface {
	Fit(x mat.Matrix) error
	Transform(dst *mat.Dense, x mat.Matrix) error
	FitTransform(dst *mat.Dense, x mat.Matrix) error
	InverseTransform(dst *mat.Dense, z mat.Matrix) error
}

var (
	_ Scaler = (*StandardScaler)(nil)
	_ Scaler = (*RobustScaler)(nil)
	_ Scaler = (*MinMaxScaler)(nil)
)
