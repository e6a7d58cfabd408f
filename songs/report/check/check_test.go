package check

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// report is an exported report with one of each problem the rules know,
// and text that looks like them but is fine.
const report = `<html><head><title>T</title><style>.x { content: "NaN" }</style></head><body>
<h1 id="t">02 · Exploratory analysis</h1>
<div class="jp-InputArea-editor"><pre>x := songs.Must(songs.ParamsFromEnv()) // %!d NaN ()</pre></div>
<h2 id="a">Findings</h2>
<p>The null hypothesis is rejected (p &lt; 0.001); 1,600 tracks, 0.5 of them live.</p>
<p>Mean popularity is NaN for albums without tracks.</p>
<p>Songs like "Lucky Man" (, 0) and Falling () 12.</p>
<p>Got %!d(string=x) instead.</p>
<p>Skipped: the album ranking needs the column(s) album.</p>
<p>The **Rolling Stones** catalog, from /tmp/run.abc123/data.csv.</p>
<p>Some\_Girls is &lt;b&gt;bold&lt;/b&gt;.</p>
<p>Hover over a point to see the song.</p>
<p>The cell calls <code>songs.ParamsFromEnv()</code> with <code>**opts**</code> first.</p>
<table><caption>The Rolling Stones albums</caption><tr><th>album</th><th>share</th></tr>
<tr><td>Sticky Fingers</td><td>NaN</td></tr><tr><td>Let It Bleed</td><td>–</td></tr></table>
<p class="songs-figure-caption">Live tracks dominate after 2000. The share rises. It never falls back.</p>
<img src="data:image/png;base64,AAAA" alt="Bar chart of &lt;nil&gt; values">
<script>var s = "Skipped: <nil>";</script>
<h2 id="b">Appendix: set-up</h2>
<p>The first code cell connects the Go kernel (go mod edit).</p>
</body></html>`

func problemsOf(t *testing.T, o Options) map[string][]string {
	t.Helper()
	pieces, err := HTMLText(strings.NewReader(report))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, p := range Problems(pieces, o) {
		got[p.Rule] = append(got[p.Rule], p.Excerpt)
	}
	return got
}

func TestProblems(t *testing.T) {
	got := problemsOf(t, Options{Catalog: "hit-predictor", NoCode: true, Word: true})
	want := map[string]int{
		"NaN shown (a missing number must be a dash, with a note saying why)":                          1,
		"a missing value shown as a program spells it":                                                 2, // the NaN cell and <nil> in the alt text
		"a Go format error (%!)":                                                                       1,
		`"Skipped:" (say in one sentence why a section does not apply)`:                                1,
		"markdown shown as text":                                                                       2, // **...** and \_
		"HTML shown as text":                                                                           1,
		"an absolute or temporary path":                                                                1,
		"empty parentheses or an empty field":                                                          1,
		"wording that only fits the Rolling Stones study, in the hit-predictor report":                 2, // prose and table caption, not the cells
		"interactive wording in a Word document (mark it HTML-only)":                                   1,
		"a figure caption of 3 sentences (at most two: the takeaway; the description is the alt text)": 1,
		"kernel set-up before the appendix of a code-free report (tag its cells appendix)":             0,
	}
	for rule, n := range want {
		if len(got[rule]) != n {
			t.Errorf("%s: %d problems %q, want %d", rule, len(got[rule]), got[rule], n)
		}
	}
	for rule := range got {
		if _, ok := want[rule]; !ok {
			t.Errorf("unexpected rule %q: %q", rule, got[rule])
		}
	}
	// The Rolling Stones' own report may name them; the HTML may say hover.
	rs := problemsOf(t, Options{Catalog: "rolling-stones"})
	if len(rs["wording that only fits the Rolling Stones study, in the rolling-stones report"]) != 0 ||
		len(rs["interactive wording in a Word document (mark it HTML-only)"]) != 0 {
		t.Errorf("rolling-stones HTML report: %v", rs)
	}
}

