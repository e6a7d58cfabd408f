package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// executed is a small executed notebook: a title, the set-up (tagged
// appendix), key findings (tagged summary), two sections with timed code
// cells and an HTML-only sentence.
const executed = `{
 "cells": [
  {"cell_type": "markdown", "metadata": {}, "source": ["# 02 · Exploratory *analysis*\n", "\n", "What this notebook does."]},
  {"cell_type": "markdown", "metadata": {"tags": ["appendix"]}, "source": "*The first code cell connects the kernel.*"},
  {"cell_type": "code", "execution_count": 1, "metadata": {"tags": ["appendix"], "execution": {"iopub.execute_input": "2026-12-07T12:32:03.000000Z", "shell.execute_reply": "2026-12-07T12:32:04.000000Z"}},
   "outputs": [{"output_type": "display_data", "data": {"text/html": "<table><tr><td>SEED</td></tr></table>"}, "metadata": {}}],
   "source": ["!*go mod edit -replace=x=y\n", "%noautoget\n", "import (\n", "\t\"fmt\"\n", ")\n", "%%\n", "report.Display(songs.RunTable(p))\n"]},
  {"cell_type": "markdown", "metadata": {"tags": ["summary"]}, "source": "## Key findings\n\n- 1,600 tracks."},
  {"cell_type": "markdown", "metadata": {}, "source": "## Distributions"},
  {"cell_type": "code", "execution_count": 2, "metadata": {"execution": {"iopub.execute_input": "2026-12-07T12:32:04.000000Z", "shell.execute_reply": "2026-12-07T12:32:07.000000Z"}}, "outputs": [], "source": "%%\ncat := songs.Must(songs.LoadClean(p))"},
  {"cell_type": "markdown", "metadata": {"tags": ["html-only"]}, "source": "### Explore the map\n\nHover over a point."},
  {"cell_type": "code", "execution_count": 3, "metadata": {"execution": {"iopub.execute_input": "2026-12-07T12:32:07.000000Z", "shell.execute_reply": "2026-12-07T12:32:07.000000Z"}}, "outputs": [], "source": "\n%%\nx := 1"}
 ],
 "metadata": {"kernelspec": {"name": "gonb"}},
 "nbformat": 4,
 "nbformat_minor": 4
}`

func read(t *testing.T) *Notebook {
	t.Helper()
	nb, err := Read(strings.NewReader(executed))
	if err != nil {
		t.Fatal(err)
	}
	return nb
}

func TestPrepareNoCode(t *testing.T) {
	nb := read(t)
	if err := Prepare(nb, Options{NoCode: true, Study: "Song cohorts", Catalog: "Rolling Stones catalog"}); err != nil {
		t.Fatal(err)
	}
	if got, want := nb.Title(), "02 · Exploratory analysis · Song cohorts · Rolling Stones catalog"; got != want {
		t.Errorf("title %q, want %q", got, want)
	}
	if !strings.HasPrefix(nb.Cells[0].Source, "# 02 · Exploratory *analysis*\n\n<div class=\"songs-subtitle\">Song cohorts · Rolling Stones catalog</div>\n") {
		t.Errorf("subtitle not under the heading:\n%s", nb.Cells[0].Source)
	}
	var order []string
	for _, c := range nb.Cells {
		first := strings.SplitN(strings.TrimSpace(c.Source), "\n", 2)[0]
		order = append(order, c.Type+": "+first)
	}
	want := []string{
		"markdown: # 02 · Exploratory *analysis*",
		"markdown: ## Key findings",
		"markdown: " + ContentsPlaceholder,
		"markdown: ## Distributions",
		"code: %%",
		"markdown: ### Explore the map",
		"code: %%",
		"markdown: ## Appendix: set-up and run parameters",
		"markdown: *The first code cell connects the kernel.*",
		"code: !*go mod edit -replace=x=y",
		"markdown: ## Appendix: cell run times",
	}
	if strings.Join(order, "\n") != strings.Join(want, "\n") {
		t.Errorf("cells\n%s\nwant\n%s", strings.Join(order, "\n"), strings.Join(want, "\n"))
	}
	// The moved cell keeps its outputs and tags; the HTML-only cell its tag.
	var b bytes.Buffer
	if err := nb.Write(&b); err != nil {
		t.Fatal(err)
	}
	var back struct {
		Cells []struct {
			CellType string          `json:"cell_type"`
			Metadata json.RawMessage `json:"metadata"`
			Outputs  []json.RawMessage
		}
		Metadata map[string]any
		Nbformat int
	}
	if err := json.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if len(back.Cells[9].Outputs) != 1 || !strings.Contains(string(back.Cells[9].Metadata), `"appendix"`) {
		t.Errorf("moved set-up cell lost its outputs or tag: %s", back.Cells[9].Metadata)
	}
	if !strings.Contains(string(back.Cells[5].Metadata), `"html-only"`) {
		t.Errorf("html-only tag lost: %s", back.Cells[5].Metadata)
	}
	if back.Nbformat != 4 || back.Metadata["kernelspec"] == nil || back.Metadata["title"] == nil {
		t.Errorf("notebook fields lost: %v", back.Metadata)
	}
}

