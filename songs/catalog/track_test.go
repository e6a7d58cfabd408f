package catalog

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
)

// TestRenameSources renames the files of a two-file catalog whose second
// file repeats ids of the first (an exact duplicate, a duplicate listing
// and a conflict): no source, finding detail or cleaning log entry keeps
// the folder the files were read from, and the details name the first
// file as renamed.
func TestRenameSources(t *testing.T) {
	dir := t.TempDir()
	a := catalogtest.CSVText(catalogtest.HitHeader, 3, false, nil)
	b := catalogtest.CSVText(catalogtest.HitHeader, 3, false, func(i int, r map[string]string) {
		catalogtest.Copy(r, i) // track i of a.csv again
		switch i {
		case 2:
			r["track"] = "Song 2 (Remastered)" // same audio, another listing
		case 3:
			r["tempo"] = "150" // other audio under the same id
		}
	})
	for name, text := range map[string]string{"a.csv": a, "b.csv": b} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cat, err := Load(filepath.Join(dir, "*.csv"))
	if err != nil {
		t.Fatal(err)
	}
	cat.RenameSources(func(s string) string { return "data/raw/" + filepath.Base(s) })

	if want := []string{"data/raw/a.csv", "data/raw/b.csv"}; strings.Join(cat.Sources, " ") != strings.Join(want, " ") {
		t.Errorf("Sources %q; want %q", cat.Sources, want)
	}
	for _, tr := range cat.Tracks {
		if !strings.HasPrefix(tr.Source, "data/raw/") {
			t.Errorf("track %s has source %q", tr.ID, tr.Source)
		}
	}
	rules := map[string]bool{}
	for _, f := range cat.Findings {
		rules[f.Rule] = true
		if strings.Contains(f.Detail, dir) {
			t.Errorf("finding %s of record %d names the folder: %q", f.Rule, f.Record, f.Detail)
		}
	}
	for _, r := range []string{RuleExactDuplicate, RuleDuplicateID, RuleConflictingID} {
		if !rules[r] {
			t.Errorf("no %s finding: %+v", r, cat.Findings)
		}
	}
	for _, f := range findingsOf(cat, RuleDuplicateID) {
		if want := "repeats data/raw/a.csv record 2 with the same audio data"; f.Detail != want {
			t.Errorf("duplicate id detail %q; want %q", f.Detail, want)
		}
	}

	c := Clean(cat, CleanOptions{})
	if len(c.Log) == 0 {
		t.Fatal("empty cleaning log")
	}
	for _, e := range c.Log {
		if strings.Contains(e.Detail, dir) || strings.Contains(e.Source, dir) {
			t.Errorf("log entry names the folder: %+v", e)
		}
		if e.Source != "data/raw/a.csv" && e.Source != "data/raw/b.csv" {
			t.Errorf("log entry source %q", e.Source)
		}
	}
}

// TestRenameSourcesLongerFirst renames a file whose name ends another's:
// each name in a detail is replaced whole, not inside the longer one.
func TestRenameSourcesLongerFirst(t *testing.T) {
	cat := &Catalog{
		Sources:  []string{"x/a.csv", "a.csv"},
		Findings: []Finding{{Detail: "repeats x/a.csv record 1"}, {Detail: "repeats a.csv record 2"}},
	}
	cat.RenameSources(func(s string) string { return strings.ToUpper(s) })
	if got := cat.Findings[0].Detail + "; " + cat.Findings[1].Detail; got != "repeats X/A.CSV record 1; repeats A.CSV record 2" {
		t.Errorf("details %q", got)
	}
}

// TestRecordingID covers the three kinds of track: a catalog not cleaned
// (no CanonicalID), a recording's first copy and a later copy.
func TestRecordingID(t *testing.T) {
	for _, tc := range []struct {
		track     Track
		id        string
		recording bool
	}{
		{Track{ID: "a"}, "a", true},
		{Track{ID: "a", CanonicalID: "a"}, "a", true},
		{Track{ID: "b", CanonicalID: "a"}, "a", false},
	} {
		if got := tc.track.RecordingID(); got != tc.id {
			t.Errorf("%+v: RecordingID %q, want %q", tc.track.ID, got, tc.id)
		}
		if got := tc.track.IsRecording(); got != tc.recording {
			t.Errorf("%+v: IsRecording %v, want %v", tc.track.ID, got, tc.recording)
		}
	}
}
