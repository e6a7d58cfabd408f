package songs

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
)

// TestWriteInterim writes the interim text files and reads the cleaned
// tracks back through LoadClean; before the write LoadClean says which
// notebook makes the file.
func TestWriteInterim(t *testing.T) {
	c := catalog.Clean(studytest.CourseCatalog(t, 4, func(i int, r map[string]string) {
		if i == 3 {
			r["popularity"] = "" // missing: flagged and dropped
		}
	}), catalog.CleanOptions{})
	p := Params{Root: t.TempDir(), Catalog: DefaultCatalog}
	got := saveThenLoad(t, "01-cleaning", func() error { return catalog.WriteInterim(p.InterimDir(), c) }, func() (*catalog.Catalog, error) { return LoadClean(p) })
	if len(got.Tracks) != len(c.Tracks.Tracks) {
		t.Errorf("%d clean tracks; want %d", len(got.Tracks), len(c.Tracks.Tracks))
	}
	b, err := os.ReadFile(p.Interim(catalog.CleaningLogFile))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"id", "source", "record", "rule", "detail"},
		{catalogtest.ID(3), c.Loaded.Sources[0], "3", catalog.RuleMissing, "popularity: empty or NA value"}}
	if !reflect.DeepEqual(recs, want) {
		t.Errorf("cleaning log %q; want %q", recs, want)
	}
}

// TestCleanOptionsFor applies the hand-picked drops to the course file
// only, recognised by its tracks: the real catalog, not a synthetic one
// nor the course file without one of the dropped tracks.
func TestCleanOptionsFor(t *testing.T) {
	course := studytest.RealCleaned(t).Loaded
	if !CleanOptionsFor(course).OriginalExtremes {
		t.Error("the course file does not get the original drops")
	}
	if CleanOptionsFor(studytest.CourseCatalog(t, 20, nil)).OriginalExtremes {
		t.Error("another catalog gets the original drops")
	}
	part := &catalog.Catalog{}
	part.Tracks = slices.DeleteFunc(slices.Clone(course.Tracks), func(tr catalog.Track) bool { return tr.ID == catalog.OriginalDropIDs[0] })
	if CleanOptionsFor(part).OriginalExtremes {
		t.Error("the course file without one of the dropped tracks gets the original drops")
	}
}

// TestLoadRawNamesFilesFromTheRoot names a catalog file inside the project
// relative to the root and one outside by its base name, in the tracks'
// sources and in the cleaning log's details (a repeated id names the file
// of its first occurrence).
func TestLoadRawNamesFilesFromTheRoot(t *testing.T) {
	root := t.TempDir()
	text := catalogtest.CSVText(catalogtest.CourseHeader, MinTracks+1, false, func(i int, r map[string]string) {
		if i == MinTracks+1 { // track 1 listed again under another title
			catalogtest.Copy(r, 1)
			r["name"] = "Song 1 (Remastered)"
		}
	})
	if err := os.MkdirAll(filepath.Join(root, "data", "raw"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "data", "raw", "a.csv"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	outside := catalogtest.WriteFile(t, "b.csv", text)
	for _, c := range []struct{ raw, want string }{{"data/raw/a.csv", "data/raw/a.csv"}, {outside, "b.csv"}} {
		c2, err := LoadRaw(Params{Root: root, RawCSV: c.raw})
		if err != nil {
			t.Fatal(err)
		}
		if c2.Loaded.Sources[0] != c.want || c2.Tracks.Tracks[0].Source != c.want {
			t.Errorf("RAW_CSV %s: sources %q, track source %q; want %q", c.raw, c2.Loaded.Sources, c2.Tracks.Tracks[0].Source, c.want)
		}
		if len(c2.Log) != 1 || c2.Log[0].Source != c.want || !strings.Contains(c2.Log[0].Detail, "repeats "+c.want+" record 1") {
			t.Errorf("RAW_CSV %s: cleaning log %+v; want one entry naming %s", c.raw, c2.Log, c.want)
		}
	}
}

// TestLoadRawTooFewTracks refuses catalogs of 1, 3 and 10 tracks, one
// whose 150 rows are all the same track, and one of MinTracks-1 tracks, with
// a message naming the file, the counts and the minimum, and accepts one
// of MinTracks tracks.
func TestLoadRawTooFewTracks(t *testing.T) {
	root := t.TempDir()
	same := func(i int, rec map[string]string) {
		for k, v := range catalogtest.Record(catalogtest.CourseHeader, 1, nil) {
			rec[catalogtest.CourseHeader[k]] = v
		}
	}
	for _, c := range []struct {
		name string
		rows int
		edit func(int, map[string]string)
		want string // "" when accepted
	}{
		{"one.csv", 1, nil, "data/raw/one.csv: 1 loaded, 1 kept after cleaning; the study needs at least 100 tracks"},
		{"three.csv", 3, nil, "three.csv: 3 loaded, 3 kept after cleaning; the study needs at least 100 tracks"},
		{"ten.csv", 10, nil, "ten.csv: 10 loaded, 10 kept"},
		{"same.csv", 150, same, "same.csv: 150 loaded, 1 kept after cleaning (cleaning removed: "},
		{"short.csv", MinTracks - 1, nil, "99 kept"},
		{"enough.csv", MinTracks, nil, ""},
	} {
		path := filepath.Join(root, "data", "raw", c.name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(catalogtest.CSVText(catalogtest.CourseHeader, c.rows, false, c.edit)), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := LoadRaw(Params{Root: root, RawCSV: "data/raw/" + c.name})
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.want != "" && (!errors.Is(err, ErrTooFewTracks) || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: error %v, want ErrTooFewTracks with %q", c.name, err, c.want)
		}
	}
}
