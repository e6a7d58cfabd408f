package catalog

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
)

// TestLoadCourseVariants loads both published variants of the course file:
// a header starting with number_row and M/D/YYYY dates, and an empty first
// header cell with ISO dates. They must give the same tracks.
func TestLoadCourseVariants(t *testing.T) {
	mdy := "number_row,name,album,release_date,track_number,id,uri,acousticness,danceability,energy,instrumentalness,liveness,loudness,speechiness,tempo,valence,popularity,duration_ms\n" +
		"0,Concert Intro Music - Live,Licked Live In NYC,6/10/2022,1,2IEkywLJ4ykbhi1yRQvmsT,spotify:track:2IEkywLJ4ykbhi1yRQvmsT,0.0824,0.463,0.993,0.996,0.932,-12.913,0.11,118.001,0.0302,33,48640\n" +
		"1,Angie - Live,Licked Live In NYC,6/9/2022,7,3R1Vq1RS6mWNSD2oni6jNf,spotify:track:3R1Vq1RS6mWNSD2oni6jNf,0.561,0.262,0.81,2.76E-06,0.972,-6.851,0.0969,77.52,0.394,31,245506\n"
	iso := ",name,album,release_date,track_number,id,uri,acousticness,danceability,energy,instrumentalness,liveness,loudness,speechiness,tempo,valence,popularity,duration_ms\n" +
		"0,Concert Intro Music - Live,Licked Live In NYC,2022-06-10,1,2IEkywLJ4ykbhi1yRQvmsT,spotify:track:2IEkywLJ4ykbhi1yRQvmsT,0.0824,0.463,0.993,0.996,0.932,-12.913,0.11,118.001,0.0302,33,48640\n" +
		"1,Angie - Live,Licked Live In NYC,2022-06-09,7,3R1Vq1RS6mWNSD2oni6jNf,spotify:track:3R1Vq1RS6mWNSD2oni6jNf,0.561,0.262,0.81,2.76E-06,0.972,-6.851,0.0969,77.52,0.394,31,245506\n"
	a, b := mustLoad(t, mdy), mustLoad(t, iso)
	for _, cat := range []*Catalog{a, b} {
		if cat.Columns[0] != "number_row" {
			t.Errorf("first column %q; want number_row", cat.Columns[0])
		}
		if len(cat.Findings) != 0 || len(cat.Extra) != 0 {
			t.Errorf("findings %v, extra %v; want none", cat.Findings, cat.Extra)
		}
		for _, c := range []string{"number_row", "uri", "album", "release_date", "decade", "track_number", Popularity} {
			if !cat.Has[c] {
				t.Errorf("Has[%q] false", c)
			}
		}
	}
	if len(a.Tracks) != 2 || len(b.Tracks) != 2 {
		t.Fatalf("loaded %d and %d tracks; want 2", len(a.Tracks), len(b.Tracks))
	}
	want := Track{Record: 2, Line: 3, NumberRow: 1, ID: "3R1Vq1RS6mWNSD2oni6jNf", URI: "spotify:track:3R1Vq1RS6mWNSD2oni6jNf",
		Name: "Angie - Live", Album: "Licked Live In NYC", ReleaseDate: Date{2022, 6, 9}, Decade: 2020, TrackNumber: 7,
		Audio:      [9]float64{0.561, 0.262, 0.81, 2.76e-06, 0.972, -6.851, 0.0969, 77.52, 0.394},
		DurationMS: 245506, Popularity: 31}
	for _, cat := range []*Catalog{a, b} {
		got := cat.Tracks[1]
		want.Source = cat.Sources[0]
		if d := sameTrack(&got, &want); d != "" {
			t.Error(d)
		}
	}
	for i := range a.Tracks {
		a.Tracks[i].Source = b.Tracks[i].Source
		if d := sameTrack(&a.Tracks[i], &b.Tracks[i]); d != "" {
			t.Errorf("variants differ at track %d: %s", i, d)
		}
	}
}

