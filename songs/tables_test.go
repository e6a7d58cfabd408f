package songs

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

// integrityCatalog is a nine-record course file with one problem of each
// kind Inspect counts:
//
//	record 4 repeats record 3 in every column but number_row (exact duplicate);
//	records 5 and 6 miss one and two audio values;
//	record 7 repeats record 1's id and audio data (duplicate id);
//	record 8 is record 2's recording on an earlier album (reissue);
//	record 9 repeats record 2's id with other audio data (conflict).
func integrityCatalog(t *testing.T) *Catalog {
	t.Helper()
	audio := append(append([]string(nil), AudioFeatures...), DurationMS)
	copyAudio := func(rec map[string]string, from int) {
		for _, c := range audio {
			rec[c] = rowValues(from)[c]
		}
	}
	return mustLoad(t, csvText(courseHeader, 9, true, func(i int, rec map[string]string) {
		switch i {
		case 4:
			for _, h := range courseHeader {
				if h != "number_row" {
					rec[h] = rowValues(3)[h]
				}
			}
		case 5:
			rec[Energy] = ""
		case 6:
			rec[Energy], rec[Valence] = "", ""
		case 7:
			rec["id"], rec["uri"] = testID(1), uriPrefix+testID(1)
			copyAudio(rec, 1)
		case 8:
			rec["album"], rec["release_date"] = "Album X", "1/1/2000"
			copyAudio(rec, 2)
		case 9:
			rec["id"], rec["uri"] = testID(2), uriPrefix+testID(2)
		}
	}))
}

func TestInspect(t *testing.T) {
	cat := integrityCatalog(t)
	in := Inspect(cat)
	want := Integrity{Rows: 9, Columns: 18, ExactDuplicates: 1, MissingCells: 3, RowsWithMissing: 2, DuplicateIDs: 1,
		ConflictingIDs: 2, DistinctTitles: 8, Albums: 4, Years: 2,
		FirstDate: Date{2000, 1, 1}, LastDate: Date{2022, 6, 10},
		// Reissue groups by audio and duration: records 3 and 4, 1 and 7,
		// 2 and 8 (rows with a missing value match nothing).
		ReissueRows: 3, ReissueGroups: 3,
		RepeatedNameAlbum: 1, // ("Song 3", "Album 0") in records 3 and 4
	}
	if in != want {
		t.Errorf("Inspect =\n%+v\nwant\n%+v", in, want)
	}
	for i := range cat.Tracks {
		if cat.Tracks[i].CanonicalID != "" {
			t.Fatalf("Inspect changed the catalog: track %d has canonical id %q", i, cat.Tracks[i].CanonicalID)
		}
	}
	tb := in.Table()
	rendersBoth(t, tb)
	cells := map[string]string{}
	for _, r := range tb.Rows {
		cells[r[0]] = r[1]
	}
	for k, v := range map[string]string{"rows": "9", "missing cells (rows)": "3 (2)", "first and last release": "2000-01-01 .. 2022-06-10",
		"repeated ids, different audio data": "2", "rows repeating an earlier row's audio features and duration": "3"} {
		if cells[k] != v {
			t.Errorf("integrity %q = %q, want %q", k, cells[k], v)
		}
	}
	// Without an album column, albums are not counted.
	noAlbum := *cat
	noAlbum.Has = map[string]bool{}
	if n := Inspect(&noAlbum).Albums; n != 0 {
		t.Errorf("albums without the column: %d", n)
	}
}

func TestSchemaAndDictionaryTables(t *testing.T) {
	cat := integrityCatalog(t)
	tb := SchemaTable(cat)
	rendersBoth(t, tb)
	if tb.Caption != "9 rows x 18 columns" || len(tb.Rows) != 18 {
		t.Fatalf("caption %q, %d rows", tb.Caption, len(tb.Rows))
	}
	rows := map[string][]string{}
	for _, r := range tb.Rows {
		rows[r[0]] = r
	}
	for col, want := range map[string][]string{
		Energy:         {Energy, "float64", "7 / 9", rowValues(1)[Energy]},
		"id":           {"id", "text", "9 / 9", testID(1)},
		"release_date": {"release_date", "date", "9 / 9", "2022-06-10"},
		"number_row":   {"number_row", "integer", "9 / 9", "0"},
	} {
		if strings.Join(rows[col], "|") != strings.Join(want, "|") {
			t.Errorf("schema row %q, want %q", rows[col], want)
		}
	}

	dict := []DictionaryEntry{{"id", "The Spotify ID for the song"}, {"artist_name", "not in this file"}}
	dt := DictionaryTable(dict, cat)
	rendersBoth(t, dt)
	if len(dt.Rows) != 2+17 {
		t.Fatalf("dictionary table has %d rows, want 2 entries + 17 undocumented columns", len(dt.Rows))
	}
	if dt.Rows[0][2] != "yes" || dt.Rows[1][2] != "no" || dt.Rows[2][1] != "(not in the data dictionary)" {
		t.Errorf("dictionary rows %q", dt.Rows[:3])
	}
}

