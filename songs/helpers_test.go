package songs

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// courseHeader is the header of the course file's number_row variant.
var courseHeader = []string{"number_row", "name", "album", "release_date", "track_number", "id", "uri",
	"acousticness", "danceability", "energy", "instrumentalness", "liveness", "loudness", "speechiness",
	"tempo", "valence", "popularity", "duration_ms"}

// hitHeader is the header of the hit-predictor catalog: no id, popularity,
// album or release date, a decade, and six columns the loader keeps as text.
var hitHeader = []string{"track", "artist", "uri", "danceability", "energy", "key", "loudness", "mode",
	"speechiness", "acousticness", "instrumentalness", "liveness", "valence", "tempo", "duration_ms",
	"time_signature", "chorus_hit", "sections", "target", "decade"}

// testID is the 22-character identifier of synthetic track i.
func testID(i int) string { return fmt.Sprintf("T%021d", i) }

// rowValues are the values of synthetic track i by column name: every value
// valid and every track a different recording.
func rowValues(i int) map[string]string {
	id := testID(i)
	f := func(v float64) string { return fmt.Sprintf("%g", v) }
	return map[string]string{
		"number_row": fmt.Sprint(i - 1), "name": fmt.Sprintf("Song %d", i), "track": fmt.Sprintf("Song %d", i),
		"album": fmt.Sprintf("Album %d", i%3), "artist": "The Band", "release_date": "6/10/2022",
		"track_number": fmt.Sprint(i%12 + 1), "id": id, "uri": uriPrefix + id,
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

// record returns the fields of synthetic track i under header, with the
// values in set replacing the defaults.
func record(header []string, i int, set map[string]string) []string {
	vals := rowValues(i)
	out := make([]string, len(header))
	for k, h := range header {
		out[k] = vals[normaliseHeader(h)]
		if v, ok := set[h]; ok {
			out[k] = v
		}
	}
	return out
}

// csvText writes a header and n synthetic records as CSV; edit, when not
// nil, may change record i (1-based) in place.
func csvText(header []string, n int, crlf bool, edit func(i int, rec map[string]string)) string {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = crlf
	_ = w.Write(header)
	for i := 1; i <= n; i++ {
		set := map[string]string{}
		if edit != nil {
			edit(i, set)
		}
		_ = w.Write(record(header, i, set))
	}
	w.Flush()
	return buf.String()
}

// writeFile writes text to name in a fresh temporary folder and returns
// its path.
func writeFile(t testing.TB, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// loadText writes text to a temporary catalog file and loads it.
func loadText(t testing.TB, text string) (*Catalog, string, error) {
	t.Helper()
	path := writeFile(t, "catalog.csv", text)
	cat, err := Load(path)
	return cat, path, err
}

// mustLoad loads text and fails the test on an error.
func mustLoad(t testing.TB, text string) *Catalog {
	t.Helper()
	cat, _, err := loadText(t, text)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return cat
}

// wantRecordError checks that err is a *RecordError for file at the given
// record, line and column, whose message contains every one of msgs.
func wantRecordError(t testing.TB, err error, file string, rec, line int, col string, msgs ...string) *RecordError {
	t.Helper()
	if err == nil {
		t.Fatalf("no error; want a RecordError at record %d column %q", rec, col)
	}
	var re *RecordError
	if !errors.As(err, &re) {
		t.Fatalf("error %v (%T) is not a *RecordError", err, err)
	}
	if re.File != file || re.Record != rec || re.Line != line || re.Column != col {
		t.Errorf("RecordError at file %q record %d line %d column %q; want %q, %d, %d, %q (%v)",
			re.File, re.Record, re.Line, re.Column, file, rec, line, col, err)
	}
	for _, m := range msgs {
		if !strings.Contains(err.Error(), m) {
			t.Errorf("error %q does not contain %q", err, m)
		}
	}
	return re
}

// findingsOf returns the findings of a rule.
func findingsOf(cat *Catalog, rule string) []Finding {
	var out []Finding
	for _, f := range cat.Findings {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

// sameFloat compares two values, NaN equal to NaN.
func sameFloat(a, b float64) bool {
	return a == b || (math.IsNaN(a) && math.IsNaN(b))
}

// sameTrack compares two tracks field by field, NaN-aware.
func sameTrack(a, b *Track) string {
	if a.Source != b.Source || a.Record != b.Record || a.Line != b.Line || a.NumberRow != b.NumberRow ||
		a.ID != b.ID || a.URI != b.URI || a.Name != b.Name || a.Album != b.Album || a.Artist != b.Artist ||
		a.ReleaseDate != b.ReleaseDate || a.Decade != b.Decade || a.TrackNumber != b.TrackNumber ||
		a.CanonicalID != b.CanonicalID {
		return fmt.Sprintf("text or integer fields differ:\n%+v\n%+v", *a, *b)
	}
	for j := range a.Audio {
		if !sameFloat(a.Audio[j], b.Audio[j]) {
			return fmt.Sprintf("%s %v != %v", AudioFeatures[j], a.Audio[j], b.Audio[j])
		}
	}
	if !sameFloat(a.DurationMS, b.DurationMS) || !sameFloat(a.Popularity, b.Popularity) {
		return fmt.Sprintf("duration/popularity %v/%v != %v/%v", a.DurationMS, a.Popularity, b.DurationMS, b.Popularity)
	}
	if len(a.Extra) != len(b.Extra) {
		return fmt.Sprintf("extra %q != %q", a.Extra, b.Extra)
	}
	for i := range a.Extra {
		if a.Extra[i] != b.Extra[i] {
			return fmt.Sprintf("extra %q != %q", a.Extra, b.Extra)
		}
	}
	return ""
}

// logFor returns the cleaning log entries of a track id.
func logFor(c *Cleaned, id string) []LogEntry {
	var out []LogEntry
	for _, e := range c.Log {
		if e.ID == id {
			out = append(out, e)
		}
	}
	return out
}

// wantDropped checks that Clean removed exactly the ids in want, each with
// a log entry of the rule whose detail mentions column.
func wantDropped(t testing.TB, c *Cleaned, rule, column string, want ...string) {
	t.Helper()
	dropped := map[string]bool{}
	for i, d := range c.Dropped {
		if d {
			dropped[c.Loaded.Tracks[i].ID] = true
		}
	}
	if len(dropped) != len(want) {
		t.Errorf("dropped %d tracks %v; want %v", len(dropped), dropped, want)
	}
	for _, id := range want {
		if !dropped[id] {
			t.Errorf("track %s was not dropped", id)
		}
		found := false
		for _, e := range logFor(c, id) {
			if e.Rule == rule && strings.Contains(e.Detail, column) {
				found = true
			}
		}
		if !found {
			t.Errorf("no log entry with rule %q mentioning %q for %s: %+v", rule, column, id, logFor(c, id))
		}
	}
	if got := len(c.Tracks.Tracks); got != len(c.Loaded.Tracks)-len(want) {
		t.Errorf("%d tracks kept; want %d", got, len(c.Loaded.Tracks)-len(want))
	}
}