// TestLoadLineEndsAndBOM loads one catalog written with LF, with CRLF and
// with a UTF-8 byte order mark (before a plain and before a quoted first
// header cell, and before the ISO variant's empty first cell).
func TestLoadLineEndsAndBOM(t *testing.T) {
	lf := catalogtest.CSVText(catalogtest.CourseHeader, 5, false, nil)
	crlf := catalogtest.CSVText(catalogtest.CourseHeader, 5, true, nil)
	if !strings.Contains(crlf, "\r\n") || strings.Contains(lf, "\r") {
		t.Fatal("fixture line ends are wrong")
	}
	quoted := `"` + strings.Replace(lf, ",", `",`, 1) // "number_row",name,...
	isoHeader := append([]string{""}, catalogtest.CourseHeader[1:]...)
	iso := catalogtest.CSVText(isoHeader, 5, true, nil)
	ref := mustLoad(t, lf)
	for name, text := range map[string]string{
		"CRLF": crlf, "BOM+LF": "\ufeff" + lf, "BOM+CRLF": "\ufeff" + crlf,
		"BOM+quoted header": "\ufeff" + quoted, "BOM+empty first cell": "\ufeff" + iso,
	} {
		t.Run(name, func(t *testing.T) {
			cat := mustLoad(t, text)
			if strings.Join(cat.Columns, ",") != strings.Join(ref.Columns, ",") {
				t.Errorf("columns %q; want %q", cat.Columns, ref.Columns)
			}
			if len(cat.Tracks) != len(ref.Tracks) {
				t.Fatalf("%d tracks; want %d", len(cat.Tracks), len(ref.Tracks))
			}
			for i := range cat.Tracks {
				got := cat.Tracks[i]
				got.Source = ref.Tracks[i].Source
				if name == "BOM+empty first cell" {
					got.NumberRow = ref.Tracks[i].NumberRow // the ISO fixture's first column is empty
				}
				if d := sameTrack(&got, &ref.Tracks[i]); d != "" {
					t.Errorf("track %d: %s", i, d)
				}
				if strings.ContainsRune(got.Name+got.Album, '\r') {
					t.Errorf("track %d keeps a carriage return", i)
				}
			}
		})
	}
}

// TestLoadQuotedFields keeps commas, doubled quotes and newlines inside
// quoted fields, and counts records (not lines) after a quoted newline
// while reporting the file line where each record starts.
func TestLoadQuotedFields(t *testing.T) {
	title := "Hello, \"World\"\nPart 2"
	album := "Let It Bleed, \"Deluxe\""
	for _, crlf := range []bool{false, true} {
		text := catalogtest.CSVText(catalogtest.CourseHeader, 4, crlf, func(i int, rec map[string]string) {
			if i == 2 {
				rec["name"], rec["album"] = title, album
			}
		})
		cat := mustLoad(t, text)
		if len(cat.Tracks) != 4 {
			t.Fatalf("%d tracks; want 4", len(cat.Tracks))
		}
		got := cat.Tracks[1]
		wantTitle := title
		if crlf {
			wantTitle = strings.ReplaceAll(title, "\n", "\r\n")
		}
		// encoding/csv turns \r\n inside a quoted field into \n.
		if got.Name != title && got.Name != wantTitle {
			t.Errorf("title %q; want %q", got.Name, title)
		}
		if got.Album != album {
			t.Errorf("album %q; want %q", got.Album, album)
		}
		for i, wantLine := range []int{2, 3, 5, 6} {
			if tr := cat.Tracks[i]; tr.Record != i+1 || tr.Line != wantLine {
				t.Errorf("track %d: record %d line %d; want %d, %d", i, tr.Record, tr.Line, i+1, wantLine)
			}
		}
		// A bad value after the quoted newline names record 3, line 5.
		bad := catalogtest.CSVText(catalogtest.CourseHeader, 4, crlf, catalogtest.Set(map[int]map[string]string{
			2: {"name": title}, 3: {"tempo": "fast"},
		}))
		_, path, err := loadText(t, bad)
		wantRecordError(t, err, path, 3, 5, "tempo", "record 3 (line 5)", `value "fast"`, "not a number")
	}
}

