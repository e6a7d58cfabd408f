package catalog

import (
	"errors"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
)

// TestLoadErrors covers the problems that stop a load: each must give a
// *RecordError naming the file, the data record (0 for the header), the
// file line and the column, with a message saying what is wrong.
func TestLoadErrors(t *testing.T) {
	header := strings.Join(catalogtest.CourseHeader, ",") + "\n"
	set := func(rec int, col, val string) string {
		return catalogtest.CSVText(catalogtest.CourseHeader, 5, false, func(i int, r map[string]string) {
			if i == rec {
				r[col] = val
			}
		})
	}
	without := func(col string) string {
		var h []string
		for _, c := range catalogtest.CourseHeader {
			if c != col {
				h = append(h, c)
			}
		}
		return catalogtest.CSVText(h, 2, false, nil)
	}
	full := catalogtest.CSVText(catalogtest.CourseHeader, 3, false, nil)
	cases := []struct {
		name   string
		text   string
		record int
		line   int
		column string
		msgs   []string
	}{
		{"empty file", "", 0, 1, "", []string{"header: empty file"}},
		{"byte order mark only", "\ufeff", 0, 1, "", []string{"empty file"}},
		{"header only", header, 0, 2, "", []string{"no data records"}},
		{"header only without newline", strings.TrimSuffix(header, "\n"), 0, 2, "", []string{"no data records"}},
		{"missing feature column", without("tempo"), 0, 1, "tempo", []string{"required column is missing"}},
		{"missing duration", without("duration_ms"), 0, 1, "duration_ms", []string{"required column is missing"}},
		{"missing title", without("name"), 0, 1, "name", []string{"need name or track"}},
		{"missing features", catalogtest.CSVText(catalogtest.CourseHeader[:7], 1, false, nil), 0, 1, "acousticness", []string{"required column is missing"}},
		{"missing id and uri", catalogtest.CSVText(append(catalogtest.CourseHeader[:5:5], catalogtest.CourseHeader[7:]...), 1, false, nil), 0, 1, "id", []string{"need id or uri"}},
		{"duplicate column", strings.Replace(full, "valence", " Energy ", 1), 0, 1, "energy", []string{"duplicate column name"}},
		{"empty column name", strings.Replace(full, "album", "", 1), 0, 1, "", []string{"column 3 has an empty name"}},
		{"non-numeric feature", set(3, "danceability", "high"), 3, 4, "danceability", []string{`value "high"`, "not a number"}},
		{"non-numeric duration", set(5, "duration_ms", "3:45"), 5, 6, "duration_ms", []string{"not a number"}},
		{"thousands separator", set(2, "duration_ms", "245,506"), 2, 3, "duration_ms", []string{"not a number"}},
		{"Inf", set(1, "tempo", "Inf"), 1, 2, "tempo", []string{"infinite value"}},
		{"+inf", set(1, "tempo", "+inf"), 1, 2, "tempo", []string{"infinite value"}},
		{"-Infinity", set(2, "loudness", "-Infinity"), 2, 3, "loudness", []string{"infinite value"}},
		{"infinity", set(2, "energy", "infinity"), 2, 3, "energy", []string{"infinite value"}},
		{"overflow", set(4, "popularity", "1e400"), 4, 5, "popularity", []string{"out of float64 range"}},
		{"non-integer number_row", set(2, "number_row", "two"), 2, 3, "number_row", []string{"not an integer"}},
		{"fractional track_number", set(2, "track_number", "1.5"), 2, 3, "track_number", []string{"not an integer"}},
		{"uri of another track", set(3, "uri", URIPrefix+catalogtest.ID(99)), 3, 4, "id", []string{"id and uri name different tracks"}},
		{"uri without prefix", set(3, "uri", "spotify:album:"+catalogtest.ID(3)), 3, 4, "id", []string{"does not start with spotify:track:"}},
		{"empty id", set(3, "id", ""), 3, 4, "id", []string{"id and uri"}},
		{"no identifier", catalogtest.CSVText(catalogtest.CourseHeader, 3, false, func(i int, r map[string]string) {
			if i == 2 {
				r["id"], r["uri"] = " ", ""
			}
		}), 2, 3, "id", []string{"the track has no identifier"}},
		{"invalid UTF-8 title", set(2, "name", "Ang\xffie"), 2, 3, "name", []string{"invalid UTF-8"}},
		{"invalid UTF-8 album", set(4, "album", "\xc3\x28"), 4, 5, "album", []string{"invalid UTF-8"}},
		{"invalid UTF-8 header", strings.Replace(full, "album", "alb\xffum", 1), 0, 1, "", []string{"column 3 is not valid UTF-8"}},
		{"truncated last line", strings.TrimSuffix(full, "\n")[:len(full)-20], 3, 4, "", []string{"record 3 (line 4)", "wrong number of fields"}},
		{"extra field", editLine(full, 2, func(s string) string { return s + ",x" }), 2, 3, "", []string{"wrong number of fields"}},
		{"unterminated quote", full + `99,"Open quote,Album,6/10/2022,1`, 4, 5, "", []string{"record 4 (line 5)"}},
		{"unterminated quote on CRLF", catalogtest.CSVText(catalogtest.CourseHeader, 3, true, nil) + "99,\"Open\r\n", 4, 5, "", []string{"record 4 (line 5)"}},
		{"bare quote", strings.Replace(full, "Song 2", `Song "2"`, 1), 2, 3, "", []string{`bare " in non-quoted-field`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cat, path, err := loadText(t, c.text)
			if cat != nil {
				t.Errorf("Load returned a catalog of %d tracks with the error", len(cat.Tracks))
			}
			wantRecordError(t, err, path, c.record, c.line, c.column, c.msgs...)
			if err != nil && !strings.HasPrefix(err.Error(), path+": ") {
				t.Errorf("message %q does not start with the file name", err)
			}
		})
	}
}

