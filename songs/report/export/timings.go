package export

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/songcohorts/cohorts/songs/report"
)

// Timing is the run time of one code cell of an executed notebook.
type Timing struct {
	// Count is the cell's execution count, the n of its "In [n]".
	Count int
	// Section is the nearest heading above the cell.
	Section string
	// FirstLine is the cell's first line that is not blank, a magic (%),
	// a shell line (!) or an import declaration.
	FirstLine string
	// Start and End are when the kernel began and finished the cell.
	Start, End time.Time
}

// Seconds returns the cell's run time.
func (t Timing) Seconds() float64 { return t.End.Sub(t.Start).Seconds() }

// Timings returns the run time of every code cell of nb that carries
// nbclient's timing metadata (iopub.execute_input and
// shell.execute_reply, which nbclient records by default), in notebook
// order.
func Timings(nb *Notebook) []Timing {
	var out []Timing
	section := ""
	for _, c := range nb.Cells {
		if c.Type == "markdown" {
			for _, m := range heading.FindAllStringSubmatch(c.Source, -1) {
				section = plainHeading(m[2])
			}
			continue
		}
		if c.Type != "code" {
			continue
		}
		ex := c.Execution()
		start, err1 := time.Parse(time.RFC3339Nano, ex["iopub.execute_input"])
		end, err2 := time.Parse(time.RFC3339Nano, ex["shell.execute_reply"])
		if ex == nil || err1 != nil || err2 != nil {
			continue
		}
		out = append(out, Timing{Count: c.ExecutionCount(), Section: section, FirstLine: firstLine(c.Source), Start: start, End: end})
	}
	return out
}

// firstLine returns the first line of src that is not blank, a magic, a
// shell line or part of an import declaration.
func firstLine(src string) string {
	inImport := false
	for _, l := range strings.Split(src, "\n") {
		l = strings.TrimSpace(l)
		switch {
		case inImport:
			inImport = l != ")"
		case l == "import (":
			inImport = true
		case l == "" || strings.HasPrefix(l, "%") || strings.HasPrefix(l, "!") || strings.HasPrefix(l, "import "):
		default:
			return l
		}
	}
	return ""
}

// wholeSeconds reports whether every time stamp is a whole second (the
// kernel's resolution: GoNB stamps its messages to the second).
func wholeSeconds(rows []Timing) bool {
	for _, r := range rows {
		if r.Start.Nanosecond() != 0 || r.End.Nanosecond() != 0 {
			return false
		}
	}
	return true
}

// TimingAppendix returns the markdown cell of the appendix listing rows:
// a heading, a sentence saying where the times come from and at what
// resolution, and a table of every code cell with the total. The table
// is a markdown table: nbconvert renders it alike in every version,
// where it would sanitise or mangle raw HTML.
func TimingAppendix(rows []Timing) *Cell {
	dec, res := 2, ""
	if wholeSeconds(rows) {
		dec, res = 0, " The kernel stamps its messages to the whole second, so a cell shown as 0 s took less than a second."
	}
	first, last := rows[0].Start, rows[0].End
	var sum float64
	t := report.Table{Headers: []string{"In [n]", "section", "first line", "seconds"}, Code: []bool{false, false, true, false}}
	for _, r := range rows {
		sum += r.Seconds()
		first = minTime(first, r.Start)
		last = maxTime(last, r.End)
		t.Rows = append(t.Rows, []string{strconv.Itoa(r.Count), orDash(r.Section), orDash(r.FirstLine), report.FormatFloat(r.Seconds(), dec)})
	}
	t.Rows = append(t.Rows, []string{"all", fmt.Sprintf("%d code cells", len(rows)), "", report.FormatFloat(sum, dec)})
	t.Note = fmt.Sprintf("From the first cell's start to the last cell's end: %s s.", report.FormatFloat(last.Sub(first).Seconds(), dec))
	return NewMarkdown("## Appendix: cell run times\n\n" +
		"How long each code cell ran when this report was made, from the timing metadata nbclient writes into the executed notebook." +
		res + "\n\n" + t.Markdown())
}

// orDash returns s, or report.Missing when it is empty.
func orDash(s string) string {
	if s == "" {
		return report.Missing
	}
	return s
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