// TestLoadExtraColumns keeps unknown columns as text, in file order.
func TestLoadExtraColumns(t *testing.T) {
	header := append(append([]string(nil), catalogtest.CourseHeader...), "Key", "mode", "Time Signature")
	text := catalogtest.CSVText(header, 3, false, func(i int, rec map[string]string) {
		rec["Key"], rec["Time Signature"] = []string{"C", "D, major", ""}[i-1], "4/4"
	})
	cat := mustLoad(t, text)
	if got := strings.Join(cat.Extra, ","); got != "key,mode,time_signature" {
		t.Fatalf("Extra %q; want key,mode,time_signature", got)
	}
	if got := strings.Join(cat.ExtraColumn("key"), "|"); got != "C|D, major|" {
		t.Errorf("key column %q", got)
	}
	if got := strings.Join(cat.ExtraColumn("mode"), "|"); got != "1|0|1" {
		t.Errorf("mode column %q", got)
	}
	if cat.ExtraColumn("popularity") != nil {
		t.Error("ExtraColumn of a known column is not nil")
	}
	if len(cat.Findings) != 0 {
		t.Errorf("findings %v", cat.Findings)
	}
}

// TestLoadHitPredictorLike loads a catalog without id, popularity, album or
// release date: ids come from the uri, titles from track, the decade from
// its column, and cleaning copes with the missing popularity.
func TestLoadHitPredictorLike(t *testing.T) {
	text := catalogtest.CSVText(catalogtest.HitHeader, 6, false, func(i int, rec map[string]string) {
		if i == 4 {
			rec["decade"] = "1990"
		}
	})
	cat := mustLoad(t, text)
	if len(cat.Tracks) != 6 || len(cat.Findings) != 0 {
		t.Fatalf("%d tracks, findings %v; want 6 and none", len(cat.Tracks), cat.Findings)
	}
	for _, c := range []string{Popularity, "album", "release_date", "year", "track_number", "number_row"} {
		if cat.Has[c] {
			t.Errorf("Has[%q] true", c)
		}
	}
	if !cat.Has["decade"] || !cat.Has["uri"] {
		t.Error("Has[decade] or Has[uri] false")
	}
	if got := strings.Join(cat.Extra, ","); got != "key,mode,time_signature,chorus_hit,sections,target" {
		t.Errorf("Extra %q", got)
	}
	if got := strings.Join(cat.NumericColumns(), ","); strings.Contains(got, Popularity) || !strings.Contains(got, DurationMS) {
		t.Errorf("NumericColumns %q", got)
	}
	tr := cat.Tracks[3]
	if tr.ID != catalogtest.ID(4) || tr.URI != URIPrefix+catalogtest.ID(4) || tr.Name != "Song 4" || tr.Artist != "The Band" ||
		tr.Decade != 1990 || !math.IsNaN(tr.Popularity) || tr.NumberRow != -1 || !tr.ReleaseDate.IsZero() {
		t.Errorf("track 4 = %+v", tr)
	}
	want4 := catalogtest.Values(4)
	for _, f := range AudioFeatures {
		if v, err := strconv.ParseFloat(want4[f], 64); err != nil || tr.Value(f) != v {
			t.Errorf("%s = %v; want %s", f, tr.Value(f), want4[f])
		}
	}
	if tr.DurationMS != 200004 {
		t.Errorf("duration_ms %v; want 200004", tr.DurationMS)
	}
	c := Clean(cat, CleanOptions{})
	if len(c.Tracks.Tracks) != 6 || len(c.Log) != 0 {
		t.Errorf("cleaning kept %d tracks, log %v; want 6 and none", len(c.Tracks.Tracks), c.Log)
	}
	for _, r := range c.Outliers {
		if r.Column == Popularity {
			t.Error("outlier report has popularity")
		}
	}
}

