package catalog

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
)

// sequentialOnly hides a reader's other methods, so that LoadReader reads
// it with encoding/csv.
type sequentialOnly struct{ io.Reader }

// dump prints a catalog in full, NaN included, for comparisons.
func dump(cat *Catalog) string {
	return fmt.Sprintf("%+v", *cat)
}

// compareReaders loads text with the sequential reader and with the
// parallel one cut into pieces of pieceSize bytes. The parallel reader may
// decline (it handles well-formed CSV only), but must then leave the
// catalog untouched; when it accepts, the sequential reader must succeed
// and give the same catalog. It reports whether the parallel reader
// accepted.
func compareReaders(t *testing.T, text string, pieceSize int) bool {
	t.Helper()
	seq := &Catalog{Has: map[string]bool{}}
	seqErr := LoadReader(seq, "t.csv", sequentialOnly{strings.NewReader(text)})
	par := &Catalog{Has: map[string]bool{}}
	src, ok := seekableOf(strings.NewReader(text))
	if !ok {
		t.Fatal("a strings.Reader is not seekable")
	}
	err := loadSeekable(par, "t.csv", src, pieceSize)
	if err != nil {
		if err != errSequential {
			t.Fatalf("parallel reader: %v", err)
		}
		if d := dump(par); d != dump(&Catalog{Has: map[string]bool{}}) {
			t.Fatalf("a declined parallel load changed the catalog: %s", d)
		}
		return false
	}
	if seqErr != nil {
		t.Fatalf("parallel reader accepted what the sequential one refuses (%v)", seqErr)
	}
	if a, b := dump(par), dump(seq); a != b {
		t.Fatalf("pieces of %d bytes: parallel and sequential readers differ:\n%s\n%s", pieceSize, a, b)
	}
	return true
}

// scanCases are catalogs the parallel reader must read exactly as
// encoding/csv does: quoted cells (commas, doubled quotes, line ends) in
// every position, empty lines, CRLF, a byte order mark, no final line end,
// findings of every kind, duplicate ids and extra columns.
func scanCases() map[string]string {
	at := catalogtest.At
	quoted := func(i int, r map[string]string) {
		switch i % 4 {
		case 1:
			r["name"] = fmt.Sprintf("Song %d, \"Live\"\nPart %d", i, i)
		case 2:
			r["album"] = "A, B"
		case 3:
			r["id"] = fmt.Sprintf("T%021d", i) // csv.Writer leaves it bare
		}
	}
	course := catalogtest.CSVText(catalogtest.CourseHeader, 40, false, nil)
	nameLast := append(append([]string{catalogtest.CourseHeader[0]}, catalogtest.CourseHeader[2:]...), "name")
	return map[string]string{
		"plain":         course,
		"crlf":          catalogtest.CSVText(catalogtest.CourseHeader, 40, true, nil),
		"bom":           "\ufeff" + course,
		"no final eol":  strings.TrimSuffix(course, "\n"),
		"empty lines":   strings.Replace(strings.Replace(course, "\n", "\n\n", 7), "\n0,", "\n\n\r\n0,", 1) + "\n\n",
		"quoted":        catalogtest.CSVText(catalogtest.CourseHeader, 40, false, quoted),
		"quoted crlf":   strings.ReplaceAll(catalogtest.CSVText(catalogtest.CourseHeader, 40, false, func(i int, r map[string]string) { r["album"] = "x,y" }), "\n", "\r\n"),
		"quoted last":   strings.TrimSuffix(catalogtest.CSVText(nameLast, 30, false, at(30, "name", "Last, \"one\"")), "\n"),
		"iso variant":   catalogtest.CSVText(append([]string{""}, catalogtest.CourseHeader[1:]...), 30, true, at(2, "release_date", "1969-07")),
		"hit predictor": catalogtest.CSVText(catalogtest.HitHeader, 40, false, at(5, "target", "a \"quoted\", target")),
		"findings":      catalogtest.CSVText(catalogtest.CourseHeader, 40, false, findingsEdit),
		"duplicates":    catalogtest.CSVText(catalogtest.CourseHeader, 40, false, duplicatesEdit),
		"utf8":          catalogtest.CSVText(catalogtest.CourseHeader, 40, false, at(9, "name", "Sympathy für den Teufel ♪")),
		"many quotes":   catalogtest.CSVText(catalogtest.CourseHeader, 40, false, func(i int, r map[string]string) { r["name"] = strings.Repeat(`""`, i) }),
		"year and artist": catalogtest.CSVText([]string{"id", "track", "artist", "year", "acousticness", "danceability", "energy", "instrumentalness",
			"liveness", "loudness", "speechiness", "tempo", "valence", "duration_ms"}, 30, false, at(3, "year", " 1971 ")),
	}
}

