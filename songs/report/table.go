package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// Table is a table of text cells to show in a report. Cells are data: the
// renderings escape every header, cell and the caption.
type Table struct {
	// Headers names the columns.
	Headers []string
	// Rows holds the cells, one slice per row, each as long as Headers.
	Rows [][]string
	// Caption, if not empty, is shown above the table.
	Caption string
	// MaxRows, if positive, limits the rows shown; a last line says how
	// many rows were left out ("... 12 more rows").
	MaxRows int
	// Note, if not empty, is shown under the table: what a reader needs
	// to read it, such as why some cells are missing (shown as Missing).
	Note string
	// Code, if set, marks the columns whose cells are code (a program's
	// text), shown in a code font.
	Code []bool
}

// isCode reports whether column j holds code.
func (t Table) isCode(j int) bool { return j < len(t.Code) && t.Code[j] }

// cellIn returns cell j of row r in a format: escaped, or in the format's
// code spelling in a code column (a missing value stays plain).
func (t Table) cellIn(r []string, j int, escape, code func(string) string) string {
	v := cell(r, j)
	if t.isCode(j) && v != Missing {
		return code(v)
	}
	return escape(v)
}

// htmlCode is a cell's HTML code spelling.
func htmlCode(v string) string { return "<code>" + EscapeHTML(v) + "</code>" }

// markdownCode returns s as a Markdown code span that fits in a pipe
// table cell: fenced with more backticks than it holds in a row, its
// pipes escaped (GitHub-flavoured Markdown reads a table's pipes first).
func markdownCode(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "|", `\|`).Replace(s)
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		pad = " "
	}
	return fence + pad + s + pad + fence
}

// NewTable returns a Table of the given headers and rows.
//
// NewTable panics if a row's length differs from len(headers).
func NewTable(headers []string, rows [][]string) Table {
	for i, r := range rows {
		if len(r) != len(headers) {
			panic(fmt.Sprintf("report: row %d has %d cells, want %d", i, len(r), len(headers)))
		}
	}
	return Table{Headers: headers, Rows: rows}
}

// FromDataFrame returns a Table of the columns and rows of df. Float
// columns are formatted with the given number of decimals (NaN as
// Missing);
// other columns use gota's text form. It returns df.Err if df carries one.
//
// FromDataFrame panics if decimals is negative.
func FromDataFrame(df dataframe.DataFrame, decimals int) (Table, error) {
	if decimals < 0 {
		panic("report: negative decimals")
	}
	if df.Err != nil {
		return Table{}, fmt.Errorf("report: table from data frame: %w", df.Err)
	}
	names := df.Names()
	rows := make([][]string, df.Nrow())
	for i := range rows {
		rows[i] = make([]string, len(names))
	}
	for j, name := range names {
		col := df.Col(name)
		if col.Type() == series.Float {
			for i, v := range col.Float() {
				rows[i][j] = FormatFloat(v, decimals)
			}
			continue
		}
		for i, s := range col.Records() {
			rows[i][j] = s
		}
	}
	return Table{Headers: names, Rows: rows}, nil
}

// numericColumns reports, per column, whether every non-empty cell is a
// number (optionally with a trailing %), so that it is right-aligned.
func (t Table) numericColumns() []bool {
	num := make([]bool, len(t.Headers))
	for j := range num {
		seen := false
		num[j] = true
		for _, r := range t.Rows {
			if j >= len(r) {
				continue
			}
			c := strings.TrimSpace(r[j])
			if c == "" || c == Missing {
				continue
			}
			seen = true
			if _, err := strconv.ParseFloat(strings.TrimSuffix(c, "%"), 64); err != nil {
				num[j] = false
				break
			}
		}
		num[j] = num[j] && seen
	}
	return num
}

// shown returns the rows to render and how many were left out.
func (t Table) shown() (rows [][]string, more int) {
	if t.MaxRows > 0 && len(t.Rows) > t.MaxRows {
		return t.Rows[:t.MaxRows], len(t.Rows) - t.MaxRows
	}
	return t.Rows, 0
}

// moreRows returns the "... N more rows" line.
func moreRows(n int) string {
	if n == 1 {
		return "... 1 more row"
	}
	return fmt.Sprintf("... %d more rows", n)
}

