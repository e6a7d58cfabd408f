// Package goldentest reads the golden files of the tests: the JSON
// reference numbers that the scripts in each package's testdata folder
// write with scikit-learn, SciPy, NumPy, pandas or statsmodels.
//
// It imports nothing of this module, so every package's tests can use it.
package goldentest

import (
	"encoding/json"
	"fmt"
	"os"
	"sync"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// Decode decodes the JSON file at path into dst. The error names the path.
func Decode(path string, dst any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, dst); err != nil {
		return fmt.Errorf("decoding %s: %w", path, err)
	}
	return nil
}

// ReadInto decodes the JSON file at path into dst, failing t on error.
func ReadInto(t testing.TB, path string, dst any) {
	t.Helper()
	if err := Decode(path, dst); err != nil {
		t.Fatal(err)
	}
}

// Read decodes the JSON file at path into a new T, failing t on error.
func Read[T any](t testing.TB, path string) T {
	t.Helper()
	var v T
	ReadInto(t, path, &v)
	return v
}

// Once holds a golden file decoded at most once per test binary, for the
// large files that many tests share.
type Once[T any] struct {
	// Path is the file, relative to the package under test.
	Path string
	once sync.Once
	v    T
	err  error
}

// Get decodes the file on the first call and returns it on every call,
// failing t when it could not be read or decoded.
func (o *Once[T]) Get(t testing.TB) *T {
	t.Helper()
	o.once.Do(func() { o.err = Decode(o.Path, &o.v) })
	if o.err != nil {
		t.Fatal(o.err)
	}
	return &o.v
}

// Dense returns the rows of a golden file as a matrix. All rows must have
// the length of the first.
func Dense(rows [][]float64) *mat.Dense {
	m := mat.NewDense(len(rows), len(rows[0]), nil)
	for i, r := range rows {
		m.SetRow(i, r)
	}
	return m
}
