package report

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// hostileExplorer returns an explorer whose every text is hostile.
func hostileExplorer() Explorer {
	e := Explorer{Title: `</script><script>alert(1)</script>`, XLabel: `<img src=x onerror=alert(1)>`, YLabel: `{{7*7}}`}
	for i, h := range hostile {
		e.X = append(e.X, float64(i))
		e.Y = append(e.Y, float64(i*i))
		e.Group = append(e.Group, hostile[(i+1)%len(hostile)])
		e.Hover = append(e.Hover, []string{h, "album: " + hostile[(i+2)%len(hostile)], "year: 1971"})
	}
	return e
}

func TestExplorerHostileText(t *testing.T) {
	e := hostileExplorer()
	dir := t.TempDir()
	js := filepath.Join(dir, "plotly.min.js")
	// A stand-in bundle whose text would close the element if copied raw.
	if err := os.WriteFile(js, []byte(`window.Plotly={newPlot:function(){}}; var s="</SCRIPT>";`), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := e.HTML(js)
	if err != nil {
		t.Fatal(err)
	}
	// Exactly the three elements the snippet writes: no value opened or
	// closed any.
	if n := len(regexp.MustCompile(`(?i)<script`).FindAllString(out, -1)); n != 2 {
		t.Errorf("%d script start tags, want 2:\n%s", n, out)
	}
	if n := len(regexp.MustCompile(`(?i)</script`).FindAllString(out, -1)); n != 2 {
		t.Errorf("%d script end tags, want 2", n)
	}
	if strings.Contains(out, "<img") {
		t.Errorf("raw <img in output")
	}
	// The embedded data decode back to the escaped texts.
	m := regexp.MustCompile(`var fig = (.*);\n`).FindStringSubmatch(out)
	if m == nil {
		t.Fatal("figure data not found")
	}
	var fig struct {
		Data []struct {
			Name      string
			Hovertext []string
		}
		Layout struct {
			Title struct{ Text string }
		}
	}
	if err := json.Unmarshal([]byte(m[1]), &fig); err != nil {
		t.Fatalf("figure data not JSON: %v", err)
	}
	if fig.Layout.Title.Text != "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" {
		t.Errorf("title %q", fig.Layout.Title.Text)
	}
	var hovers []string
	for _, tr := range fig.Data {
		hovers = append(hovers, tr.Hovertext...)
		if strings.ContainsAny(tr.Name, "<>") {
			t.Errorf("unescaped group name %q", tr.Name)
		}
	}
	joined := strings.Join(hovers, "\n")
	for _, want := range []string{"(I Can&#39;t Get No) Satisfaction", `back\slash \&#34; \\ \n`, "&lt;img src=x onerror=alert(1)&gt;", "{{7*7}}"} {
		if !strings.Contains(joined, want) {
			t.Errorf("hover text lacks %q", want)
		}
	}
	for _, h := range hovers {
		if strings.Contains(strings.ReplaceAll(h, "<br>", ""), "<") {
			t.Errorf("hover %q holds markup other than <br>", h)
		}
	}
	// Same data, same bytes.
	again, _ := e.HTML(js)
	if again != out {
		t.Errorf("explorer output not deterministic")
	}
}

func TestExplorerRejects(t *testing.T) {
	e := hostileExplorer()
	e.Hover = e.Hover[1:]
	if _, err := e.HTML(""); err == nil {
		t.Errorf("mismatched lengths accepted")
	}
	if _, err := (Explorer{}).HTML(""); err == nil {
		t.Errorf("empty explorer accepted")
	}
	if _, err := hostileExplorer().HTML(filepath.Join(t.TempDir(), "none.js")); err == nil {
		t.Errorf("missing plotly.js accepted")
	}
}
