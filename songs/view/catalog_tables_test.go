package view_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
	"github.com/songcohorts/cohorts/songs/view"
)

func TestSchemaAndDictionaryTables(t *testing.T) {
	cat := studytest.IntegrityCatalog(t)
	tb := view.SchemaTable(cat)
	studytest.RendersBoth(t, tb)
	if tb.Caption != "9 rows x 18 columns" || len(tb.Rows) != 18 {
		t.Fatalf("caption %q, %d rows", tb.Caption, len(tb.Rows))
	}
	rows := map[string][]string{}
	for _, r := range tb.Rows {
		rows[r[0]] = r
	}
	for col, want := range map[string][]string{catalog.Energy: {catalog.Energy, "float64", "7 / 9", catalogtest.Values(1)[catalog.Energy]}, "id": {"id", "text", "9 / 9", catalogtest.ID(1)},
		"release_date": {"release_date", "date", "9 / 9", "2022-06-10"},
		"number_row":   {"number_row", "integer", "9 / 9", "0"},
	} {
		if strings.Join(rows[col], "|") != strings.Join(want, "|") {
			t.Errorf("schema row %q, want %q", rows[col], want)
		}
	}

	dict := []catalog.DictionaryEntry{{Variable: "id", Description: "The Spotify ID for the song"}, {Variable: "artist_name", Description: "not in this file"}}
	dt := view.DictionaryTable(dict, cat)
	studytest.RendersBoth(t, dt)
	if len(dt.Rows) != 2+17 {
		t.Fatalf("dictionary table has %d rows, want 2 entries + 17 undocumented columns", len(dt.Rows))
	}
	if dt.Rows[0][2] != "yes" || dt.Rows[1][2] != "no" || dt.Rows[2][1] != "(not in the data dictionary)" {
		t.Errorf("dictionary rows %q", dt.Rows[:3])
	}
}

func TestDecadeTable(t *testing.T) {
	cat := &catalog.Catalog{Has: map[string]bool{catalog.Popularity: true}}
	for i, d := range []int{1960, 1970, 1960, 0, 1960} {
		tr := catalog.Track{Decade: d, Popularity: float64(10 * (i + 1)), DurationMS: 1000}
		cat.Tracks = append(cat.Tracks, tr)
	}
	tb := view.DecadeTable(cat)
	studytest.RendersBoth(t, tb)
	want := append([]string{"decade", "tracks"}, catalog.OriginalFeatures...)
	if strings.Join(tb.Headers, ",") != strings.Join(want, ",") {
		t.Fatalf("headers %q, want %q", tb.Headers, want)
	}
	// Unknown decade (0) sorts first; the 1960s hold popularity 10, 30, 50.
	p := studytest.Column(t, tb, catalog.Popularity)
	for i, w := range [][3]string{{"unknown", "1", "40.00"}, {"1960s", "3", "30.00"}, {"1970s", "1", "20.00"}} {
		if tb.Rows[i][0] != w[0] || tb.Rows[i][1] != w[1] || tb.Rows[i][p] != w[2] {
			t.Errorf("row %d %q, want %q", i, tb.Rows[i], w)
		}
	}
}

