// Package catalogtest makes catalog files for tests: the headers of the
// course file and of the hit-predictor catalog, synthetic records whose
// values are valid and distinct, and the paths where the Makefile stages the
// real catalogs.
//
// It imports nothing of this module, so the catalog package's own tests can
// use it.
package catalogtest

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// CourseHeader is the header of the course file's number_row variant.
var CourseHeader = []string{"number_row", "name", "album", "release_date", "track_number", "id", "uri",
	"acousticness", "danceability", "energy", "instrumentalness", "liveness", "loudness", "speechiness",
	"tempo", "valence", "popularity", "duration_ms"}

// HitHeader is the header of the hit-predictor catalog: no id, popularity,
// album or release date, a decade, and six columns the loader keeps as text.
var HitHeader = []string{"track", "artist", "uri", "danceability", "energy", "key", "loudness", "mode",
	"speechiness", "acousticness", "instrumentalness", "liveness", "valence", "tempo", "duration_ms",
	"time_signature", "chorus_hit", "sections", "target", "decade"}

// URIPrefix starts every Spotify track uri.
const URIPrefix = "spotify:track:"

// ID is the 22-character identifier of synthetic track i.
func ID(i int) string { return fmt.Sprintf("T%021d", i) }

// Values are the values of synthetic track i by column name: every value
// valid and every track a different recording.
func Values(i int) map[string]string {
	id := ID(i)
	f := func(v float64) string { return fmt.Sprintf("%g", v) }
	return map[string]string{
		"number_row": fmt.Sprint(i - 1), "name": fmt.Sprintf("Song %d", i), "track": fmt.Sprintf("Song %d", i),
		"album": fmt.Sprintf("Album %d", i%3), "artist": "The Band", "release_date": "6/10/2022",
		"track_number": fmt.Sprint(i%12 + 1), "id": id, "uri": URIPrefix + id,
		"acousticness": f(0.1 + float64(i%7)/100), "danceability": f(0.2 + float64(i%5)/100),
		"energy": f(0.3 + float64(i%11)/100), "instrumentalness": f(0.4 + float64(i%13)/1000),
		"liveness": f(0.5 + float64(i%3)/100), "loudness": f(-5 - float64(i%9)/10),
		"speechiness": f(0.05 + float64(i%4)/100), "tempo": f(100 + float64(i%17)),
		"valence": f(0.6 + float64(i%6)/100), "popularity": fmt.Sprint(20 + i%50),
		"duration_ms": fmt.Sprint(200000 + i), "key": fmt.Sprint(i % 12), "mode": fmt.Sprint(i % 2),
		"time_signature": "4", "chorus_hit": "32.5", "sections": "9", "target": fmt.Sprint(i % 2),
		"decade": "1960", "year": "1969",
	}
}

// Record returns the fields of synthetic track i under header, with the
// values in set replacing the defaults. Header names are matched as the
// loader normalises them (trimmed, lower case, spaces to underscores).
func Record(header []string, i int, set map[string]string) []string {
	vals := Values(i)
	out := make([]string, len(header))
	for k, h := range header {
		out[k] = vals[strings.ReplaceAll(strings.ToLower(strings.TrimSpace(h)), " ", "_")]
		if v, ok := set[h]; ok {
			out[k] = v
		}
	}
	return out
}

// CSVText writes a header and n synthetic records as CSV; edit, when not
// nil, may change record i (1-based) in place.
func CSVText(header []string, n int, crlf bool, edit func(i int, rec map[string]string)) string {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = crlf
	_ = w.Write(header)
	for i := 1; i <= n; i++ {
		set := map[string]string{}
		if edit != nil {
			edit(i, set)
		}
		_ = w.Write(Record(header, i, set))
	}
	w.Flush()
	return buf.String()
}

// Copy sets the cells of r to the values of synthetic track of (see
// Values), all but the columns named in except.
func Copy(r map[string]string, of int, except ...string) {
	for col, v := range Values(of) {
		if !slices.Contains(except, col) {
			r[col] = v
		}
	}
}

// At is an edit for CSVText that sets column col of record rec to val.
func At(rec int, col, val string) func(i int, r map[string]string) {
	return Set(map[int]map[string]string{rec: {col: val}})
}

// Set is an edit for CSVText that sets, in each record i it names, the
// columns of set[i] to their values.
func Set(set map[int]map[string]string) func(i int, r map[string]string) {
	return func(i int, r map[string]string) {
		for col, val := range set[i] {
			r[col] = val
		}
	}
}

// Cycle is an edit for CSVText that sets, in every record i, the columns
// of set[i%n] to their values.
func Cycle(n int, set map[int]map[string]string) func(i int, r map[string]string) {
	edit := Set(set)
	return func(i int, r map[string]string) { edit(i%n, r) }
}

// WriteFile writes text to name in a fresh temporary folder and returns
// its path.
func WriteFile(t testing.TB, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Staged catalogs, relative to the project root, where `make data` and
// `make test-data` put them.
const (
	RollingStones = "data/raw/rolling_stones_spotify.csv"
	HitPredictor  = "data/raw/hit-predictor/dataset-of-*.csv"
)

// Staged returns the absolute path (or glob) of a staged catalog, given
// relative to the project root. When no file matches, the test is skipped
// with a message, except under CI=true, where the Makefile must have staged
// it and the test fails.
func Staged(t testing.TB, rel string) string {
	t.Helper()
	root, err := Root()
	if err != nil {
		t.Fatal(err)
	}
	pattern := filepath.Join(root, rel)
	if m, _ := filepath.Glob(pattern); len(m) > 0 {
		return pattern
	}
	msg := rel + " is not staged (run make test-data, or copy it from ../shared/data)"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// Root is the project folder: the nearest folder above the working
// directory with a go.mod file.
func Root() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("catalogtest: no go.mod above the working directory")
		}
		dir = parent
	}
}