// editLine changes the line of text with the given 0-based index.
func editLine(text string, line int, f func(string) string) string {
	lines := strings.Split(text, "\n")
	lines[line] = f(lines[line])
	return strings.Join(lines, "\n")
}

// TestLoadErrorMessage is the acceptance case: a catalog whose
// 17th data record has a non-numeric popularity fails with a message naming
// record 17, file line 18 and the column.
func TestLoadErrorMessage(t *testing.T) {
	text := catalogtest.CSVText(catalogtest.CourseHeader, 30, false, func(i int, r map[string]string) {
		if i == 17 {
			r["popularity"] = "very popular"
		}
	})
	_, path, err := loadText(t, text)
	re := wantRecordError(t, err, path, 17, 18, "popularity")
	want := path + `: record 17 (line 18), column "popularity": value "very popular": not a number`
	if err.Error() != want {
		t.Errorf("message\n%q\nwant\n%q", err, want)
	}
	if re.Value != "very popular" {
		t.Errorf("Value %q", re.Value)
	}
	if errors.Unwrap(err) == nil {
		t.Error("RecordError does not unwrap")
	}
	_, path, err = loadText(t, "")
	if want := path + ": header: empty file: no header row"; err == nil || err.Error() != want {
		t.Errorf("message %q; want %q", err, want)
	}
	_, path, err = loadText(t, strings.Join(catalogtest.CourseHeader, ",")+"\n")
	if !errors.Is(err, ErrNoData) {
		t.Errorf("header only: %v does not wrap ErrNoData", err)
	}
}

