package songs

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/songcohorts/cohorts/songs/report"
)

// MissingColumnError says that a step needs a column the catalog does not
// have (the hit-predictor catalog has no popularity, album or release date).
type MissingColumnError struct {
	Step    string
	Columns []string
}

// Error names the step and the missing columns.
func (e *MissingColumnError) Error() string {
	return fmt.Sprintf("%s needs the column(s) %s, which this catalog does not have", e.Step, strings.Join(e.Columns, ", "))
}

// Require returns a *MissingColumnError when the catalog lacks any of the
// optional columns a step needs.
func (c *Catalog) Require(step string, columns ...string) error {
	var missing []string
	for _, col := range columns {
		if !c.Has[col] {
			missing = append(missing, col)
		}
	}
	if len(missing) > 0 {
		return &MissingColumnError{Step: step, Columns: missing}
	}
	return nil
}

// Must returns v, or handles err as Check does.
func Must[T any](v T, err error) T {
	Check(err)
	return v
}

// Must2 returns a and b, or handles err as Check does.
func Must2[A, B any](a A, b B, err error) (A, B) {
	Check(err)
	return a, b
}

// Check ends a notebook cell or a command when err is not nil. A
// *MissingColumnError is not a failure: the step does not apply to this
// catalog, so a note saying so is shown and the cell ends normally. Any
// other error is printed and ends the program with status 1, so a headless
// run fails with the message in its log and a person sees the message
// instead of a panic.
func Check(err error) {
	if err == nil {
		return
	}
	var mc *MissingColumnError
	if errors.As(err, &mc) {
		report.DisplayMarkdown(report.Markdownf("> **Skipped:** %s.", mc.Error()))
		os.Exit(0)
	}
	fmt.Fprintln(os.Stderr, "error:", err)
	os.Exit(1)
}
