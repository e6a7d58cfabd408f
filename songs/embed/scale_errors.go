package embed

import "fmt"

// NonFiniteError reports a NaN or infinite value in input data.
type NonFiniteError struct {
	Row, Col int
	Value    float64
}

// Error implements the error interface.
func (e *NonFiniteError) Error() string {
	return fmt.Sprintf("embed: non-finite value %v at row %d, column %d", e.Value, e.Row, e.Col)
}

// ConstantColumnError reports a column whose spread is zero, so that it
// cannot be scaled.
type ConstantColumnError struct {
	Col    int
	Spread string // the statistic that is zero, such as "standard deviation"
}

// Error implements the error interface.
func (e *ConstantColumnError) Error() string {
	return fmt.Sprintf("embed: column %d is constant (%s is zero); drop it before scaling", e.Col, e.Spread)
}

// TooFewRowsError reports input with fewer rows than a method needs.
type TooFewRowsError struct {
	Rows, Need int
}

// Error implements the error interface.
func (e *TooFewRowsError) Error() string {
	return fmt.Sprintf("embed: %d rows, need at least %d", e.Rows, e.Need)
}