// TestLoadFindings covers the problems confined to one row: the row is
// loaded with a finding of the right rule and column, and Clean drops it
// with a log entry of that rule.
func TestLoadFindings(t *testing.T) {
	cases := []struct {
		name, column, value, rule string
	}{
		{"empty feature", "energy", "", RuleMissing},
		{"blank feature", "valence", "   ", RuleMissing},
		{"NA", "acousticness", "NA", RuleMissing},
		{"n/a", "liveness", "n/a", RuleMissing},
		{"NaN", "tempo", "NaN", RuleMissing},
		{"nan", "speechiness", "nan", RuleMissing},
		{"-nan", "instrumentalness", "-nan", RuleMissing},
		{"null", "loudness", "null", RuleMissing},
		{"None", "danceability", "None", RuleMissing},
		{"empty popularity", "popularity", "", RuleMissing},
		{"empty duration", "duration_ms", "", RuleMissing},
		{"energy above 1", "energy", "1.5", RuleOutOfRange},
		{"negative acousticness", "acousticness", "-0.01", RuleOutOfRange},
		{"positive loudness", "loudness", "3.2", RuleOutOfRange},
		{"loudness below -60 dB", "loudness", "-61", RuleOutOfRange},
		{"popularity above 100", "popularity", "101", RuleOutOfRange},
		{"negative popularity", "popularity", "-1", RuleOutOfRange},
		{"zero tempo", "tempo", "0", RuleOutOfRange},
		{"negative tempo", "tempo", "-120", RuleOutOfRange},
		{"zero duration", "duration_ms", "0", RuleOutOfRange},
		{"negative duration", "duration_ms", "-245506", RuleOutOfRange},
		{"empty title", "name", "", RuleEmptyTitle},
		{"blank title", "name", " \t ", RuleEmptyTitle},
		{"impossible day", "release_date", "2/30/1970", RuleBadDate},
		{"month 13", "release_date", "13/1/1970", RuleBadDate},
		{"not a leap year", "release_date", "1969-02-29", RuleBadDate},
		{"century not a leap year", "release_date", "1900-02-29", RuleBadDate},
		{"text date", "release_date", "summer 1969", RuleBadDate},
		{"two-digit year", "release_date", "7/4/69", RuleBadDate},
		{"month zero", "release_date", "1969-00", RuleBadDate},
	}
	const bad = 3
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cat := mustLoad(t, catalogtest.CSVText(catalogtest.CourseHeader, 5, false, func(i int, r map[string]string) {
				if i == bad {
					r[c.column] = c.value
				}
			}))
			if len(cat.Tracks) != 5 {
				t.Fatalf("%d tracks loaded; want 5 (the row is kept)", len(cat.Tracks))
			}
			if len(cat.Findings) != 1 {
				t.Fatalf("findings %+v; want one", cat.Findings)
			}
			f := cat.Findings[0]
			want := Finding{Track: bad - 1, Record: bad, ID: catalogtest.ID(bad), Column: c.column, Rule: c.rule, Detail: f.Detail}
			if f != want {
				t.Errorf("finding %+v; want %+v", f, want)
			}
			cl := Clean(cat, CleanOptions{})
			wantDropped(t, cl, c.rule, c.column, catalogtest.ID(bad))
			if e := logFor(cl, catalogtest.ID(bad)); len(e) != 1 || e[0].Record != bad || e[0].Source != cat.Sources[0] {
				t.Errorf("log %+v", e)
			}
			if cl.Flags[bad-1] != c.rule || cl.Flags[0] != "" {
				t.Errorf("flags %q", cl.Flags)
			}
		})
	}
}

// TestLoadRangeBoundaries accepts the ends of the dictionary's ranges.
func TestLoadRangeBoundaries(t *testing.T) {
	cat := mustLoad(t, catalogtest.CSVText(catalogtest.CourseHeader, 4, false, catalogtest.Set(map[int]map[string]string{
		1: {"energy": "0", "loudness": "0", "popularity": "0", "acousticness": "1"},
		2: {"energy": "1", "loudness": "-60", "popularity": "100", "tempo": "1e-9"},
		3: {"duration_ms": "1", "instrumentalness": "2.76E-06", "popularity": "33.0"},
	})))
	if len(cat.Findings) != 0 {
		t.Errorf("findings %+v; want none", cat.Findings)
	}
}

