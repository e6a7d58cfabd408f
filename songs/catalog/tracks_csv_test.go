package catalog

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
)

// roundTripCatalog loads and cleans testdata/roundtrip.csv, which has
// every kind of value a file of tracks must keep: missing numbers, partial
// and unknown dates, a hostile title with a newline, extra columns, a
// dropped row (record 3) and a reissued recording (record 6 of record 5).
// Package parquetfile's tests read the same file.
func roundTripCatalog(t *testing.T) *Cleaned {
	t.Helper()
	cat, err := Load(filepath.Join("testdata", "roundtrip.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return Clean(cat, CleanOptions{})
}

// TestTracksCSVRoundTrip writes every loaded track and the cleaned tracks
// with WriteTracksCSV and reads them back equal, NaN-aware.
func TestTracksCSVRoundTrip(t *testing.T) {
	c := roundTripCatalog(t)
	if c.Loaded.Tracks[5].CanonicalID != catalogtest.ID(5) || !c.Dropped[2] || !strings.Contains(c.Flags[5], RuleReissue) {
		t.Fatalf("fixture: canonical %q, dropped %v, flags %q", c.Loaded.Tracks[5].CanonicalID, c.Dropped, c.Flags)
	}
	dir := t.TempDir()
	for _, kept := range []bool{false, true} {
		path := filepath.Join(dir, "tracks.csv")
		want := c.Loaded
		if kept {
			path, want = filepath.Join(dir, CleanTracksCSVFile), c.Tracks
		}
		rows := c.Rows(kept)
		if err := WriteTracksCSV(path, want, rows); err != nil {
			t.Fatal(err)
		}
		got, gotRows, err := ReadTracksCSV(path)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(gotRows, rows) {
			t.Errorf("kept=%v: rows differ after the round trip", kept)
		}
		if !reflect.DeepEqual(got.Columns, want.Columns) || !reflect.DeepEqual(got.Has, want.Has) ||
			!reflect.DeepEqual(got.Extra, want.Extra) || !reflect.DeepEqual(got.Sources, want.Sources) {
			t.Errorf("kept=%v: catalog metadata %+v; want %+v", kept, got, want)
		}
		if len(got.Tracks) != len(want.Tracks) {
			t.Fatalf("kept=%v: %d tracks; want %d", kept, len(got.Tracks), len(want.Tracks))
		}
		for i := range got.Tracks {
			if d := sameTrack(&got.Tracks[i], &want.Tracks[i]); d != "" {
				t.Errorf("kept=%v track %d: %s", kept, i, d)
			}
		}
		for i, r := range gotRows {
			if r.ID == "" || r.ID != got.Tracks[i].ID {
				t.Errorf("row %d has id %q", i, r.ID)
			}
		}
	}
	// The dropped row keeps its flags and a null popularity.
	_, rows, err := ReadTracksCSV(filepath.Join(dir, "tracks.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if r := rows[2]; !r.Dropped || r.Flags != RuleMissing || r.Popularity != nil || r.ReleaseDate != "1969-07" || r.Year != 1969 {
		t.Errorf("row 3 = %+v", r)
	}
}

// TestTracksCSVRoundTripWithoutOptionalColumns round-trips a catalog without
// popularity, album, release date and number_row.
func TestTracksCSVRoundTripWithoutOptionalColumns(t *testing.T) {
	c := Clean(mustLoad(t, catalogtest.CSVText(catalogtest.HitHeader, 4, false, nil)), CleanOptions{})
	path := filepath.Join(t.TempDir(), "hit.csv")
	if err := WriteTracksCSV(path, c.Tracks, c.Rows(true)); err != nil {
		t.Fatal(err)
	}
	got, _, err := ReadTracksCSV(path)
	if err != nil {
		t.Fatal(err)
	}
	if got.Has[Popularity] || len(got.Tracks) != 4 {
		t.Fatalf("Has %v, %d tracks", got.Has, len(got.Tracks))
	}
	for i := range got.Tracks {
		if d := sameTrack(&got.Tracks[i], &c.Tracks.Tracks[i]); d != "" {
			t.Errorf("track %d: %s", i, d)
		}
	}
}

// TestTracksCSVAtomic checks that a failed write leaves the previous file
// and no temporary file, and that a file not written by WriteTracksCSV is
// refused, as is one with a cell that does not parse (named by record and
// column).
func TestTracksCSVAtomic(t *testing.T) {
	c := roundTripCatalog(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "tracks.csv")
	if err := WriteTracksCSV(path, c.Loaded, c.Rows(false)); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	if err := WriteTracksCSV(filepath.Join(dir, "missing", "tracks.csv"), c.Loaded, c.Rows(false)); err == nil {
		t.Error("write into a missing folder succeeded")
	}
	// Renaming over a non-empty folder fails after the data is written.
	blocked := filepath.Join(dir, "blocked.csv")
	if err := os.MkdirAll(filepath.Join(blocked, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteTracksCSV(blocked, c.Loaded, c.Rows(false)); err == nil {
		t.Error("write over a folder succeeded")
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the previous file changed")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
	// Another CSV file with the same description, and ours with a bad cell.
	b, _ := os.ReadFile(path)
	for _, bad := range []struct{ name, text, msg string }{
		{"plain.csv", "id,name\na,b\n", "not a file of tracks"},
		{"cell.csv", strings.Replace(string(b), ",false,", ",maybe,", 1), "record 1, column dropped"},
	} {
		p := filepath.Join(dir, bad.name)
		desc, _ := os.ReadFile(DescriptionPath(path))
		if err := os.WriteFile(p, []byte(bad.text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(DescriptionPath(p), desc, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, _, err := ReadTracksCSV(p); err == nil || !strings.Contains(err.Error(), bad.msg) {
			t.Errorf("%s: error %v; want one saying %q", bad.name, err, bad.msg)
		}
	}
}