func TestDecadeTable(t *testing.T) {
	cat := &Catalog{Has: map[string]bool{Popularity: true}}
	for i, d := range []int{1960, 1970, 1960, 0, 1960} {
		tr := Track{Decade: d, Popularity: float64(10 * (i + 1)), DurationMS: 1000}
		cat.Tracks = append(cat.Tracks, tr)
	}
	tb := DecadeTable(cat)
	rendersBoth(t, tb)
	want := append([]string{"decade", "tracks"}, OriginalFeatures...)
	if strings.Join(tb.Headers, ",") != strings.Join(want, ",") {
		t.Fatalf("headers %q, want %q", tb.Headers, want)
	}
	// Unknown decade (0) sorts first; the 1960s hold popularity 10, 30, 50.
	p := column(t, tb, Popularity)
	for i, w := range [][3]string{{"unknown", "1", "40.00"}, {"1960s", "3", "30.00"}, {"1970s", "1", "20.00"}} {
		if tb.Rows[i][0] != w[0] || tb.Rows[i][1] != w[1] || tb.Rows[i][p] != w[2] {
			t.Errorf("row %d %q, want %q", i, tb.Rows[i], w)
		}
	}
}

func TestDerivedFeatures(t *testing.T) {
	var live Track
	live.Name, live.Album = "Miss You - Live", "Some Girls"
	live.ReleaseDate, live.Decade, live.DurationMS = Date{1978, 6, 9}, 1970, 270000
	live.Audio[featureIndex(Liveness)] = 0.9
	studio := Track{Name: "Live With Me", Album: "Let It Bleed", DurationMS: 200000}
	cat := &Catalog{Tracks: []Track{live, studio, live}}
	tb := DerivedFeatures(cat, 2)
	rendersBoth(t, tb)
	want := [][]string{{"Miss You - Live", "1978", "1970", "4.50", "yes", "yes"}, {"Live With Me", "", "", "3.33", "no", "no"}}
	if len(tb.Rows) != 2 {
		t.Fatalf("%d rows, want 2", len(tb.Rows))
	}
	for i := range want {
		if strings.Join(tb.Rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d %q, want %q", i, tb.Rows[i], want[i])
		}
	}
}

// TestSummaryTableRealCatalog compares every cell with pandas' describe()
// of the cleaned catalog, to the precision the table shows.
func TestSummaryTableRealCatalog(t *testing.T) {
	cat := realClean(t).Tracks
	g := readGoldenDomain(t).Real.Describe
	tb := SummaryTable(cat)
	rendersBoth(t, tb)
	keys := []string{"count", "mean", "std", "min", "25%", "50%", "75%", "max"}
	if strings.Join(tb.Headers, ",") != "feature,"+strings.Join(keys, ",") || len(tb.Rows) != len(g.Columns) {
		t.Fatalf("headers %q, %d rows", tb.Headers, len(tb.Rows))
	}
	for i, c := range g.Columns {
		row := tb.Rows[i]
		if row[0] != c {
			t.Errorf("row %d is %q, want %q", i, row[0], c)
			continue
		}
		d := decimalsFor(c)
		for j, k := range keys {
			got, err := strconv.ParseFloat(row[j+1], 64)
			want := g.Stats[c][k]
			if err != nil || math.Abs(got-want) > 0.5*math.Pow(10, -float64(d))+1e-9*math.Abs(want) {
				t.Errorf("%s %s = %q, pandas %v (%s)", c, k, row[j+1], want, g.Source)
			}
		}
	}
}

// TestOutlierTableRealCatalog checks that the outlier table sets the
// original study's counts next to ours with their difference.
func TestOutlierTableRealCatalog(t *testing.T) {
	c := realClean(t)
	tb := OutlierTable(c.Outliers, true)
	rendersBoth(t, tb)
	if len(tb.Rows) != len(OriginalFeatures) {
		t.Fatalf("%d rows, want %d", len(tb.Rows), len(OriginalFeatures))
	}
	orig, diff, iqr := column(t, tb, "original study"), column(t, tb, "difference"), column(t, tb, "IQR outliers")
	for i, r := range c.Outliers {
		row := tb.Rows[i]
		if row[0] != r.Column || row[iqr] != strconv.Itoa(r.IQR) || row[orig] != strconv.Itoa(OriginalIQRCounts[r.Column]) ||
			row[diff] != strconv.Itoa(r.IQR-OriginalIQRCounts[r.Column]) {
			t.Errorf("row %q for %+v", row, r)
		}
	}
	// ORIGINAL-STUDY.md: instrumentalness 272 outliers; the cleaning
	// reproduces every count, so every difference is 0.
	for _, row := range tb.Rows {
		if row[diff] != "0" {
			t.Errorf("%s differs from the original study by %s", row[0], row[diff])
		}
	}
	if plain := OutlierTable(c.Outliers, false); len(plain.Headers) != 7 || len(plain.Rows[0]) != 7 {
		t.Errorf("table without the original study: headers %q", plain.Headers)
	}

	rt := ReissueTable(c.Tracks, c.Reissues, 5)
	rendersBoth(t, rt)
	if len(rt.Rows) != len(c.Reissues) || !strings.Contains(rt.Caption, strconv.Itoa(ReissueCount(c.Reissues))+" extra rows") {
		t.Errorf("reissue table: %d rows for %d groups, caption %q", len(rt.Rows), len(c.Reissues), rt.Caption)
	}
	lt := c.LogTable()
	rendersBoth(t, lt)
	if !strings.Contains(lt.Caption, "10 tracks removed") || len(lt.Rows) != len(c.Log) {
		t.Errorf("log table caption %q, %d rows for %d entries", lt.Caption, len(lt.Rows), len(c.Log))
	}
}