// TestLoadPartialDates reads years, year-months and both full spellings.
func TestLoadPartialDates(t *testing.T) {
	dates := []string{"1969", "1969-07", "7/4/1969", "1969-07-04", "2/29/2000", ""}
	want := []Date{{1969, 0, 0}, {1969, 7, 0}, {1969, 7, 4}, {1969, 7, 4}, {2000, 2, 29}, {}}
	decades := []int{1960, 1960, 1960, 1960, 2000, 0}
	cat := mustLoad(t, catalogtest.CSVText(catalogtest.CourseHeader, len(dates), false, func(i int, r map[string]string) {
		r["release_date"] = dates[i-1]
	}))
	if len(cat.Findings) != 0 {
		t.Errorf("findings %+v", cat.Findings)
	}
	for i, tr := range cat.Tracks {
		if tr.ReleaseDate != want[i] || tr.Decade != decades[i] {
			t.Errorf("%q read as %+v decade %d; want %+v, %d", dates[i], tr.ReleaseDate, tr.Decade, want[i], decades[i])
		}
	}
	// A year column and a decade column.
	yc := catalogtest.CSVText(append(append([]string(nil), catalogtest.HitHeader...), "year"), 3, false, func(i int, r map[string]string) {
		r["year"] = []string{"1969", "1971", "71"}[i-1]
		r["decade"] = []string{"1960", "", "1970"}[i-1]
	})
	cat = mustLoad(t, yc)
	if d := cat.Tracks[1]; d.ReleaseDate != (Date{Year: 1971}) || d.Decade != 1970 {
		t.Errorf("year 1971 read as %+v decade %d", d.ReleaseDate, d.Decade)
	}
	if f := cat.Findings; len(f) != 1 || f[0].Rule != RuleBadDate || f[0].Column != "year" || f[0].Record != 3 || cat.Tracks[2].Decade != 1970 {
		t.Errorf("year 71: findings %+v, decade %d", f, cat.Tracks[2].Decade)
	}
	bad := mustLoad(t, catalogtest.CSVText(catalogtest.HitHeader, 2, false, func(i int, r map[string]string) {
		if i == 2 {
			r["decade"] = "60s"
		}
	}))
	if f := bad.Findings; len(f) != 1 || f[0].Rule != RuleBadDate || f[0].Column != "decade" || f[0].Track != 1 {
		t.Errorf("decade 60s: findings %+v", f)
	}
}

// TestParseDate checks the accepted spellings and the rejected ones.
func TestParseDate(t *testing.T) {
	good := map[string]Date{
		"1969": {1969, 0, 0}, "1969-07": {1969, 7, 0}, "1969-7": {1969, 7, 0}, "1969-07-04": {1969, 7, 4},
		"7/4/1969": {1969, 7, 4}, "07/04/1969": {1969, 7, 4}, "12/31/2022": {2022, 12, 31}, " 2000-02-29 ": {2000, 2, 29},
		"": {},
	}
	for s, want := range good {
		if got, err := ParseDate(s); err != nil || got != want {
			t.Errorf("ParseDate(%q) = %+v, %v; want %+v", s, got, err, want)
		}
	}
	for _, s := range []string{"2/30/1970", "4/31/1970", "0/1/1970", "1/0/1970", "1970-13", "1970-1-32", "69",
		"19690", "1969/07", "1969-07-04-01", "-1969", "1969-+7", "0999", "abcd", "1/2/3/1970", "1969-07-", "7//1969", "1969--04", "/4/1969", "7/4/", "1969-0x", "2100-02-29"} {
		if d, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) = %+v; want an error", s, d)
		}
	}
	if s := (Date{1969, 7, 0}).String(); s != "1969-07" {
		t.Errorf("String %q", s)
	}
	if !(Date{1969, 0, 0}).Before(Date{1969, 7, 4}) || (Date{}).Before(Date{1969, 0, 0}) || !(Date{1969, 1, 1}).Before(Date{}) {
		t.Error("Before orders partial or unknown dates wrongly")
	}
}

