package catalog

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
)

// extremesCatalog has twenty valid tracks in which a few rows hold the
// extreme values the original study's rules pick, with one overlap (record
// 4 is the most acoustic and the least energetic) and one tie, plus a row
// with a missing energy and a row whose loudness is out of range.
func extremesCatalog(t *testing.T) *Catalog {
	t.Helper()
	return mustLoad(t, catalogtest.CSVText(catalogtest.CourseHeader, 20, false, catalogtest.Set(map[int]map[string]string{
		2: {"acousticness": "0.99"},
		4: {"acousticness": "0.995", "energy": "0.01"},
		6: {"energy": "0.02"},
		7: {"energy": ""},                               // missing: dropped by the finding, never by the energy rule
		8: {"loudness": "-61"},                          // out of range: dropped by the finding first
		9: {"loudness": "-30"}, 10: {"loudness": "-30"}, // tie: both bottom loudness
		11: {"loudness": "-25"}, 12: {"loudness": "-20"},
		13: {"speechiness": "0.9"}, 14: {"speechiness": "0.8"}, 15: {"speechiness": "0.7"},
		16: {"duration_ms": "981866"}, 17: {"duration_ms": "700000"}, 18: {"duration_ms": "600000"},
	})))
}

// TestCleanOriginalExtremes applies the hand-picked rule set after the
// validity rules: each rule picks among the valid rows, ties in file order,
// an overlapping row is removed once but logged under each rule.
func TestCleanOriginalExtremes(t *testing.T) {
	cat := extremesCatalog(t)
	c := Clean(cat, DefaultCleanOptions)
	wantRules := map[int][]string{ // record -> rules in log order
		2:  {RuleOriginalExtreme},
		4:  {RuleOriginalExtreme, RuleOriginalExtreme},
		6:  {RuleOriginalExtreme},
		7:  {RuleMissing},
		8:  {RuleOutOfRange},
		9:  {RuleOriginalExtreme},
		10: {RuleOriginalExtreme},
		11: {RuleOriginalExtreme},
		12: {RuleOriginalExtreme},
		13: {RuleOriginalExtreme}, 14: {RuleOriginalExtreme}, 15: {RuleOriginalExtreme},
		16: {RuleOriginalExtreme}, 17: {RuleOriginalExtreme}, 18: {RuleOriginalExtreme},
	}
	got := map[int][]string{}
	for k, e := range c.Log {
		got[e.Record] = append(got[e.Record], e.Rule)
		if e.ID != catalogtest.ID(e.Record) || e.Source != cat.Sources[0] {
			t.Errorf("log entry %+v names the wrong track", e)
		}
		if k > 0 && e.Record < c.Log[k-1].Record {
			t.Errorf("log not in file order at %d", k)
		}
	}
	if !reflect.DeepEqual(got, wantRules) {
		t.Errorf("log rules by record\n%v\nwant\n%v", got, wantRules)
	}
	for i, d := range c.Dropped {
		if _, want := wantRules[i+1]; d != want {
			t.Errorf("record %d dropped %v; want %v", i+1, d, want)
		}
	}
	if len(c.Tracks.Tracks) != 20-len(wantRules) {
		t.Errorf("%d kept; want %d", len(c.Tracks.Tracks), 20-len(wantRules))
	}
	var details []string
	for _, e := range logFor(c, catalogtest.ID(4)) {
		details = append(details, e.Detail)
	}
	if strings.Join(details, "|") != "acousticness top 2: 0.995|energy bottom 2: 0.01" {
		t.Errorf("details of record 4: %q", details)
	}
	if c.Flags[3] != RuleOriginalExtreme {
		t.Errorf("flags of record 4 %q", c.Flags[3])
	}
	// The outlier report is of the valid rows, before the hand-picked drops.
	for _, r := range c.Outliers {
		if r.Column == Loudness && r.Min != -30 {
			t.Errorf("loudness report min %v; want -30 (the -61 row is invalid)", r.Min)
		}
	}
	// Without the option only the findings are dropped.
	c2 := Clean(extremesCatalog(t), CleanOptions{})
	if len(c2.Log) != 2 || len(c2.Tracks.Tracks) != 18 {
		t.Errorf("without the original drops: log %+v", c2.Log)
	}
	// The rule set drops 10 distinct rows of the course catalog by design.
	n := 0
	for _, r := range OriginalExtremes {
		n += r.N
	}
	if n != 14 {
		t.Errorf("rule set picks %d rows; the original picked 14 (10 distinct)", n)
	}
}