func TestSetUpBeforeAppendix(t *testing.T) {
	doc := `<h1>T</h1><p>The first code cell connects the Go kernel to this checkout.</p><h2>Findings</h2><h2>Appendix: set-up</h2><p>go mod edit</p>`
	pieces, err := HTMLText(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	ps := Problems(pieces, Options{NoCode: true})
	if len(ps) != 1 || !strings.Contains(ps[0].Rule, "kernel set-up") || ps[0].Section != "T" {
		t.Errorf("problems %v", ps)
	}
	if ps := Problems(pieces, Options{}); len(ps) != 0 {
		t.Errorf("the with-code rendition may open with the set-up: %v", ps)
	}
}

func TestHTMLTextKinds(t *testing.T) {
	pieces, err := HTMLText(strings.NewReader(report))
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[Kind][]string{}
	for _, p := range pieces {
		kinds[p.Kind] = append(kinds[p.Kind], p.Text)
		if strings.Contains(p.Text, "x := songs") || strings.Contains(p.Text, "content:") || strings.Contains(p.Text, `var s`) {
			t.Errorf("code, style or script read as text: %q", p.Text)
		}
	}
	if strings.Join(kinds[Cell], "|") != "album|share|Sticky Fingers|NaN|Let It Bleed|–" {
		t.Errorf("cells %q", kinds[Cell])
	}
	if len(kinds[TableCaption]) != 1 || len(kinds[FigureCaption]) != 1 || len(kinds[Alt]) != 1 {
		t.Errorf("captions %q %q alt %q", kinds[TableCaption], kinds[FigureCaption], kinds[Alt])
	}
	if pieces[len(pieces)-1].Section != "Appendix: set-up" {
		t.Errorf("section %q", pieces[len(pieces)-1].Section)
	}
}

// writeDOCX writes a DOCX file whose word/document.xml is body.
func writeDOCX(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "r.docx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	z := zip.NewWriter(f)
	w, _ := z.Create("word/document.xml")
	w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:body>` + body + `</w:body></w:document>`))
	z.Close()
	f.Close()
	return path
}

func TestDOCX(t *testing.T) {
	path := writeDOCX(t, `<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Density-based clustering</w:t></w:r></w:p>`+
		`<w:p><w:pPr><w:pStyle w:val="TableCaption"/></w:pPr><w:r><w:t>DBSCAN around the knee</w:t></w:r></w:p>`+
		`<w:tbl><w:tblPr><w:tblCaption w:val="DBSCAN around the knee"/></w:tblPr>`+
		`<w:tr><w:tc><w:p><w:r><w:t>eps</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>noise share</w:t></w:r></w:p></w:tc></w:tr>`+
		`<w:tr><w:tc><w:p><w:r><w:t>2.685</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t xml:space="preserve">12`+"\u00a0"+`(3%)</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`+
		`<w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="Picture" descr="k-distance curve"/></wp:inline></w:drawing></w:r></w:p>`+
		`<w:p><w:r><w:t>Hover over</w:t></w:r><w:r><w:t xml:space="preserve"> a point.</w:t></w:r></w:p>`+
		`<w:p><w:r><w:t xml:space="preserve">Call </w:t></w:r><w:r><w:rPr><w:rStyle w:val="VerbatimChar"/></w:rPr><w:t>f()</w:t></w:r><w:r><w:t xml:space="preserve"> once.</w:t></w:r></w:p>`)
	pieces, err := DOCXText(path)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range pieces {
		got = append(got, p.Text)
	}
	if strings.Join(got, "|") != "Density-based clustering|DBSCAN around the knee|eps|noise share|2.685|12 (3%)|k-distance curve|Hover over a point.|f()|Call ⟨code⟩ once." {
		t.Errorf("pieces %q", got)
	}
	if pieces[1].Kind != TableCaption || pieces[2].Kind != Cell || pieces[6].Kind != Alt || pieces[7].Section != "Density-based clustering" ||
		!pieces[8].Code || pieces[9].Code {
		t.Errorf("kinds %+v", pieces)
	}
	tables, err := DOCXTables(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(tables) != 1 || tables[0].Caption != "DBSCAN around the knee" || strings.Join(tables[0].Words, "|") != "eps|noise|share|2.685|12|(3%)" {
		t.Errorf("tables %+v", tables)
	}
}

// The PDF texts below are shaped as pdftotext -raw writes LibreOffice's
// tables: cell by cell, a cell's lines on successive lines, cells on the
// same baseline on one line.
func TestSplits(t *testing.T) {
	tables := []Table{{Caption: "Validation", Words: []string{"k", "K-Means", "silhouette", "Calinski-Harabasz", "POPULAR_THRESHOLD", "2", "0.2114", "-0.0039", "426.5"}}}
	pdf := "Validation metrics\nk\nK-\nMeans\nsilhouette Calinski-\nHarabasz POPULAR_THRESH\nOLD\n2 0.21\n14\n-\n0.0039 426.5\n3\n"
	splits, missing := Splits(tables, pdf)
	var got []string
	for _, s := range splits {
		got = append(got, s.Word+"="+strings.Join(s.Parts, "/"))
	}
	// K-Means and Calinski-Harabasz break after their hyphens: line
	// breaks, not splits. The number's minus sign is part of it.
	if strings.Join(got, " ") != "POPULAR_THRESHOLD=POPULAR_THRESH/OLD 0.2114=0.21/14 -0.0039=-/0.0039" || len(missing) != 0 {
		t.Errorf("splits %q, missing %q", got, missing)
	}
	// A row drawn in two parts across a page break, with the header
	// repeated: every word is found whole.
	tables = []Table{{Words: []string{"test", "groups", "statistic", "Kruskal-Wallis", "1960s", "vs", "1970s", "98.749", "6"}}}
	pdf = "test groups statistic\nKruskal-Wallis 1960s 98.749 6\n3\ntest groups statistic\nvs 1970s\n"
	if splits, missing := Splits(tables, pdf); len(splits) != 0 || len(missing) != 0 {
		t.Errorf("page break: splits %v, missing %q", splits, missing)
	}
	// A value on the same line as the next cell is two words, not a split.
	tables = []Table{{Words: []string{"0.9", "50", "0.950"}}}
	if splits, missing := Splits(tables, "0.9 50\n0.950\n"); len(splits) != 0 || len(missing) != 0 {
		t.Errorf("neighbours: splits %v, missing %q", splits, missing)
	}
}
