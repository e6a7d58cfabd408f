package report

import (
	"strings"
	"testing"
)

// TestRunHeader keeps the parameters in their order, escapes them, and
// lists the checksums and the Go version.
func TestRunHeader(t *testing.T) {
	tb := RunHeader([][2]string{{"SEED", "42"}, {"K", "0 (choose)"}, {"TITLE", "<b>x</b>"}}, []string{"data/raw/a.csv: abc123"})
	h := tb.HTML()
	for _, want := range []string{">SEED</td>", ">0 (choose)</td>", "&lt;b&gt;x&lt;/b&gt;", "data/raw/a.csv: abc123", "<td style=\"text-align: left\">Go</td>"} {
		if !strings.Contains(h, want) {
			t.Errorf("run header lacks %q:\n%s", want, h)
		}
	}
	if tb.Rows[0][0] != "SEED" || tb.Rows[1][0] != "K" || tb.Rows[3][0] != "data SHA-256" {
		t.Errorf("rows %q", tb.Rows)
	}
}
