package catalog

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
)

// loadText writes text to a temporary catalog file and loads it.
func loadText(t testing.TB, text string) (*Catalog, string, error) {
	t.Helper()
	path := catalogtest.WriteFile(t, "catalog.csv", text)
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

// loadStaged loads a real catalog where the Makefile stages it (rel, one
// of catalogtest's paths), skipping when it is not staged and failing the
// test on an error.
func loadStaged(t testing.TB, rel string) *Catalog {
	t.Helper()
	cat, err := Load(catalogtest.Staged(t, rel))
	if err != nil {
		t.Fatal(err)
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

// where returns the elements of xs that keep accepts, in order.
func where[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

// findingsOf returns the findings of a rule.
func findingsOf(cat *Catalog, rule string) []Finding {
	return where(cat.Findings, func(f Finding) bool { return f.Rule == rule })
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
	return where(c.Log, func(e LogEntry) bool { return e.ID == id })
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
