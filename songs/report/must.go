package report

import (
	"errors"
	"fmt"
	"os"
)

// Must returns v, or ends the cell as Check does.
func Must[T any](v T, err error) T {
	Check(err)
	return v
}

// Must2 returns a and b, or ends the cell as Check does.
func Must2[A, B any](a A, b B, err error) (A, B) {
	Check(err)
	return a, b
}

// notApplicable is an error that says a step does not apply to the data at
// hand (for example a ranking of albums for a catalog without albums).
type notApplicable interface {
	error
	NotApplicable() bool
}

// Check ends a notebook cell when err is not nil. An error with a
// NotApplicable() true method is not a failure: its message is shown as a
// note and the cell ends normally. Any other error is printed to standard
// error and ends the cell with status 1, so a headless run fails with the
// message in its log and a person sees the message instead of a panic.
func Check(err error) {
	if err == nil {
		return
	}
	var na notApplicable
	if errors.As(err, &na) && na.NotApplicable() {
		DisplayMarkdown(Markdownf("> %s", na.Error()))
		os.Exit(0)
	}
	fmt.Fprintln(os.Stderr, "error:", err)
	os.Exit(1)
}