// TestCleanDeterministic cleans the same catalog twice with equal results,
// and leaves the loaded tracks unchanged apart from CanonicalID.
func TestCleanDeterministic(t *testing.T) {
	cat := extremesCatalog(t)
	before := append([]Track(nil), cat.Tracks...)
	a := Clean(cat, DefaultCleanOptions)
	b := Clean(cat, DefaultCleanOptions)
	if !reflect.DeepEqual(a.Log, b.Log) || !reflect.DeepEqual(a.Flags, b.Flags) || !reflect.DeepEqual(a.Dropped, b.Dropped) {
		t.Error("two cleanings differ")
	}
	for i := range cat.Tracks {
		got := cat.Tracks[i]
		got.CanonicalID = before[i].CanonicalID
		if d := sameTrack(&got, &before[i]); d != "" {
			t.Errorf("track %d changed: %s", i, d)
		}
	}
}

// TestCleanReissues groups kept tracks with identical audio features and
// duration: the earliest release is canonical (file order breaks ties),
// the others are flagged but kept, and dropped tracks join no group.
func TestCleanReissues(t *testing.T) {
	same := func(r map[string]string, of int) {
		for _, c := range append(append([]string(nil), AudioFeatures...), DurationMS) {
			r[c] = catalogtest.Values(of)[c]
		}
	}
	cat := mustLoad(t, catalogtest.CSVText(catalogtest.CourseHeader, 8, false, func(i int, r map[string]string) {
		switch i {
		case 1:
			r["release_date"] = "2009-05-11"
		case 3: // record 1 first released earlier
			same(r, 1)
			r["release_date"] = "1972-05-12"
		case 5: // record 1 again, undated: sorts last
			same(r, 1)
			r["release_date"] = ""
		case 6, 7: // records 6 and 7 the same recording on the same day
			same(r, 6)
			r["release_date"] = "1969-12-05"
		case 8: // a copy of record 2 with a missing popularity: dropped
			same(r, 2)
			r["popularity"] = ""
		}
	}))
	c := Clean(cat, CleanOptions{})
	want := []ReissueGroup{
		{Canonical: catalogtest.ID(3), Members: []string{catalogtest.ID(3), catalogtest.ID(1), catalogtest.ID(5)}},
		{Canonical: catalogtest.ID(6), Members: []string{catalogtest.ID(6), catalogtest.ID(7)}},
	}
	if !reflect.DeepEqual(c.Reissues, want) {
		t.Errorf("groups %+v; want %+v", c.Reissues, want)
	}
	if n := ReissueCount(c.Reissues); n != 3 {
		t.Errorf("ReissueCount %d; want 3", n)
	}
	wantCanon := []string{catalogtest.ID(3), catalogtest.ID(2), catalogtest.ID(3), catalogtest.ID(4), catalogtest.ID(3), catalogtest.ID(6), catalogtest.ID(6), ""}
	wantFlags := []string{RuleReissue, "", "", "", RuleReissue, "", RuleReissue, RuleMissing}
	for i := range cat.Tracks {
		if cat.Tracks[i].CanonicalID != wantCanon[i] || c.Flags[i] != wantFlags[i] {
			t.Errorf("record %d canonical %q flags %q; want %q %q", i+1, cat.Tracks[i].CanonicalID, c.Flags[i], wantCanon[i], wantFlags[i])
		}
	}
	if len(c.Tracks.Tracks) != 7 {
		t.Errorf("%d kept; reissues must be kept", len(c.Tracks.Tracks))
	}
	for _, tr := range c.Tracks.Tracks {
		if tr.CanonicalID != wantCanon[tr.Record-1] {
			t.Errorf("kept record %d canonical %q", tr.Record, tr.CanonicalID)
		}
	}
	if in := Inspect(cat); in.ReissueRows != 4 || in.ReissueGroups != 3 {
		t.Errorf("Inspect counts %d reissue rows in %d groups; want 4 in 3 (every loaded row)", in.ReissueRows, in.ReissueGroups)
	}
}

// TestCleanSeveralFiles orders the log by file, then record.
func TestCleanSeveralFiles(t *testing.T) {
	dir := t.TempDir()
	for k, name := range []string{"a.csv", "b.csv"} {
		text := catalogtest.CSVText(catalogtest.HitHeader, 3, false, func(i int, r map[string]string) {
			r["uri"] = URIPrefix + catalogtest.ID(10*k+i)
			if i == 3-k*2 {
				r["tempo"] = "0"
			}
		})
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cat, err := Load(filepath.Join(dir, "*.csv"))
	if err != nil {
		t.Fatal(err)
	}
	c := Clean(cat, CleanOptions{})
	if len(c.Log) != 2 || filepath.Base(c.Log[0].Source) != "a.csv" || c.Log[0].Record != 3 ||
		filepath.Base(c.Log[1].Source) != "b.csv" || c.Log[1].Record != 1 {
		t.Errorf("log %+v", c.Log)
	}
}