// findingsEdit gives records missing, NA-like, out-of-range and oddly
// spelled values, empty titles and bad dates.
var findingsEdit = catalogtest.Cycle(10, map[int]map[string]string{
	1: {"energy": ""}, 2: {"tempo": "NaN"}, 3: {"popularity": "101"},
	4: {"loudness": " -6.5 "}, 5: {"name": "  "}, 6: {"release_date": "2/30/1970"},
	7: {"instrumentalness": "2.76E-06"}, 8: {"track_number": "3.0"}, 9: {"danceability": "-0"},
})

// duplicatesEdit repeats earlier ids: exact copies, same audio, conflicts.
func duplicatesEdit(i int, r map[string]string) {
	if i > 10 && i%5 == 0 {
		catalogtest.Copy(r, i-10)
		if i%10 == 0 {
			r["name"] = "Other title"
		}
		if i%15 == 0 {
			r["energy"] = "0.99"
		}
	}
}

// TestParallelReaderMatchesSequential loads every case with pieces from one
// byte (every record boundary a cut) to larger than the file.
func TestParallelReaderMatchesSequential(t *testing.T) {
	for name, text := range scanCases() {
		t.Run(name, func(t *testing.T) {
			for _, size := range []int{1, 7, 64, 300, 1000, 1 << 20} {
				if !compareReaders(t, text, size) {
					t.Fatalf("pieces of %d bytes: the parallel reader declined a well-formed catalog", size)
				}
			}
		})
	}
}

// TestParallelReaderDeclines leaves malformed CSV, a carriage return in a
// quoted cell and any record error to encoding/csv, for its exact errors.
func TestParallelReaderDeclines(t *testing.T) {
	course := catalogtest.CSVText(catalogtest.CourseHeader, 20, false, nil)
	for name, text := range map[string]string{
		"bare quote":     strings.Replace(course, "Song 5", `Song "5"`, 1),
		"unclosed quote": course + `20,"open`,
		"quote then x":   strings.Replace(course, "Song 5", `"Song" 5`, 1),
		"cr in quotes":   strings.Replace(course, "Song 5", "\"Song\r\n5\"", 1),
		"lone cr":        strings.Replace(course, "Song 5", "Song\r5", 1),
		"short record":   strings.Replace(course, ",Song 5,", ",", 1),
		"bad number":     strings.Replace(course, "Song 5,Album 2,6/10/2022,6,T000000000000000000005,spotify:track:T000000000000000000005,0.15", "Song 5,Album 2,6/10/2022,6,T000000000000000000005,spotify:track:T000000000000000000005,loud", 1),
		"bad utf8":       strings.Replace(course, "Song 5", "Song \xff", 1),
		"quoted header":  `"` + strings.Replace(course, ",", `",`, 1),
		"header only":    strings.Join(catalogtest.CourseHeader, ",") + "\n",
		"empty":          "",
	} {
		t.Run(name, func(t *testing.T) {
			for _, size := range []int{1, 64, 1 << 20} {
				if compareReaders(t, text, size) {
					t.Errorf("pieces of %d bytes: the parallel reader accepted it", size)
				}
			}
		})
	}
}

// TestLoadReaderPositions checks that LoadReader reads a seekable stream
// from its current position and leaves it at the end, as reading through
// does.
func TestLoadReaderPositions(t *testing.T) {
	text := catalogtest.CSVText(catalogtest.CourseHeader, 5, false, nil)
	r := strings.NewReader("junk line\n" + text)
	if _, err := r.Seek(int64(len("junk line\n")), io.SeekStart); err != nil {
		t.Fatal(err)
	}
	cat := &Catalog{}
	if err := LoadReader(cat, "t.csv", r); err != nil {
		t.Fatal(err)
	}
	if len(cat.Tracks) != 5 || r.Len() != 0 {
		t.Errorf("%d tracks, %d bytes left; want 5, 0", len(cat.Tracks), r.Len())
	}
	if cat.Tracks[0].Line != 2 {
		t.Errorf("first track on line %d; want 2", cat.Tracks[0].Line)
	}
}

// TestLoadReaderAppends loads two streams into one catalog, the second
// into spare capacity holding stale tracks, with findings pointing at the
// right tracks.
func TestLoadReaderAppends(t *testing.T) {
	a := catalogtest.CSVText(catalogtest.CourseHeader, 6, false, findingsEdit)
	b := catalogtest.CSVText(catalogtest.CourseHeader, 6, false, func(i int, r map[string]string) {
		findingsEdit(i, r)
		r["id"], r["uri"] = catalogtest.ID(100+i), URIPrefix+catalogtest.ID(100+i)
	})
	seq, par := &Catalog{}, &Catalog{}
	for _, text := range []string{a, b} {
		if err := LoadReader(seq, "t.csv", sequentialOnly{strings.NewReader(text)}); err != nil {
			t.Fatal(err)
		}
		if err := LoadReader(par, "t.csv", bytes.NewReader([]byte(text))); err != nil {
			t.Fatal(err)
		}
		par.Tracks = append(par.Tracks[:len(par.Tracks):len(par.Tracks)], make([]Track, 20)...)[:len(par.Tracks)]
		for i := len(par.Tracks); i < cap(par.Tracks); i++ {
			par.Tracks[:cap(par.Tracks)][i] = Track{ID: "stale", Extra: []string{"x"}}
		}
	}
	if x, y := dump(par), dump(seq); x != y {
		t.Errorf("parallel and sequential catalogs differ:\n%s\n%s", x, y)
	}
}

