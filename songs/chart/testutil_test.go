package chart

import (
	"bytes"
	"encoding/csv"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"gonum.org/v1/plot/vg"
)

// catalogPath is where the Makefile stages the real catalog.
const catalogPath = "../../data/raw/rolling_stones_spotify.csv"

// readCatalog returns the real catalog's columns by header name, skipping
// the test when the file is absent (failing it when CI=true).
func readCatalog(t testing.TB) (num map[string][]float64, str map[string][]string) {
	t.Helper()
	f, err := os.Open(catalogPath)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("catalog missing in CI: %v", err)
		}
		t.Skipf("catalog not staged (%v); run make data", err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	num = map[string][]float64{}
	str = map[string][]string{}
	for j, h := range recs[0] {
		for _, r := range recs[1:] {
			str[h] = append(str[h], r[j])
			if v, err := strconv.ParseFloat(r[j], 64); err == nil {
				num[h] = append(num[h], v)
			}
		}
	}
	return num, str
}

// checkPNG decodes fig.PNG and checks that its pixel size is the figure's
// drawn size at DefaultDPI and that it has an alt text; when CHART_PNG_DIR
// is set it also writes the image there for inspection.
func checkPNG(t *testing.T, name string, fig Figure) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(fig.PNG))
	if err != nil {
		t.Fatalf("%s: not a PNG: %v", name, err)
	}
	b := img.Bounds()
	wantW := int(math.Round(float64(fig.Width / vg.Inch * DefaultDPI)))
	wantH := int(math.Round(float64(fig.Height / vg.Inch * DefaultDPI)))
	if b.Dx() != wantW || b.Dy() != wantH {
		t.Errorf("%s: size %dx%d, want %dx%d (%v x %v in)", name, b.Dx(), b.Dy(), wantW, wantH, fig.Width/vg.Inch, fig.Height/vg.Inch)
	}
	if fig.Alt == "" {
		t.Errorf("%s: empty alt text", name)
	}
	if dir := os.Getenv("CHART_PNG_DIR"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name+".png"), fig.PNG, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// fmtFixed formats v with d decimals.
func fmtFixed(v float64, d int) string { return strconv.FormatFloat(v, 'f', d, 64) }
