package report

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// tagRe finds HTML start and end tags.
var tagRe = regexp.MustCompile(`</?([a-zA-Z][a-zA-Z0-9]*)`)

// allowedTags are the only tags a table may produce.
var allowedTags = map[string]bool{"table": true, "caption": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true, "em": true, "p": true}

func TestTableHTMLEscapes(t *testing.T) {
	rows := make([][]string, len(hostile))
	for i, h := range hostile {
		rows[i] = []string{h, "1.5"}
	}
	tb := NewTable([]string{"<b>title</b>", "score"}, rows)
	tb.Caption = "</caption><script>alert(1)</script>"
	tb.Note = "</p><script>alert(2)</script>"
	out := tb.HTML()
	for _, m := range tagRe.FindAllStringSubmatch(out, -1) {
		if !allowedTags[strings.ToLower(m[1])] {
			t.Errorf("unexpected tag %q in\n%s", m[0], out)
		}
	}
	if strings.Contains(out, "'") || strings.Contains(out, "<img") || strings.Contains(out, "<script") {
		t.Errorf("unescaped content in\n%s", out)
	}
	// Every value is recoverable as text.
	text := html.UnescapeString(out)
	for _, h := range hostile {
		if !strings.Contains(text, h) {
			t.Errorf("value %q lost", h)
		}
	}
}

func TestTableAlignmentAndMaxRows(t *testing.T) {
	tb := Table{
		Headers: []string{"album", "songs", "share"},
		Rows: [][]string{
			{"Sticky Fingers", "10", "12.5%"},
			{"Exile on Main St.", "18", "-3.0%"},
			{"Let It Bleed", "", "1e-3"},
			{"1969", "x", "4"},
		},
		MaxRows: 2,
	}
	// Column 0 and 1 are text (album "1969" alone does not make it
	// numeric; "x" is not a number), column 2 is numeric.
	got := tb.numericColumns()
	want := []bool{false, false, true}
	for j := range want {
		if got[j] != want[j] {
			t.Errorf("numeric column %d = %v, want %v", j, got[j], want[j])
		}
	}
	h := tb.HTML()
	if !strings.Contains(h, `<td style="text-align: right">12.5%</td>`) {
		t.Errorf("numbers not right-aligned:\n%s", h)
	}
	if !strings.Contains(h, "... 2 more rows") || strings.Contains(h, "Let It Bleed") {
		t.Errorf("MaxRows not applied:\n%s", h)
	}
	md := tb.Markdown()
	if !strings.Contains(md, "| :--- | :--- | ---: |") || !strings.Contains(md, "... 2 more rows") {
		t.Errorf("markdown alignment or truncation wrong:\n%s", md)
	}
	tb.MaxRows = 3
	if !strings.Contains(tb.HTML(), "... 1 more row<") {
		t.Errorf("singular more-row line missing")
	}
}

func TestTableMarkdownEscapes(t *testing.T) {
	rows := make([][]string, len(hostile))
	for i, h := range hostile {
		rows[i] = []string{h}
	}
	md := NewTable([]string{"a|b"}, rows).Markdown()
	lines := strings.Split(strings.TrimSpace(md), "\n")
	if len(lines) != 2+len(hostile) {
		t.Fatalf("got %d lines, want %d (a value broke a row):\n%s", len(lines), 2+len(hostile), md)
	}
	unescaped := regexp.MustCompile(`(^|[^\\])(\\\\)*[|*_\x60\[\]$~]`)
	for _, l := range lines[2:] {
		inner := strings.TrimSuffix(strings.TrimPrefix(l, "| "), " |")
		if unescaped.MatchString(inner) {
			t.Errorf("unescaped Markdown character in %q", inner)
		}
		if strings.ContainsAny(inner, "<>") {
			t.Errorf("raw angle bracket in %q", inner)
		}
	}
}

func TestEscapeMarkdown(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`a|b`, `a\|b`},
		{`*x*`, `\*x\*`},
		{`a_b`, `a\_b`},
		{"`c`", "\\`c\\`"},
		{`[t](u)`, `\[t\](u)`},
		{`<img>`, `&lt;img&gt;`},
		{`a\b`, `a\\b`},
		{`R&B`, `R&amp;B`},
		{`$5`, `\$5`},
		{"a\nb", "a b"},
		{`{{7*7}}`, `{{7\*7}}`},
	} {
		if got := EscapeMarkdown(c.in); got != c.want {
			t.Errorf("EscapeMarkdown(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFormattedProse(t *testing.T) {
	md := Markdownf("**%s** has %d popular songs (%.1f%%).", "Some_Girls*", 7, 43.75)
	if md != `**Some\_Girls\*** has 7 popular songs (43.8%).` {
		t.Errorf("Markdownf = %q", md)
	}
	h := HTMLf("<p>%s: %.2f</p>", `<img src=x onerror=alert(1)>`, 0.5)
	if h != "<p>&lt;img src=x onerror=alert(1)&gt;: 0.50</p>" {
		t.Errorf("HTMLf = %q", h)
	}
}

func TestFromDataFrame(t *testing.T) {
	df := dataframe.New(
		series.New([]string{"a", "<b>"}, series.String, "name"),
		series.New([]float64{1.23456, -0.00001}, series.Float, "x"),
		series.New([]int{3, 4}, series.Int, "n"),
	)
	tb, err := FromDataFrame(df, 3)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"a", "1.235", "3"}, {"<b>", "0.000", "4"}}
	for i := range want {
		for j := range want[i] {
			if tb.Rows[i][j] != want[i][j] {
				t.Errorf("cell %d,%d = %q, want %q", i, j, tb.Rows[i][j], want[i][j])
			}
		}
	}
	bad := df.Select([]string{"nope"})
	if _, err := FromDataFrame(bad, 3); err == nil {
		t.Errorf("data frame error not returned")
	}
}
