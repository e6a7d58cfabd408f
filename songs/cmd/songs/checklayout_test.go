package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// Without LibreOffice the layout check says what to install: it is
// skipped on a developer's machine and fails under CI=true.
func TestLayoutCheckWithoutTools(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	var out bytes.Buffer
	t.Setenv("CI", "")
	if n, err := layoutCheck([]string{"a.html", "b.docx"}, &out); err != nil || n != 0 {
		t.Errorf("without CI: %d failed, error %v", n, err)
	}
	if !strings.Contains(out.String(), "skipped the DOCX layout check") || !strings.Contains(out.String(), "libreoffice-writer-nogui poppler-utils") {
		t.Errorf("message %q does not say what is missing", out.String())
	}
	t.Setenv("CI", "true")
	if _, err := layoutCheck([]string{"b.docx"}, &out); !errors.Is(err, errNoLayoutTools) {
		t.Errorf("under CI=true: error %v, want %v", err, errNoLayoutTools)
	}
	if n, err := layoutCheck([]string{"a.html"}, &out); err != nil || n != 0 {
		t.Errorf("no DOCX: %d failed, error %v", n, err)
	}
}
