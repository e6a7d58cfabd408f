package embed

import (
	"sort"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/quantile"
)

// RobustScaler centres each column on its median and divides it by its
// interquartile range, as sklearn.preprocessing.RobustScaler with its
// defaults:
//
//	z = (x - median) / (q(High) - q(Low))
//
// Transform computes z and InverseTransform x = z*(q(High) - q(Low)) +
// median. Quantiles interpolate linearly between order statistics (numpy's default
// "linear" method, Hyndman and Fan 1996 type 7). A column whose range
// between the two quantiles is zero is an error.
type RobustScaler struct {
	// Low and High are the quantiles, in percent, whose difference is the
	// scale. If both are zero, 25 and 75 are used. Fit panics unless
	// 0 <= Low < High <= 100.
	Low, High float64

	centred
}

// Fit learns the median and the quantile range of each column of x. It
// returns a *NonFiniteError for NaN or infinite values, a *TooFewRowsError
// for an empty x and a *ConstantColumnError for a zero quantile range. On
// error the previous fit is kept.
func (s *RobustScaler) Fit(x mat.Matrix) error {
	lo, hi := s.Low, s.High
	if lo == 0 && hi == 0 {
		lo, hi = 25, 75
	}
	if !(0 <= lo && lo < hi && hi <= 100) {
		panic("embed: RobustScaler: need 0 <= Low < High <= 100")
	}
	data, r, c, err := finiteRows(x, 1)
	if err != nil {
		return err
	}
	center := make([]float64, c)
	scale := make([]float64, c)
	col := make([]float64, r)
	for j := 0; j < c; j++ {
		for i := range col {
			col[i] = data[i*c+j]
		}
		sort.Float64s(col)
		center[j] = quantile.Sorted(col, 0.5)
		scale[j] = quantile.Sorted(col, hi/100) - quantile.Sorted(col, lo/100)
		if scale[j] == 0 {
			return &ConstantColumnError{Col: j, Spread: "interquartile range"}
		}
	}
	s.set("RobustScaler", center, scale)
	return nil
}

// FitTransform fits s to x and writes the scaled x into dst.
func (s *RobustScaler) FitTransform(dst *mat.Dense, x mat.Matrix) error {
	return fitTransform(s.Fit, s.Transform, dst, x)
}

// Center returns a copy of the fitted column medians. It panics if s is not
// fitted.
func (s *RobustScaler) Center() []float64 { return s.fitted("RobustScaler.Center", s.center) }
