package catalog

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
)

// fuzzSeeds are the hostile catalogs of the loader tests, small enough to
// mutate quickly.
func fuzzSeeds() []string {
	course := func(n int, crlf bool, edit func(i int, r map[string]string)) string {
		return catalogtest.CSVText(catalogtest.CourseHeader, n, crlf, edit)
	}
	at := catalogtest.At
	good := course(3, false, nil)
	iso := catalogtest.CSVText(append([]string{""}, catalogtest.CourseHeader[1:]...), 3, true, at(2, "release_date", "1969-07"))
	seeds := []string{
		"", "\ufeff", "\n", "a,b\n", strings.Join(catalogtest.CourseHeader, ",") + "\n",
		good, course(3, true, nil), "\ufeff" + good, "\ufeff" + iso, iso,
		catalogtest.CSVText(catalogtest.HitHeader, 3, false, nil),
		course(3, false, at(2, "name", "Hello, \"World\"\nPart 2")),
		course(3, false, at(2, "name", "bad \xff byte")),
		course(3, false, at(2, "name", strings.Repeat("x", 1<<12))),
		course(3, false, at(2, "energy", "loud")),
		course(3, false, at(2, "energy", "")),
		course(3, false, at(2, "tempo", "NaN")),
		course(3, false, at(2, "tempo", "-Inf")),
		course(3, false, at(2, "loudness", "3")),
		course(3, false, at(2, "tempo", "0")),
		course(3, false, at(2, "duration_ms", "-1")),
		course(3, false, at(2, "popularity", "101")),
		course(3, false, at(2, "release_date", "2/30/1970")),
		course(3, false, at(2, "release_date", "1969")),
		course(3, false, at(2, "uri", "spotify:track:other")),
		course(3, false, func(i int, r map[string]string) {
			if i == 3 {
				catalogtest.Copy(r, 1)
			}
		}),
		course(3, false, at(3, "id", catalogtest.ID(1))),
		strings.Replace(good, "valence", "energy", 1),
		good[:len(good)-15],
		good + `4,"open`,
	}
	return seeds
}

// FuzzLoad feeds arbitrary bytes to LoadReader and Clean: they must never
// panic; a load either fails with a *RecordError or gives tracks that all
// have an id, in record order, whose findings point at real tracks, and
// that Clean accounts for in full.
func FuzzLoad(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cat := &Catalog{}
		err := LoadReader(cat, "fuzz.csv", bytes.NewReader(data))
		if err != nil {
			var re *RecordError
			if !errors.As(err, &re) {
				t.Fatalf("error %v (%T) is not a *RecordError", err, err)
			}
			if re.File != "fuzz.csv" || re.Record < 0 || err.Error() == "" {
				t.Fatalf("RecordError %+v", re)
			}
			return
		}
		checkIDs(cat)
		if len(cat.Tracks) == 0 {
			t.Fatal("a load without error gave no tracks")
		}
		for i := range cat.Tracks {
			tr := &cat.Tracks[i]
			if tr.ID == "" {
				t.Fatalf("track %d has an empty id", i)
			}
			if tr.Record != i+1 || (i > 0 && tr.Line <= cat.Tracks[i-1].Line) {
				t.Fatalf("track %d: record %d line %d", i, tr.Record, tr.Line)
			}
			if len(tr.Extra) != len(cat.Extra) {
				t.Fatalf("track %d has %d extra values for %d columns", i, len(tr.Extra), len(cat.Extra))
			}
		}
		for _, fd := range cat.Findings {
			if fd.Track < 0 || fd.Track >= len(cat.Tracks) || cat.Tracks[fd.Track].ID != fd.ID || fd.Rule == "" {
				t.Fatalf("finding %+v", fd)
			}
		}
		c := Clean(cat, DefaultCleanOptions)
		dropped := 0
		for i, d := range c.Dropped {
			if d {
				dropped++
				if len(logFor(c, cat.Tracks[i].ID)) == 0 {
					t.Fatalf("track %d dropped without a log entry", i)
				}
			}
		}
		if dropped+len(c.Tracks.Tracks) != len(cat.Tracks) {
			t.Fatalf("%d dropped + %d kept != %d loaded", dropped, len(c.Tracks.Tracks), len(cat.Tracks))
		}
	})
}
