package check

import (
	"archive/zip"
	"fmt"
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
	if len(tables) != 1 || tables[0].Caption != "DBSCAN around the knee" || strings.Join(tables[0].Words, "|") != "eps|noise|share|2.685|12|(3%)" ||
		fmt.Sprint(tables[0].Joined) != "[false false false false true]" {
		t.Errorf("tables %+v", tables)
	}
}

// splitsOf runs Splits and writes each split as word=part/part.
func splitsOf(tables []Table, pdf string) (got []string, missing []string) {
	splits, missing := Splits(tables, pdf)
	for _, s := range splits {
		got = append(got, s.Word+"="+strings.Join(s.Parts, "/"))
	}
	return got, missing
}

// The PDF texts below are shaped as pdftotext -raw writes LibreOffice's
// tables: cell by cell, a cell's lines on successive lines, cells on the
// same baseline on one line, a form feed before each new page.
func TestSplits(t *testing.T) {
	tables := []Table{{Caption: "Validation", Words: []string{"k", "K-Means", "silhouette", "Calinski-Harabasz", "POPULAR_THRESHOLD", "2", "0.2114", "-0.0039", "426.5"}}}
	pdf := "Validation metrics\nk\nK-\nMeans\nsilhouette Calinski-\nHarabasz POPULAR_THRESH\nOLD\n2 0.21\n14\n-\n0.0039 426.5\n3\n"
	got, missing := splitsOf(tables, pdf)
	// K-Means and Calinski-Harabasz break after their hyphens: line
	// breaks, not splits. The number's minus sign is part of it.
	if strings.Join(got, " ") != "POPULAR_THRESHOLD=POPULAR_THRESH/OLD 0.2114=0.21/14 -0.0039=-/0.0039" || len(missing) != 0 {
		t.Errorf("splits %q, missing %q", got, missing)
	}
	// A row drawn in two parts across a page break, with the header
	// repeated: every word is found whole.
	tables = []Table{{Words: []string{"test", "groups", "statistic", "Kruskal-Wallis", "1960s", "vs", "1970s", "98.749", "6"}}}
	pdf = "test groups statistic\nKruskal-Wallis 1960s 98.749 6\n\ftest groups statistic\nvs 1970s\n"
	if splits, missing := Splits(tables, pdf); len(splits) != 0 || len(missing) != 0 {
		t.Errorf("page break: splits %v, missing %q", splits, missing)
	}
	// A value on the same line as the next cell is two words, not a split.
	tables = []Table{{Words: []string{"0.9", "50", "0.950"}}}
	if splits, missing := Splits(tables, "0.9 50\n0.950\n"); len(splits) != 0 || len(missing) != 0 {
		t.Errorf("neighbours: splits %v, missing %q", splits, missing)
	}
}

// A number split over lines in a narrow column is found although the
// same number stands whole in another row, in prose and in the next
// table, and only that one is reported.
func TestSplitNumber(t *testing.T) {
	tables := []Table{
		{Caption: "Albums", Words: []string{"album", "songs", "Sticky", "Fingers", "18", "Some", "Girls", "18", "Tattoo", "You", "39"}},
		{Caption: "Releases", Words: []string{"release", "tracks", "Exile", "18"}},
	}
	pdf := "The 18 albums and 18 songs.\nalbum songs\nSticky Fingers 18\nSome Girls 1\n8\nTattoo You 3\n9\nSome prose, 18 of it.\nrelease tracks\nExile 18\n"
	got, missing := splitsOf(tables, pdf)
	if strings.Join(got, " ") != "18=1/8 39=3/9" || len(missing) != 0 {
		t.Errorf("splits %q, missing %q", got, missing)
	}
	splits, _ := Splits(tables, pdf)
	if len(splits) != 2 || splits[0].String() != `table Albums: "18" is split over lines as "1 / 8"` {
		t.Errorf("splits %v", splits)
	}
	// The same tables laid out well pass.
	pdf = "The 18 albums and 18 songs.\nalbum songs\nSticky Fingers 18\nSome Girls 18\nTattoo You 39\nSome prose, 18 of it.\nrelease tracks\nExile 18\n"
	if got, missing := splitsOf(tables, pdf); len(got) != 0 || len(missing) != 0 {
		t.Errorf("well laid out: splits %q, missing %q", got, missing)
	}
}