// TestCheckIDsParallel compares the partitioned id check with checkIDs on
// catalogs where ids repeat up to five times as exact copies, same-audio
// listings and conflicts, with the findings of loading already present.
func TestCheckIDsParallel(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 1))
	for _, n := range []int{0, 1, 50, 3000} {
		var text strings.Builder
		text.WriteString(strings.Join(catalogtest.CourseHeader, ",") + "\n")
		for i := 1; i <= n; i++ {
			src := i
			if i > 1 && rng.IntN(3) == 0 {
				src = 1 + rng.IntN(min(i-1, 20)) // ids 1..20 repeat often
			}
			set := map[string]string{"id": catalogtest.ID(src), "uri": URIPrefix + catalogtest.ID(src)}
			switch rng.IntN(4) {
			case 0:
				set = catalogtest.Values(src)
			case 1:
				set = catalogtest.Values(src)
				set["name"] = "Another title"
			case 2:
				set["energy"] = fmt.Sprint(rng.IntN(3))
			}
			text.WriteString(strings.Join(catalogtest.Record(catalogtest.CourseHeader, i, set), ",") + "\n")
		}
		if n == 0 {
			text.WriteString(strings.Join(catalogtest.Record(catalogtest.CourseHeader, 1, nil), ",") + "\n")
		}
		a, b := &Catalog{}, &Catalog{}
		for _, c := range []*Catalog{a, b} {
			if err := LoadReader(c, "ids.csv", strings.NewReader(text.String())); err != nil {
				t.Fatal(err)
			}
		}
		checkIDs(a)
		checkIDsParallel(b)
		if x, y := fmt.Sprint(a.Findings), fmt.Sprint(b.Findings); x != y {
			t.Errorf("n=%d: findings differ:\n%s\n%s", n, y, x)
		}
		if n == 3000 && len(a.Findings) < 500 {
			t.Errorf("only %d findings: the test catalog has too few repeats", len(a.Findings))
		}
	}
}

// FuzzParallelReader checks on arbitrary input that the parallel reader,
// when it accepts a stream, reads what encoding/csv reads.
func FuzzParallelReader(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add([]byte(s), uint16(7))
	}
	for _, s := range scanCases() {
		f.Add([]byte(s), uint16(50))
	}
	f.Fuzz(func(t *testing.T, data []byte, size uint16) {
		compareReaders(t, string(data), int(size)+1)
	})
}

// BenchmarkLoadFile measures Load on generated catalog files of several
// sizes (the parallel reader and the id check).
func BenchmarkLoadFile(b *testing.B) {
	for _, n := range []int{1_610, 41_106, 200_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var buf bytes.Buffer
			if _, err := io.Copy(&buf, streamCatalog(n, nil)); err != nil {
				b.Fatal(err)
			}
			path := catalogtest.WriteFile(b, "bench.csv", buf.String())
			b.SetBytes(int64(buf.Len()))
			for b.Loop() {
				if _, err := Load(path); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestFastNumber checks the plain-decimal reader against strconv.ParseFloat
// bit for bit, and that it declines what it does not read.
func TestFastNumber(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	cases := []string{"0", "-0", "1", "0.5", "-29.074", "159.682", "0.340967", "241717", "999999999999999",
		"123456789012.345", "0.00000000000001", "007", "-0.0"}
	for range 20000 {
		digits := 1 + rng.IntN(15)
		v := rng.Uint64() % 1_000_000_000_000_000
		s := strconv.FormatUint(v, 10)
		if len(s) > digits {
			s = s[:digits]
		}
		if k := rng.IntN(len(s) + 1); k > 0 && k < len(s) {
			s = s[:k] + "." + s[k:]
		}
		if rng.IntN(2) == 0 {
			s = "-" + s
		}
		cases = append(cases, s)
	}
	for _, s := range cases {
		got, ok := fastNumber(s)
		want, err := strconv.ParseFloat(s, 64)
		if !ok || err != nil || math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("fastNumber(%q) = %v, %v; strconv gives %v, %v", s, got, ok, want, err)
		}
	}
	for _, s := range []string{"", "-", ".", "1.", ".5", "1.2.3", "+1", " 1", "1 ", "1e5", "2.76E-06", "NaN",
		"inf", "1234567890123456", "0.1234567890123456", "1,5", "--1"} {
		if v, ok := fastNumber(s); ok {
			t.Errorf("fastNumber(%q) = %v; want it declined", s, v)
		}
	}
}