// TestLoadDuplicateIDs separates exact duplicates, repeated ids with the
// same audio data and repeated ids with different audio data.
func TestLoadDuplicateIDs(t *testing.T) {
	text := catalogtest.CSVText(catalogtest.CourseHeader, 8, false, func(i int, r map[string]string) {
		switch i {
		case 3: // exact copy of record 1 except its row number
			catalogtest.Copy(r, 1)
			r["number_row"] = "2"
		case 5: // record 2 listed again on another album
			catalogtest.Copy(r, 2)
			r["album"] = "Forty Licks"
		case 7: // record 4's id with different audio data
			r["id"], r["uri"] = catalogtest.ID(4), URIPrefix+catalogtest.ID(4)
		}
	})
	cat := mustLoad(t, text)
	type key struct {
		rule   string
		track  int
		record int
		id     string
	}
	var got []key
	for _, f := range cat.Findings {
		got = append(got, key{f.Rule, f.Track, f.Record, f.ID})
	}
	want := []key{
		{RuleExactDuplicate, 2, 3, catalogtest.ID(1)},
		{RuleDuplicateID, 4, 5, catalogtest.ID(2)},
		{RuleConflictingID, 3, 4, catalogtest.ID(4)},
		{RuleConflictingID, 6, 7, catalogtest.ID(4)},
	}
	if len(got) != len(want) {
		t.Fatalf("findings %+v; want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("finding %d = %+v; want %+v", i, got[i], want[i])
		}
	}
	c := Clean(cat, CleanOptions{})
	wantDropIdx := map[int]string{2: RuleExactDuplicate, 4: RuleDuplicateID, 3: RuleConflictingID, 6: RuleConflictingID}
	for i, d := range c.Dropped {
		rule, ok := wantDropIdx[i]
		if d != ok || c.Flags[i] != rule {
			t.Errorf("track %d dropped %v flags %q; want %v %q", i, d, c.Flags[i], ok, rule)
		}
	}
	if len(c.Log) != 4 || len(c.Tracks.Tracks) != 4 {
		t.Errorf("log %+v, %d kept", c.Log, len(c.Tracks.Tracks))
	}
	for i := 1; i < len(c.Log); i++ {
		if c.Log[i].Record < c.Log[i-1].Record {
			t.Errorf("log not in file order: %+v", c.Log)
		}
	}
	if in := Inspect(cat); in.ExactDuplicates != 1 || in.DuplicateIDs != 1 || in.ConflictingIDs != 2 {
		t.Errorf("Inspect %+v", in)
	}
}

// TestLoadSeveralFindingsOneRow logs one entry per rule for a row with two
// problems, and counts it once as dropped.
func TestLoadSeveralFindingsOneRow(t *testing.T) {
	cat := mustLoad(t, catalogtest.CSVText(catalogtest.CourseHeader, 3, false, func(i int, r map[string]string) {
		if i == 2 {
			r["energy"], r["tempo"], r["release_date"] = "", "0", "2/30/1970"
		}
	}))
	c := Clean(cat, CleanOptions{})
	if len(c.Tracks.Tracks) != 2 || len(logFor(c, catalogtest.ID(2))) != 3 {
		t.Fatalf("kept %d, log %+v", len(c.Tracks.Tracks), c.Log)
	}
	if c.Flags[1] != RuleMissing+";"+RuleOutOfRange+";"+RuleBadDate {
		t.Errorf("flags %q", c.Flags[1])
	}
	if n := c.RuleCounts(); n[RuleMissing] != 1 || n[RuleOutOfRange] != 1 || n[RuleBadDate] != 1 {
		t.Errorf("RuleCounts %v", n)
	}
}
