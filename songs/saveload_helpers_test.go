package songs

import (
	"errors"
	"strings"
	"testing"
)

// saveThenLoad checks the contract of a file that one notebook writes and
// later ones read: before save, load refuses with ErrMissingInput naming
// the notebook or step that makes the file (maker); after it, load reads
// the file back. It returns what load read.
func saveThenLoad[T any](t *testing.T, maker string, save func() error, load func() (T, error)) T {
	t.Helper()
	if _, err := load(); !errors.Is(err, ErrMissingInput) || !strings.Contains(err.Error(), maker) {
		t.Errorf("load before the save: %v; want ErrMissingInput naming %q", err, maker)
	}
	if err := save(); err != nil {
		t.Fatal(err)
	}
	got, err := load()
	if err != nil {
		t.Fatal(err)
	}
	return got
}