func TestPrepareWithCode(t *testing.T) {
	nb := read(t)
	if err := Prepare(nb, Options{Study: "Song cohorts", Catalog: "Rolling Stones catalog"}); err != nil {
		t.Fatal(err)
	}
	if !nb.Cells[2].HasTag(TagAppendix) || nb.Cells[2].Type != "code" {
		t.Errorf("the with-code rendition moved the set-up cell")
	}
	if nb.Cells[4].Source != ContentsPlaceholder {
		t.Errorf("contents not after the summary: %q", nb.Cells[4].Source)
	}
	for _, c := range nb.Cells {
		if strings.Contains(c.Source, "Appendix: set-up") {
			t.Errorf("the with-code rendition has a set-up appendix")
		}
	}
	if last := nb.Cells[len(nb.Cells)-1].Source; !strings.HasPrefix(last, "## Appendix: cell run times") {
		t.Errorf("no timing appendix: %q", last)
	}
}

func TestPrepareNeedsTitle(t *testing.T) {
	nb, err := Read(strings.NewReader(`{"cells": [{"cell_type": "markdown", "metadata": {}, "source": "## Only a section"}], "metadata": {}, "nbformat": 4, "nbformat_minor": 4}`))
	if err != nil {
		t.Fatal(err)
	}
	if err := Prepare(nb, Options{}); err == nil || !strings.Contains(err.Error(), "level-1 heading") {
		t.Errorf("error %v", err)
	}
	if _, err := Read(strings.NewReader(`{"cells": 3}`)); err == nil {
		t.Errorf("bad notebook accepted")
	}
}

func TestTimings(t *testing.T) {
	rows := Timings(read(t))
	if len(rows) != 3 {
		t.Fatalf("%d rows, want 3", len(rows))
	}
	// Seconds from the time stamps above: 12:32:03-04, 04-07, 07-07.
	for i, want := range []struct {
		count   int
		section string
		line    string
		seconds float64
	}{
		{1, "02 · Exploratory analysis", "report.Display(songs.RunTable(p))", 1},
		{2, "Distributions", "cat := songs.Must(songs.LoadClean(p))", 3},
		{3, "Explore the map", "x := 1", 0},
	} {
		r := rows[i]
		if r.Count != want.count || r.Section != want.section || r.FirstLine != want.line || r.Seconds() != want.seconds {
			t.Errorf("row %d = %+v (%.0f s), want %+v", i, r, r.Seconds(), want)
		}
	}
	md := TimingAppendix(rows).Source
	for _, want := range []string{"to the whole second", "| 2 | Distributions | `cat := songs.Must(songs.LoadClean(p))` | 3 |",
		"| all | 3 code cells | – | 4 |", "to the last cell's end: 4 s."} {
		if !strings.Contains(md, want) {
			t.Errorf("timing appendix lacks %q:\n%s", want, md)
		}
	}
}

func TestContents(t *testing.T) {
	doc := []byte(`<html><body><h1 id="t">Title</h1><div class="songs-toc"></div>
<h2 id="Key-findings">Key findings<a class="anchor-link" href="#Key-findings">&#182;</a></h2>
<script>var s = "<h2 id='x'>not a heading</h2>";</script>
<h3 id="Popularity:-songs-&amp;-albums">Popularity: <code>songs</code> &amp; albums<a class="anchor-link" href="#">&#182;</a></h3>
<h2 id="Appendix">Appendix</h2></body></html>`)
	got := string(Contents(doc))
	want := `<div class="songs-toc"><p class="songs-toc-title">Contents</p>
<ul>
<li><a href="#Key-findings">Key findings</a>
<ul>
<li><a href="#Popularity:-songs-&amp;-albums">Popularity: songs &amp; albums</a></li>
</ul>
</li>
<li><a href="#Appendix">Appendix</a></li>
</ul></div>`
	if !strings.Contains(got, want) {
		t.Errorf("contents\n%s\nwant\n%s", got, want)
	}
	if strings.Contains(got, ContentsPlaceholder) {
		t.Errorf("placeholder left")
	}
	plain := []byte("<h2 id=\"a\">A</h2>")
	if string(Contents(plain)) != string(plain) {
		t.Errorf("a report without placeholder changed")
	}
}

func TestCatalogName(t *testing.T) {
	if CatalogName("rolling-stones") != "Rolling Stones catalog" || CatalogName("mine") != "catalog mine" {
		t.Errorf("names %q %q", CatalogName("rolling-stones"), CatalogName("mine"))
	}
}
