package catalog

import (
	"errors"
	"fmt"
	"strings"
)

// ErrNoData is returned for a file with no header or no data records.
var ErrNoData = errors.New("no data records")

// RecordError is a problem in one place of a catalog file. Record is the
// 1-based data record number (the header excluded, 0 for the header
// itself) and Line the file line where the record starts; Column is the
// normalised column name, or "" when the problem is the whole record.
type RecordError struct {
	File   string
	Record int
	Line   int
	Column string
	Value  string
	Err    error
}

// Error formats the error as
//
//	FILE: record R (line L), column "C": value "V": problem
func (e *RecordError) Error() string {
	msg := e.File + ": "
	if e.Record > 0 {
		msg += fmt.Sprintf("record %d (line %d)", e.Record, e.Line)
	} else {
		msg += "header"
	}
	if e.Column != "" {
		msg += fmt.Sprintf(", column %q", e.Column)
	}
	if e.Value != "" {
		msg += fmt.Sprintf(": value %q", shorten(e.Value, 60))
	}
	return msg + ": " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *RecordError) Unwrap() error { return e.Err }

// shorten keeps the first max runes of s, marking a cut with "...".
func shorten(s string, max int) string {
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	return string(r[:max]) + "..."
}

// Finding is a row-level problem noticed while loading: the row is kept,
// flagged, and Clean decides what to do with it. Track is the row's index
// in Catalog.Tracks, Record its data record number in its file; Rule names
// the check (see the Rule constants).
type Finding struct {
	Track  int
	Record int
	ID     string
	Column string
	Rule   string
	Detail string
}

// Rules of findings and of the cleaning log.
const (
	RuleMissing           = "missing_value"
	RuleOutOfRange        = "out_of_range"
	RuleEmptyTitle        = "empty_title"
	RuleBadDate           = "invalid_date"
	RuleExactDuplicate    = "exact_duplicate"
	RuleDuplicateID       = "duplicate_id"
	RuleConflictingID     = "conflicting_duplicate_id"
	RuleOriginalExtreme   = "original_extreme"
	RuleReissue           = "reissue_duplicate"
	ruleDroppedByFindings = "finding"
)

// MissingColumnError says that a step needs a column the catalog does not
// have (the hit-predictor catalog has no popularity, album or release date):
// the step does not apply to this catalog.
type MissingColumnError struct {
	Step    string
	Columns []string
}

// Error says, in a sentence a report can show, which columns the catalog
// lacks and which step therefore does not apply, e.g. "This catalog has no
// popularity or album column, so the album ranking does not apply."
func (e *MissingColumnError) Error() string {
	cols := e.Columns
	list := strings.Join(cols, ", ")
	if n := len(cols); n > 1 {
		list = strings.Join(cols[:n-1], ", ") + " or " + cols[n-1]
	}
	noun := "column"
	if len(cols) > 1 {
		noun = "columns"
	}
	return fmt.Sprintf("This catalog has no %s %s, so %s does not apply.", list, noun, e.Step)
}

// NotApplicable marks the error as a step that does not apply rather than
// a failure (see report.Check).
func (e *MissingColumnError) NotApplicable() bool { return true }