// TestLoadIDWithoutURI accepts a file with an id but no uri, and makes
// the uri from the id.
func TestLoadIDWithoutURI(t *testing.T) {
	header := []string{"id", "name"}
	header = append(header, AudioFeatures...)
	header = append(header, DurationMS)
	cat := mustLoad(t, catalogtest.CSVText(header, 2, false, nil))
	if tr := cat.Tracks[1]; tr.ID != catalogtest.ID(2) || tr.URI != URIPrefix+catalogtest.ID(2) || cat.Has["uri"] {
		t.Errorf("track %+v, Has[uri] %v", tr, cat.Has["uri"])
	}
}

// TestLoadOneMegabyteTitle loads a title of 1 MB, and shortens a 1 MB value
// in an error message.
func TestLoadOneMegabyteTitle(t *testing.T) {
	big := strings.Repeat("Satisfaction ", 1<<20/13+1)[:1<<20]
	cat := mustLoad(t, catalogtest.CSVText(catalogtest.CourseHeader, 3, false, func(i int, rec map[string]string) {
		if i == 2 {
			rec["name"] = big
		}
	}))
	if got := cat.Tracks[1].Name; got != big {
		t.Errorf("title of %d bytes; want %d", len(got), len(big))
	}
	if cat.Tracks[2].Record != 3 || cat.Tracks[2].Line != 4 {
		t.Errorf("record after the big title: %d line %d", cat.Tracks[2].Record, cat.Tracks[2].Line)
	}
	_, path, err := loadText(t, catalogtest.CSVText(catalogtest.CourseHeader, 3, false, func(i int, rec map[string]string) {
		if i == 2 {
			rec["energy"] = big
		}
	}))
	wantRecordError(t, err, path, 2, 3, "energy", "not a number")
	if err != nil && len(err.Error()) > len(path)+200 {
		t.Errorf("error message of %d bytes; want the value shortened", len(err.Error()))
	}
}

// TestLoadGlob reads several files in lexical order, and rejects a glob
// that matches nothing and files whose headers differ.
func TestLoadGlob(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("b.csv", catalogtest.CSVText(catalogtest.HitHeader, 2, false, nil))
	write("a.csv", catalogtest.CSVText(catalogtest.HitHeader, 3, false, func(i int, rec map[string]string) { rec["uri"] = URIPrefix + catalogtest.ID(10+i) }))
	cat, err := Load(filepath.Join(dir, "*.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Sources) != 2 || filepath.Base(cat.Sources[0]) != "a.csv" || len(cat.Tracks) != 5 {
		t.Fatalf("sources %v, %d tracks", cat.Sources, len(cat.Tracks))
	}
	if tr := cat.Tracks[3]; filepath.Base(tr.Source) != "b.csv" || tr.Record != 1 || tr.ID != catalogtest.ID(1) {
		t.Errorf("fourth track %s record %d id %s", tr.Source, tr.Record, tr.ID)
	}
	if _, err := Load(filepath.Join(dir, "*.tsv")); err == nil || !strings.Contains(err.Error(), "matches no file") {
		t.Errorf("glob without match: %v", err)
	}
	write("c.csv", catalogtest.CSVText(catalogtest.HitHeader[:len(catalogtest.HitHeader)-1], 1, false, nil))
	_, err = Load(filepath.Join(dir, "*.csv"))
	wantRecordError(t, err, filepath.Join(dir, "c.csv"), 0, 1, "", "columns differ")
	if _, err := Load(filepath.Join(dir, "missing.csv")); err == nil {
		t.Error("a missing file loaded")
	}
}
