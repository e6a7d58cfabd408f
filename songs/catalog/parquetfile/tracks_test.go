package parquetfile

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
)

// cleaned loads and cleans catalog's round-trip fixture (hostile title,
// partial dates, missing numbers, extra columns, a dropped row and a
// reissue; see catalog's TestTracksCSVRoundTrip).
func cleaned(t *testing.T) *catalog.Cleaned {
	t.Helper()
	cat, err := catalog.Load(filepath.Join("..", "testdata", "roundtrip.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return catalog.Clean(cat, catalog.CleanOptions{})
}

// TestTracksRoundTrip writes every loaded track and the cleaned tracks as
// Parquet and reads them back: the same rows and description as written,
// and the same catalog as the CSV form gives (catalog.ReadTracksCSV), so
// the notebooks and a reader of the Parquet files see one table.
func TestTracksRoundTrip(t *testing.T) {
	c := cleaned(t)
	dir := t.TempDir()
	for _, kept := range []bool{false, true} {
		want, rows := c.Loaded, c.Rows(kept)
		if kept {
			want = c.Tracks
		}
		pq, csv := filepath.Join(dir, "tracks.parquet"), filepath.Join(dir, "tracks.csv")
		if err := WriteTracks(pq, want, rows); err != nil {
			t.Fatal(err)
		}
		if err := catalog.WriteTracksCSV(csv, want, rows); err != nil {
			t.Fatal(err)
		}
		got, gotRows, err := ReadTracks(pq)
		if err != nil {
			t.Fatal(err)
		}
		fromCSV, _, err := catalog.ReadTracksCSV(csv)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(gotRows, rows) {
			t.Errorf("kept=%v: rows differ after the round trip", kept)
		}
		if !reflect.DeepEqual(catalog.Describe(got), catalog.Describe(want)) {
			t.Errorf("kept=%v: description %+v; want %+v", kept, catalog.Describe(got), catalog.Describe(want))
		}
		// NaN marks a missing number, so compare the rows re-derived from
		// both read-backs rather than the tracks.
		if !reflect.DeepEqual(rowsOf(got), rowsOf(fromCSV)) || len(got.Tracks) != len(want.Tracks) {
			t.Errorf("kept=%v: the Parquet and CSV read-backs differ", kept)
		}
	}
}

// rowsOf converts a catalog read back (no flags) to rows.
func rowsOf(cat *catalog.Catalog) []catalog.TrackRow {
	return (&catalog.Cleaned{Loaded: cat, Tracks: cat, Dropped: make([]bool, len(cat.Tracks)),
		Flags: make([]string, len(cat.Tracks))}).Rows(false)
}

// TestReadTracksRefusesOtherFiles refuses a file that is not Parquet and a
// Parquet file without the catalog's description.
func TestReadTracksRefusesOtherFiles(t *testing.T) {
	dir := t.TempDir()
	notOurs := filepath.Join(dir, "plain.parquet")
	if err := os.WriteFile(notOurs, []byte("PAR1 not parquet"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := ReadTracks(notOurs); err == nil {
		t.Error("ReadTracks accepted a file that is not Parquet")
	}
	rows := []catalog.CohortRow{{ID: "a", Name: "A", CentreDistance: 1}}
	if err := WriteCohorts(dir, rows); err != nil {
		t.Fatal(err)
	}
	if _, _, err := ReadTracks(filepath.Join(dir, catalog.CohortsParquetFile)); err == nil || !strings.Contains(err.Error(), "not written by this package") {
		t.Errorf("a cohort table read as tracks: %v", err)
	}
}

// TestWriteInterim writes notebook 01's files and lists them as read back:
// every loaded track, every kept one (twice: Parquet and CSV) and one
// cleaning-log row per logged finding, each with its file's size.
func TestWriteInterim(t *testing.T) {
	c := cleaned(t)
	dir := t.TempDir()
	files, err := WriteInterim(dir, c)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{catalog.TracksFile: len(c.Loaded.Tracks), catalog.CleanTracksFile: len(c.Tracks.Tracks),
		catalog.CleanTracksCSVFile: len(c.Tracks.Tracks), catalog.CleaningLogFile: len(c.Log)}
	if len(files) != len(want) {
		t.Fatalf("%d files listed; want %d", len(files), len(want))
	}
	for _, f := range files {
		st, err := os.Stat(filepath.Join(dir, f.Name))
		if err != nil || f.Rows != want[f.Name] || f.Bytes != st.Size() {
			t.Errorf("%s: %d rows, %d bytes; want %d rows, the file's size (%v)", f.Name, f.Rows, f.Bytes, want[f.Name], err)
		}
	}
}
