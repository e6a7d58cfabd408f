package stats

import (
	"errors"
	"fmt"
	"math"
)

var (
	// ErrEmpty is returned when a sample has no values.
	ErrEmpty = errors.New("stats: empty sample")
	// ErrNaN is returned when a sample holds NaN.
	ErrNaN = errors.New("stats: sample holds NaN")
	// ErrTooFew is returned when a test gets fewer samples, groups or
	// observations than it is defined for.
	ErrTooFew = errors.New("stats: too few observations")
	// ErrAllTied is returned when every value is tied and the test is
	// undefined (SciPy raises "All numbers are identical").
	ErrAllTied = errors.New("stats: all values are identical")
	// ErrZeroExpected is returned when a contingency table has an empty row
	// or column, so an expected frequency is zero.
	ErrZeroExpected = errors.New("stats: zero expected frequency in contingency table")
	// ErrNegativeCount is returned when a contingency table holds a negative
	// count.
	ErrNegativeCount = errors.New("stats: negative count in contingency table")
)

// checkSample returns an error if x is empty or holds NaN.
func checkSample(name string, x []float64) error {
	if len(x) == 0 {
		return fmt.Errorf("%w: %s", ErrEmpty, name)
	}
	for _, v := range x {
		if math.IsNaN(v) {
			return fmt.Errorf("%w: %s", ErrNaN, name)
		}
	}
	return nil
}

// checkGroups returns an error unless there are at least two groups, each
// non-empty and free of NaN.
func checkGroups(groups [][]float64) error {
	if len(groups) < 2 {
		return fmt.Errorf("%w: need at least two groups, got %d", ErrTooFew, len(groups))
	}
	for i, g := range groups {
		if err := checkSample(fmt.Sprintf("group %d", i), g); err != nil {
			return err
		}
	}
	return nil
}
