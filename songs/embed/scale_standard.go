package embed

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// StandardScaler centres each column on its mean and divides it by its
// population standard deviation (ddof 0), as
// sklearn.preprocessing.StandardScaler:
//
//	z = (x - mean) / std,  std = sqrt(sum((x - mean)^2) / n)
//
// Transform computes z and InverseTransform x = z*std + mean. The zero
// value is ready to Fit. A column that is constant (up to the rounding rule
// of scikit-learn's _is_constant_feature) is an error.
type StandardScaler struct {
	centred
}

// Fit learns the mean and standard deviation of each column of x. It returns
// a *NonFiniteError for NaN or infinite values, a *TooFewRowsError for an
// empty x and a *ConstantColumnError for a constant column. On error the
// previous fit is kept.
//
// The variance uses the corrected two-pass algorithm (Chan, Golub and
// LeVeque 1983), as scikit-learn's _incremental_mean_and_var.
func (s *StandardScaler) Fit(x mat.Matrix) error {
	data, r, c, err := finiteRows(x, 1)
	if err != nil {
		return err
	}
	mean := make([]float64, c)
	for i := 0; i < r; i++ {
		for j, v := range data[i*c : (i+1)*c] {
			mean[j] += v
		}
	}
	n := float64(r)
	for j := range mean {
		mean[j] /= n
	}
	sq := make([]float64, c)
	corr := make([]float64, c)
	for i := 0; i < r; i++ {
		for j, v := range data[i*c : (i+1)*c] {
			d := v - mean[j]
			corr[j] += d
			sq[j] += d * d
		}
	}
	scale := make([]float64, c)
	eps := 0x1p-52
	for j := range scale {
		v := (sq[j] - corr[j]*corr[j]/n) / n
		// scikit-learn's _is_constant_feature bound on the variance.
		bound := n*eps*v + (n*mean[j]*eps)*(n*mean[j]*eps)
		if v <= bound {
			return &ConstantColumnError{Col: j, Spread: "standard deviation"}
		}
		scale[j] = math.Sqrt(v)
	}
	s.set("StandardScaler", mean, scale)
	return nil
}

// FitTransform fits s to x and writes the standardised x into dst.
func (s *StandardScaler) FitTransform(dst *mat.Dense, x mat.Matrix) error {
	return fitTransform(s.Fit, s.Transform, dst, x)
}

// Mean returns a copy of the fitted column means. It panics if s is not
// fitted.
func (s *StandardScaler) Mean() []float64 { return s.fitted("StandardScaler.Mean", s.center) }
