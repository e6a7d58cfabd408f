package catalog

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
)

// TestLoadNotCSV loads files people load by mistake (a workbook renamed
// to .csv, a compressed CSV, a semicolon- or tab-separated one) and checks
// that the error names the file, says what it is and what to do; a
// comma-separated file with semicolons inside its fields still loads.
func TestLoadNotCSV(t *testing.T) {
	csvText := catalogtest.CSVText(catalogtest.CourseHeader, 3, false, nil)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(csvText))
	zw.Close()
	withSemicolons := catalogtest.CSVText(catalogtest.CourseHeader, 3, false, func(i int, rec map[string]string) {
		rec["name"] = "Title; with a semicolon"
	})
	for _, c := range []struct {
		name, body, want string
	}{
		{"book.csv", "PK\x03\x04\x14\x00\x06\x00rest of a workbook", "is a ZIP archive (an Excel .xlsx"},
		{"old.csv", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Excel 97-2003 .xls"},
		{"packed.csv", gz.String(), "is gzip-compressed: decompress it first"},
		{"semicolons.csv", strings.ReplaceAll(csvText, ",", ";"), "header: the columns are separated by semicolons (;), not commas"},
		{"tabs.csv", strings.ReplaceAll(csvText, ",", "\t"), "separated by tabs, not commas"},
		{"fine.csv", withSemicolons, ""},
	} {
		path := filepath.Join(t.TempDir(), c.name)
		if err := os.WriteFile(path, []byte(c.body), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Load(path)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.want != "" && (err == nil || !strings.HasPrefix(err.Error(), path+": ") || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: error %v, want %q after the file's name", c.name, err, c.want)
		}
	}
}
