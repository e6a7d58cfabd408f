package report

import (
	"math"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"

	"github.com/songcohorts/cohorts/songs/chart"
)

func TestFormatFloat(t *testing.T) {
	for _, c := range []struct {
		v    float64
		dec  int
		want string
	}{
		{math.NaN(), 3, Missing}, {math.Inf(1), 2, "∞"}, {math.Inf(-1), 2, "-∞"},
		{-0.0001, 3, "0.000"}, {1.23456, 3, "1.235"}, {-2.5, 1, "-2.5"},
	} {
		if got := FormatFloat(c.v, c.dec); got != c.want {
			t.Errorf("FormatFloat(%v, %d) = %q, want %q", c.v, c.dec, got, c.want)
		}
	}
}

// The expected strings are hand-computed: sig significant digits, digits
// before the point never dropped, trailing zeros removed, commas from
// 10,000.
func TestFormatSigAndInt(t *testing.T) {
	for _, c := range []struct {
		v    float64
		sig  int
		want string
	}{
		{190613.0, 3, "190,613"}, {190613.0, 7, "190,613"}, {0.000123456, 2, "0.00012"},
		{0.5, 3, "0.5"}, {1.746, 3, "1.75"}, {-426.54, 4, "-426.5"}, {0, 3, "0"},
		{1600, 3, "1600"}, {38953, 2, "38,953"}, {math.NaN(), 3, Missing},
	} {
		if got := FormatSig(c.v, c.sig); got != c.want {
			t.Errorf("FormatSig(%v, %d) = %q, want %q", c.v, c.sig, got, c.want)
		}
	}
	for n, want := range map[int]string{0: "0", 999: "999", 1600: "1,600", 40553: "40,553", -1234567: "-1,234,567"} {
		if got := FormatInt(n); got != want {
			t.Errorf("FormatInt(%d) = %q, want %q", n, got, want)
		}
	}
	if got := FormatPercent(0.4375, 1); got != "43.8%" {
		t.Errorf("FormatPercent = %q", got)
	}
}

func TestFormatColumn(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		sig  int
		want []string
	}{
		// Median magnitude 1.746: 3 significant digits need 2 decimals.
		{[]float64{0.2114, 1.746, 426.5}, 3, []string{"0.21", "1.75", "426.50"}},
		// Integers stay integers, large ones grouped.
		{[]float64{1600, 40553, math.NaN()}, 3, []string{"1600", "40,553", Missing}},
		// Median 0.0136: 2 significant digits need 3 decimals.
		{[]float64{0.0136, 0.00012, 0.5}, 2, []string{"0.014", "0.000", "0.500"}},
		{[]float64{190613.0, 243209.5, 31000.25}, 4, []string{"190,613", "243,210", "31,000"}},
	} {
		if got := FormatColumn(c.in, c.sig); !slices.Equal(got, c.want) {
			t.Errorf("FormatColumn(%v, %d) = %q, want %q", c.in, c.sig, got, c.want)
		}
	}
}

func TestTableMissingNoteTransposed(t *testing.T) {
	tb := Table{Headers: []string{"eps", "clusters", "noise %"}, Rows: [][]string{{"2.014", "10", FormatFloat(math.NaN(), 1)}, {"2.685", "", "1.5"}},
		Note: "noise % is missing where DBSCAN found a single cluster."}
	h := tb.HTML()
	if strings.Contains(h, "NaN") || strings.Contains(h, "<td style=\"text-align: right\"></td>") {
		t.Errorf("missing values not shown as a dash:\n%s", h)
	}
	if n := strings.Count(h, ">"+Missing+"</td>"); n != 2 {
		t.Errorf("%d dashes, want 2:\n%s", n, h)
	}
	if !strings.Contains(h, `<td style="text-align: right">1.5</td>`) {
		t.Errorf("a column with a missing value is no longer numeric:\n%s", h)
	}
	if !strings.Contains(h, `<p class="songs-table-note">noise % is missing`) {
		t.Errorf("note missing:\n%s", h)
	}
	if md := tb.Markdown(); !strings.Contains(md, "noise % is missing") {
		t.Errorf("markdown note missing:\n%s", md)
	}
	tr := tb.Transposed()
	if !slices.Equal(tr.Headers, []string{"eps", "2.014", "2.685"}) || len(tr.Rows) != 2 ||
		!slices.Equal(tr.Rows[0], []string{"clusters", "10", Missing}) || tr.Note != tb.Note {
		t.Errorf("transposed %+v", tr)
	}
}

func TestFigureCaptionAndSize(t *testing.T) {
	fig := chart.Figure{Title: "t", Alt: "a long machine description", Width: 7 * vg.Inch}
	if FigureCaption(fig) != "" {
		t.Errorf("a figure without caption got one: %q", FigureCaption(fig))
	}
	fig = fig.WithCaption(`Live tracks <b>dominate</b> after 2000.`)
	if got := FigureCaption(fig); got != `<p class="songs-figure-caption">Live tracks &lt;b&gt;dominate&lt;/b&gt; after 2000.</p>` {
		t.Errorf("caption %q", got)
	}
	// 7 in at 96 CSS pixels per inch.
	if m := figureMetadata(fig); m["image/png"].(map[string]int)["width"] != 672 {
		t.Errorf("metadata %v", m)
	}
	if h := HTMLOnly("<p>Hover over a point.</p>"); h != `<div class="songs-html-only"><p>Hover over a point.</p></div>` {
		t.Errorf("HTMLOnly %q", h)
	}
}

func TestTableCode(t *testing.T) {
	tb := Table{Headers: []string{"n", "first line"}, Rows: [][]string{{"1", "x := a || b"}, {"2", "s := `raw` <b>"}, {"3", ""}}, Code: []bool{false, true}}
	h := tb.HTML()
	for _, want := range []string{"<code>x := a || b</code>", "<code>s := `raw` &lt;b&gt;</code>", ">" + Missing + "</td>"} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML lacks %q:\n%s", want, h)
		}
	}
	md := tb.Markdown()
	for _, want := range []string{"| `x := a \\|\\| b` |", "| ``s := `raw` <b>`` |", "| " + Missing + " |"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
}
