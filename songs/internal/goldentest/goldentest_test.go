package goldentest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type sample struct {
	Source string      `json:"source"`
	X      [][]float64 `json:"x"`
}

func write(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "golden.json")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadDecodesTheFile(t *testing.T) {
	g := Read[sample](t, write(t, `{"source": "hand", "x": [[1, 2], [3, 4.5]]}`))
	if g.Source != "hand" || len(g.X) != 2 || g.X[1][1] != 4.5 {
		t.Fatalf("decoded %+v", g)
	}
	m := Dense(g.X)
	if r, c := m.Dims(); r != 2 || c != 2 || m.At(1, 0) != 3 || m.At(0, 1) != 2 {
		t.Fatalf("Dense gives %v", m)
	}
}

func TestDecodeNamesTheFile(t *testing.T) {
	var g sample
	path := write(t, `{"source": `)
	if err := Decode(path, &g); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("truncated file: %v, want an error naming %s", err, path)
	}
	missing := filepath.Join(t.TempDir(), "missing.json")
	if err := Decode(missing, &g); err == nil || !strings.Contains(err.Error(), "missing.json") {
		t.Errorf("missing file: %v, want an error naming it", err)
	}
}

func TestOnceDecodesOnce(t *testing.T) {
	path := write(t, `{"source": "first"}`)
	o := Once[sample]{Path: path}
	if got := o.Get(t).Source; got != "first" {
		t.Fatalf("first Get: %q", got)
	}
	if err := os.WriteFile(path, []byte(`{"source": "second"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := o.Get(t).Source; got != "first" {
		t.Errorf("second Get read the file again: %q", got)
	}
}
