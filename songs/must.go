package songs

import (
	"fmt"
	"os"
)

// Must returns v, or prints err and ends the program with status 1. It is
// for notebook cells and commands: a headless run then fails with the
// message in its log, and a person sees the message instead of a panic.
func Must[T any](v T, err error) T {
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
	return v
}

// Check prints err and ends the program with status 1 when err is not nil.
func Check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}