// Breaks that add a hyphen (a word hyphenated at the end of a line) are
// splits, in a number and in a word.
func TestSplitAddedHyphen(t *testing.T) {
	tables := []Table{{Words: []string{"mean", "popularity", "0.2114"}}}
	got, missing := splitsOf(tables, "mean popu-\nlarity 0.21-\n14\n")
	if strings.Join(got, " ") != "popularity=popu-/larity 0.2114=0.21-/14" || len(missing) != 0 {
		t.Errorf("splits %q, missing %q", got, missing)
	}
}

// Words joined by no-break spaces ("757 / 679") must stay on one line;
// words joined by ordinary spaces may wrap.
func TestSplitJoined(t *testing.T) {
	tables := []Table{{Words: []string{"sizes", "of", "clusters", "757", "/", "679", "0.92", "±", "0.01"}, Joined: []bool{false, false, false, true, true, false, true, true}}}
	got, missing := splitsOf(tables, "sizes of\nclusters\n757 /\n679 0.92 ± 0.01\n")
	if strings.Join(got, " ") != "757 / 679=757 //679" || len(missing) != 0 {
		t.Errorf("splits %q, missing %q", got, missing)
	}
	if got, missing := splitsOf(tables, "sizes of\nclusters\n757 / 679 0.92 ± 0.01\n"); len(got) != 0 || len(missing) != 0 {
		t.Errorf("on one line: splits %q, missing %q", got, missing)
	}
}

// Tables laid out well pass, however their words repeat: a value broken
// after its hyphen in one row and whole in the next, a header repeated
// on the next page right after the first row, two tables with one
// header, a word broken after its hyphen at a page break.
func TestSplitsLaidOutWell(t *testing.T) {
	tables := []Table{{Caption: "Releases", Words: strings.Fields(
		"rank release tracks in cohorts 0 / 1 " +
			"1 Sticky Fingers 10 6 / 0 " +
			"2 Exile On Main Street (2010 Re-Mastered) 18 4 / 0 " +
			"4 Tattoo You (2009 Re-Mastered) 11 3 / 0")}}
	pdf := "Releases\nrank release tracks in\ncohorts 0 / 1\n1 Sticky Fingers 10 6 / 0\n" +
		"\frank release tracks in\ncohorts 0 / 1\n2 Exile On Main Street (2010 Re-\nMastered)\n18 4 / 0\n" +
		"4 Tattoo You (2009 Re-Mastered) 11 3 / 0\n"
	if got, missing := splitsOf(tables, pdf); len(got) != 0 || len(missing) != 0 {
		t.Errorf("releases: splits %q, missing %q", got, missing)
	}
	tables = []Table{
		{Caption: "original", Words: strings.Fields("algorithm clusters sizes silhouette K-Means on the original pipeline 2 898 / 702 0.1954")},
		{Caption: "improved", Words: strings.Fields("k K-Means silhouette Ward silhouette 2 0.2114 0.1443 3 0.1726 0.1625")},
		{Caption: "K-Means", Words: strings.Fields("algorithm clusters sizes silhouette K-Means 2 757 / 679 0.2114")},
	}
	pdf = "algorithm clusters sizes silhouette\nK-Means on the original pipeline 2 898 / 702 0.1954\nThe sweep.\n" +
		"k K-Means\nsilhouette\nWard\nsilhouette\n2 0.2114 0.1443\n3 0.1726 0.1625\nK-Means\n" +
		"algorithm clusters sizes silhouette\nK-Means 2 757 / 679 0.2114\n"
	if got, missing := splitsOf(tables, pdf); len(got) != 0 || len(missing) != 0 {
		t.Errorf("two tables, one header: splits %q, missing %q", got, missing)
	}
	// The row's release cell ends its page with "Re-", the next cell
	// starts on the same line and goes on below it; the next page
	// repeats the header.
	tables = []Table{{Words: strings.Fields("threshold releases merged 40 Exile On Main Street (2010 Re-Mastered) (14) Exile On Main Street (14), Sticky Fingers (10) 60 Some Girls (2) Some Girls (2)")}}
	pdf = "threshold releases merged\n40 Exile On Main Street (2010 Re- Exile On Main\nStreet (14),\n\fthreshold releases merged\nMastered) (14)\nSticky Fingers (10)\n60 Some Girls (2) Some Girls (2)\n"
	if got, missing := splitsOf(tables, pdf); len(got) != 0 || len(missing) != 0 {
		t.Errorf("over a page: splits %q, missing %q", got, missing)
	}
}

