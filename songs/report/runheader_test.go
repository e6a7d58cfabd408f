package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunHeader(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data.csv")
	os.WriteFile(path, []byte("abc"), 0o644)
	tb, err := RunHeader(path, map[string]string{"SEED": "42", "K": "3", "TITLE": "<b>x</b>"})
	if err != nil {
		t.Fatal(err)
	}
	h := tb.HTML()
	// sha256("abc") from FIPS 180-2, appendix B.1.
	for _, want := range []string{
		"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
		">K</td>", ">SEED</td>", "&lt;b&gt;x&lt;/b&gt;", "<td style=\"text-align: left\">Go</td>",
	} {
		if !strings.Contains(h, want) {
			t.Errorf("run header lacks %q:\n%s", want, h)
		}
	}
	if strings.Index(h, ">K<") > strings.Index(h, ">SEED<") {
		t.Errorf("parameters not sorted")
	}
	if _, err := RunHeader(filepath.Join(t.TempDir(), "missing"), nil); err == nil {
		t.Errorf("missing data file accepted")
	}
	t.Setenv("SONGS_TEST_SET", "v")
	env := Env("SONGS_TEST_SET", "SONGS_TEST_UNSET_XYZ")
	if env["SONGS_TEST_SET"] != "v" || env["SONGS_TEST_UNSET_XYZ"] != "(unset)" {
		t.Errorf("Env = %v", env)
	}
}
