package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHTMLProblemsNetwork checks that a report loading anything from the
// network, by a tag or by a script module import, is refused, and that an
// offline report passes.
func TestHTMLProblemsNetwork(t *testing.T) {
	const offline = `<html><body><table><tr><td>1</td></tr></table>` +
		`<img src="data:image/png;base64,iVBORw0KGgo="></body></html>`
	cases := []struct {
		name, extra, want string
	}{
		{"offline", "", ""},
		{"script src", `<script src="https://cdn.example/x.js"></script>`, "fetches something"},
		// nbconvert 7's lab template loads mermaid.js this way.
		{"module import", `<script type="module">const m = (await import("https://cdnjs.cloudflare.com/m.mjs")).default;</script>`, "imports a script"},
		{"static import", `<script type="module">import x from "//cdn.example/x.mjs";</script>`, "imports a script"},
		{"local file", `<a href="file:///usr/share/x.js">x</a>`, "local file"},
	}
	for _, c := range cases {
		path := filepath.Join(t.TempDir(), "r.html")
		if err := os.WriteFile(path, []byte(strings.Replace(offline, "</body>", c.extra+"</body>", 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		problems, err := htmlProblems(path)
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(problems, "; ")
		if c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("%s: problems %q, want one containing %q", c.name, got, c.want)
		}
	}
}
