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

// roundTripCatalog has every kind of value a Parquet file must keep:
// missing numbers, partial and unknown dates, a hostile title, extra
// columns, a dropped row and a reissued recording.
func roundTripCatalog(t *testing.T) *Cleaned {
	t.Helper()
	header := append(append([]string(nil), catalogtest.CourseHeader...), "key", "Notes")
	cat := mustLoad(t, catalogtest.CSVText(header, 8, false, func(i int, r map[string]string) {
		switch i {
		case 1:
			r["name"] = `<img src=x onerror=alert(1)>, "quoted" | *md*` + "\nsecond line"
			r["Notes"] = `{"json": true}`
		case 2:
			r["release_date"] = "1969"
		case 3:
			r["release_date"] = "1969-07"
			r["popularity"] = "" // missing: flagged and dropped
		case 4:
			r["release_date"] = ""
			r["number_row"], r["track_number"] = "", ""
		case 6: // a reissue of record 5 on a later album
			catalogtest.Copy(r, 5, "id", "uri", "name")
			r["release_date"] = "2023-09-30"
		}
	}))
	return Clean(cat, CleanOptions{})
}

// TestParquetRoundTrip writes every loaded track and the cleaned tracks
// with WriteParquet and reads them back equal, NaN-aware.
func TestParquetRoundTrip(t *testing.T) {
	c := roundTripCatalog(t)
	if c.Loaded.Tracks[5].CanonicalID != catalogtest.ID(5) || !c.Dropped[2] || !strings.Contains(c.Flags[5], RuleReissue) {
		t.Fatalf("fixture: canonical %q, dropped %v, flags %q", c.Loaded.Tracks[5].CanonicalID, c.Dropped, c.Flags)
	}
	dir := t.TempDir()
	for _, kept := range []bool{false, true} {
		path := filepath.Join(dir, TracksFile)
		want := c.Loaded
		if kept {
			path, want = filepath.Join(dir, CleanTracksFile), c.Tracks
		}
		rows := c.Rows(kept)
		if err := WriteParquet(path, want, rows); err != nil {
			t.Fatal(err)
		}
		got, gotRows, err := ReadParquet(path)
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
	_, rows, err := ReadParquet(filepath.Join(dir, TracksFile))
	if err != nil {
		t.Fatal(err)
	}
	if r := rows[2]; !r.Dropped || r.Flags != RuleMissing || r.Popularity != nil || r.ReleaseDate != "1969-07" || r.Year != 1969 {
		t.Errorf("row 3 = %+v", r)
	}
}

// TestParquetRoundTripWithoutOptionalColumns round-trips a catalog without
// popularity, album, release date and number_row.
func TestParquetRoundTripWithoutOptionalColumns(t *testing.T) {
	c := Clean(mustLoad(t, catalogtest.CSVText(catalogtest.HitHeader, 4, false, nil)), CleanOptions{})
	path := filepath.Join(t.TempDir(), "hit.parquet")
	if err := WriteParquet(path, c.Tracks, c.Rows(true)); err != nil {
		t.Fatal(err)
	}
	got, _, err := ReadParquet(path)
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

// TestParquetAtomic checks that a failed write leaves the previous file
// and no temporary file, and that a file not written by WriteParquet is
// refused.
func TestParquetAtomic(t *testing.T) {
	c := roundTripCatalog(t)
	dir := t.TempDir()
	path := filepath.Join(dir, TracksFile)
	if err := WriteParquet(path, c.Loaded, c.Rows(false)); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	if err := WriteParquet(filepath.Join(dir, "missing", TracksFile), c.Loaded, c.Rows(false)); err == nil {
		t.Error("write into a missing folder succeeded")
	}
	// Renaming over a non-empty folder fails after the data is written.
	blocked := filepath.Join(dir, "blocked.parquet")
	if err := os.MkdirAll(filepath.Join(blocked, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteParquet(blocked, c.Loaded, c.Rows(false)); err == nil {
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
	notOurs := filepath.Join(dir, "plain.parquet")
	if err := os.WriteFile(notOurs, []byte("PAR1 not parquet"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := ReadParquet(notOurs); err == nil {
		t.Error("ReadParquet accepted a file that is not Parquet")
	}
}