// cell returns row[j], or Missing if it is empty or the row is short: a
// report never shows an empty cell.
func cell(row []string, j int) string {
	if j < len(row) && strings.TrimSpace(row[j]) != "" {
		return row[j]
	}
	return Missing
}

// Transposed returns t with rows and columns swapped, for a table of many
// columns and few rows that reads better, and fits a page, standing up:
// the first column becomes the header row and the headers the first
// column. Caption, Note and MaxRows are kept.
func (t Table) Transposed() Table {
	if len(t.Headers) == 0 {
		return t
	}
	out := Table{Caption: t.Caption, Note: t.Note, MaxRows: t.MaxRows}
	out.Headers = make([]string, 0, len(t.Rows)+1)
	out.Headers = append(out.Headers, t.Headers[0])
	for _, r := range t.Rows {
		out.Headers = append(out.Headers, cell(r, 0))
	}
	for j := 1; j < len(t.Headers); j++ {
		row := []string{t.Headers[j]}
		for _, r := range t.Rows {
			row = append(row, cell(r, j))
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

// HTML renders t as an HTML table, followed by its note in a paragraph of
// class songs-table-note. Every header, cell, the caption and the note is
// escaped with EscapeHTML; numeric columns are right-aligned; an empty
// cell shows Missing. The table carries the classes tex2jax_ignore and
// mathjax_ignore so that MathJax (MathJax 2 and 3 ignore classes) never
// reads "$" in a value as mathematics.
func (t Table) HTML() string {
	num := t.numericColumns()
	align := func(j int) string {
		if num[j] {
			return ` style="text-align: right"`
		}
		return ` style="text-align: left"`
	}
	var b strings.Builder
	b.WriteString(`<table class="songs-table tex2jax_ignore mathjax_ignore">` + "\n")
	if t.Caption != "" {
		b.WriteString("<caption>" + EscapeHTML(t.Caption) + "</caption>\n")
	}
	b.WriteString("<thead>\n<tr>")
	for j, h := range t.Headers {
		b.WriteString("<th" + align(j) + ">" + EscapeHTML(h) + "</th>")
	}
	b.WriteString("</tr>\n</thead>\n<tbody>\n")
	rows, more := t.shown()
	for _, r := range rows {
		b.WriteString("<tr>")
		for j := range t.Headers {
			b.WriteString("<td" + align(j) + ">" + t.cellIn(r, j, EscapeHTML, htmlCode) + "</td>")
		}
		b.WriteString("</tr>\n")
	}
	if more > 0 {
		fmt.Fprintf(&b, `<tr><td colspan="%d" style="text-align: left"><em>%s</em></td></tr>`+"\n", max(len(t.Headers), 1), moreRows(more))
	}
	b.WriteString("</tbody>\n</table>\n")
	if t.Note != "" {
		b.WriteString(`<p class="songs-table-note">` + EscapeHTML(t.Note) + "</p>\n")
	}
	return b.String()
}

// Markdown renders t as a GitHub-flavoured Markdown pipe table with every
// header, cell and the caption escaped by EscapeMarkdown; numeric columns
// are right-aligned. The caption, if any, is an emphasised line above.
func (t Table) Markdown() string {
	num := t.numericColumns()
	var b strings.Builder
	if t.Caption != "" {
		b.WriteString("*" + EscapeMarkdown(t.Caption) + "*\n\n")
	}
	b.WriteString("|")
	for _, h := range t.Headers {
		b.WriteString(" " + EscapeMarkdown(h) + " |")
	}
	b.WriteString("\n|")
	for j := range t.Headers {
		if num[j] {
			b.WriteString(" ---: |")
		} else {
			b.WriteString(" :--- |")
		}
	}
	b.WriteString("\n")
	rows, more := t.shown()
	for _, r := range rows {
		b.WriteString("|")
		for j := range t.Headers {
			b.WriteString(" " + t.cellIn(r, j, EscapeMarkdown, markdownCode) + " |")
		}
		b.WriteString("\n")
	}
	if more > 0 {
		b.WriteString("\n*" + moreRows(more) + "*\n")
	}
	if t.Note != "" {
		b.WriteString("\n" + EscapeMarkdown(t.Note) + "\n")
	}
	return b.String()
}