// A path may break after a slash; a number may not.
func TestSplitSlash(t *testing.T) {
	tables := []Table{{Words: []string{"detail", "repeats", "/data/raw/hit-predictor/dataset-of-00s.csv", "record", "474", "share", "1/8", "and/or"}}}
	got, missing := splitsOf(tables, "detail\nrepeats /data/raw/hit-predictor/\ndataset-of-00s.csv record 474 share 1/\n8 and/\nor\n")
	if strings.Join(got, " ") != "1/8=1//8" || len(missing) != 0 {
		t.Errorf("splits %q, missing %q", got, missing)
	}
}

// A table word the PDF does not show is reported missing.
func TestSplitsMissing(t *testing.T) {
	tables := []Table{{Words: []string{"rank", "album", "1", "Sticky", "Fingers", "2", "Some", "Girls"}}}
	got, missing := splitsOf(tables, "rank album\n1 Sticky Fingers\n2 Some\n")
	if len(got) != 0 || strings.Join(missing, " ") != "Girls" {
		t.Errorf("splits %q, missing %q", got, missing)
	}
}

// readTables reads testdata/NAME.tables.txt, the tables of a report as
// DOCXTables read them: a "## caption" line, then the table's words on
// one line, those joined by a no-break space joined by U+00A0.
func readTables(t *testing.T, name string) []Table {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name+".tables.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var tables []Table
	for _, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		if caption, ok := strings.CutPrefix(line, "## "); ok {
			tables = append(tables, Table{Caption: caption})
			continue
		}
		tb := &tables[len(tables)-1]
		tb.Words, tb.Joined = cellWords(line)
	}
	return tables
}

// The tables of two reports and the text pdftotext -raw gives of the PDF
// LibreOffice made of them (testdata: the reports whose check failed with
// hundreds of words not found). Values repeat inside and across tables,
// tables share their header, header rows are repeated on new pages and
// rows drawn over two: every word is found and none is split. Broken in
// one place, the text fails.
func TestSplitsReports(t *testing.T) {
	for _, c := range []struct {
		name, from, to, want string
	}{
		{"02-eda", "4 Out Of Our Heads 4 18 3 33.3\n", "4 Out Of Our Heads 4 1\n8\n3 33.3\n",
			`table Albums with their editions merged, ranked by distinct popular songs (7 rows: the list continues to the end of the tie at rank 5): "18" is split over lines as "1 / 8"`},
		{"03-tests-validation", "K-Means 2 757 / 679 0.2114 1.746 426.5\n", "K-Means 2 757 /\n679 0.2114 1.746 426.5\n",
			`table K-Means: silhouette and Calinski-Harabasz higher is better, Davies-Bouldin lower: "757 / 679" is split over lines as "757 / / 679"`},
	} {
		tables := readTables(t, c.name)
		b, err := os.ReadFile(filepath.Join("testdata", c.name+".pdf.txt"))
		if err != nil {
			t.Fatal(err)
		}
		pdf := string(b)
		if splits, missing := Splits(tables, pdf); len(splits) != 0 || len(missing) != 0 {
			t.Errorf("%s: splits %v, missing %q", c.name, splits, missing)
		}
		if !strings.Contains(pdf, c.from) {
			t.Fatalf("%s: no %q in the PDF text", c.name, c.from)
		}
		splits, missing := Splits(tables, strings.Replace(pdf, c.from, c.to, 1))
		if len(splits) != 1 || splits[0].String() != c.want || len(missing) != 0 {
			t.Errorf("%s broken: splits %v, missing %q; want %s", c.name, splits, missing, c.want)
		}
	}
}

func TestCellWords(t *testing.T) {
	words, joined := cellWords(" 12\u00a0(3%) of \u00a0all\u00a0\u00a0\u00adrows\u00ad 757\u202f/\u202f679\u2009x ")
	if strings.Join(words, "|") != "12|(3%)|of|all|rows|757|/|679|x" || fmt.Sprint(joined) != "[true false false true false true true false]" {
		t.Errorf("words %q, joined %v", words, joined)
	}
}

func TestPDFWordsPages(t *testing.T) {
	pw := pdfWords("a b\nc\n\fd e\n\f\ff\n")
	var got []string
	for _, w := range pw {
		got = append(got, fmt.Sprintf("%s:%d:%d", w.text, w.line, w.page))
	}
	if strings.Join(got, " ") != "a:0:0 b:0:0 c:1:0 d:2:1 e:2:1 f:3:3" {
		t.Errorf("words %q", got)
	}
}