func TestDerivedFeatures(t *testing.T) {
	var live catalog.Track
	live.Name, live.Album = "Miss You - Live", "Some Girls"
	live.ReleaseDate, live.Decade, live.DurationMS = catalog.Date{Year: 1978, Month: 6, Day: 9}, 1970, 270000
	live.Audio[catalog.FeatureIndex(catalog.Liveness)] = 0.9
	studio := catalog.Track{Name: "Live With Me", Album: "Let It Bleed", DurationMS: 200000}
	cat := &catalog.Catalog{Tracks: []catalog.Track{live, studio, live}}
	tb := view.DerivedFeatures(cat, 2)
	studytest.RendersBoth(t, tb)
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

// TestSummaryTable checks the table of songs.Describe: one row per
// column, every value rounded to the column's decimals.
func TestSummaryTable(t *testing.T) {
	cs := []songs.ColumnSummary{{Column: catalog.Tempo, Count: 3, Mean: 120.126, SD: 1, Min: 100, Q1: 110, Median: 120.004, Q3: 130, Max: 140}}
	tb := view.SummaryTable(cs)
	studytest.RendersBoth(t, tb)
	want := "tempo|3|120.13|1.00|100.00|110.00|120.00|130.00|140.00"
	if len(tb.Rows) != 1 || strings.Join(tb.Rows[0], "|") != want {
		t.Errorf("rows %q, want %q", tb.Rows, want)
	}
}

// TestOutlierTableRealCatalog checks that the outlier table sets the
// original study's counts next to ours with their difference.
func TestOutlierTableRealCatalog(t *testing.T) {
	c := studytest.RealCleaned(t)
	tb := view.OutlierTable(c.Outliers, true)
	studytest.RendersBoth(t, tb)
	if len(tb.Rows) != len(catalog.OriginalFeatures) {
		t.Fatalf("%d rows, want %d", len(tb.Rows), len(catalog.OriginalFeatures))
	}
	orig, diff, iqr := studytest.Column(t, tb, "original study"), studytest.Column(t, tb, "difference"), studytest.Column(t, tb, "IQR outliers")
	for i, r := range c.Outliers {
		row := tb.Rows[i]
		if row[0] != r.Column || row[iqr] != strconv.Itoa(r.IQR) || row[orig] != strconv.Itoa(songs.OriginalIQRCounts[r.Column]) ||
			row[diff] != strconv.Itoa(r.IQR-songs.OriginalIQRCounts[r.Column]) {
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
	if plain := view.OutlierTable(c.Outliers, false); len(plain.Headers) != 7 || len(plain.Rows[0]) != 7 {
		t.Errorf("table without the original study: headers %q", plain.Headers)
	}

	// ORIGINAL-STUDY.md: 165 rows repeat another's audio values; 164 remain
	// among the 1,600 kept tracks (one of the drops was a copy).
	rt := view.ReissueTable(c.Tracks, c.Reissues, 5)
	studytest.RendersBoth(t, rt)
	if len(rt.Rows) != len(c.Reissues) || !strings.Contains(rt.Caption, "(164 tracks are later copies)") {
		t.Errorf("reissue table: %d rows for %d groups, caption %q", len(rt.Rows), len(c.Reissues), rt.Caption)
	}
	lt := view.CleaningLogTable(c)
	studytest.RendersBoth(t, lt)
	if !strings.Contains(lt.Caption, "10 tracks removed") || len(lt.Rows) != len(c.Log) {
		t.Errorf("log table caption %q, %d rows for %d entries", lt.Caption, len(lt.Rows), len(c.Log))
	}
}

func TestIntegrityTable(t *testing.T) {
	in := catalog.Inspect(studytest.IntegrityCatalog(t))
	tb := view.IntegrityTable(in)
	studytest.RendersBoth(t, tb)
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
}

// TestFrameTable shows a filtered data frame of a small catalog with its
// caption and row limit.
func TestFrameTable(t *testing.T) {
	df := studytest.Must(catalog.DataFrame(studytest.CourseCatalog(t, 5, nil)))(t)
	tb, err := view.FrameTable(df.Select([]string{"name", "energy"}), "energy", 2)
	if err != nil {
		t.Fatal(err)
	}
	studytest.RendersBoth(t, tb)
	// catalogtest.Values: energy of track 1 is 0.3 + 1 % 11 / 100 = 0.31.
	if tb.Caption != "energy" || tb.MaxRows != 2 || len(tb.Rows) != 5 || tb.Rows[0][0] != "Song 1" || tb.Rows[0][1] != "0.310" {
		t.Errorf("table %+v", tb)
	}
	if !strings.Contains(tb.HTML(), "3 more rows") {
		t.Errorf("the rows left out are not said: %s", tb.HTML())
	}
}

// TestCleaningFindingsRealCatalog states the cleaning of the course file
// with its counts (ORIGINAL-STUDY.md: 1,610 tracks, 10 dropped by the
// original study, 164 later copies kept, 272 instrumentalness outliers).
func TestCleaningFindingsRealCatalog(t *testing.T) {
	got := view.CleaningFindings(studytest.RealCleaned(t))
	studytest.Findings(t, got, "**1,610 tracks loaded, 1,600 kept.**", "10 dropped by the original study's hand-picked rules",
		"no duplicate rows, no missing values and no repeated ids", "**164 of the kept tracks are later copies of 126 recordings**",
		"instrumentalness has 272 values on or beyond Tukey's fences")
}

// TestTablesWithoutAlbums shows the reissues and the integrity of a
// catalog without albums and release dates (the hit-predictor layout):
// no empty parentheses or empty release, the artist and the number of
// copies instead, and captions that say what the catalog lacks.
func TestTablesWithoutAlbums(t *testing.T) {
	text := catalogtest.CSVText(catalogtest.HitHeader, 6, false, func(i int, r map[string]string) {
		if i >= 5 { // tracks 5 and 6 are copies of track 1's recording under other ids
			catalogtest.Copy(r, 1, "uri")
		}
	})
	c := catalog.Clean(studytest.MustLoad(t, text), catalog.CleanOptions{})
	if len(c.Reissues) != 1 {
		t.Fatalf("%d reissue groups, want 1", len(c.Reissues))
	}
	rt := view.ReissueTable(c.Tracks, c.Reissues, 5)
	studytest.RendersBoth(t, rt)
	if got := strings.Join(rt.Headers, "|"); got != "recording|artist|copies" {
		t.Errorf("reissue headers %q", got)
	}
	if got := strings.Join(rt.Rows[0], "|"); got != "Song 1|The Band|3" {
		t.Errorf("reissue row %q", got)
	}
	if !strings.Contains(rt.Caption, "no albums or release dates") {
		t.Errorf("reissue caption %q does not say why the releases are missing", rt.Caption)
	}
	it := view.IntegrityTable(catalog.Inspect(c.Loaded))
	studytest.RendersBoth(t, it)
	for _, r := range it.Rows {
		if r[0] == "albums" || r[0] == "release years" || r[0] == "first and last release" || strings.Contains(r[0], "album") {
			t.Errorf("integrity row %q for a catalog without albums or dates", r)
		}
	}
	if !strings.Contains(it.Caption, "(the catalog has no albums or release dates)") {
		t.Errorf("integrity caption %q", it.Caption)
	}
}
