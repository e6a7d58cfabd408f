package catalog

import (
	"sort"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
	"github.com/songcohorts/cohorts/songs/internal/goldentest"
)

// originalDrops is testdata/original_drops.json, recomputed with pandas from
// the real catalog by testdata/gen_original_drops.py.
type originalDrops struct {
	Source     string   `json:"source"`
	Rows       int      `json:"rows"`
	Kept       int      `json:"kept"`
	DroppedIDs []string `json:"dropped_ids"`
	Rules      []struct {
		Column string   `json:"column"`
		N      int      `json:"n"`
		Top    bool     `json:"top"`
		IDs    []string `json:"ids"`
	} `json:"rules"`
	IQR         map[string]int `json:"iqr"`
	ReissueRows int            `json:"reissue_rows"`
}

// TestRealCatalog reproduces the original study's inspection and cleaning
// of the course catalog.
func TestRealCatalog(t *testing.T) {
	cat := loadStaged(t, catalogtest.RollingStones)
	// ORIGINAL-STUDY.md: 1,610 rows; duplicates 0, missing 0, ids unique.
	if len(cat.Tracks) != 1610 || len(cat.Findings) != 0 {
		t.Fatalf("%d tracks, %d findings; want 1610 and none", len(cat.Tracks), len(cat.Findings))
	}
	// IQR counts printed by the original notebook 01 (ORIGINAL-STUDY.md).
	wantIQR := map[string]int{Acousticness: 4, Danceability: 0, Energy: 8, Instrumentalness: 272, Liveness: 0,
		Loudness: 14, Speechiness: 92, Tempo: 34, Valence: 0, Popularity: 50, DurationMS: 76}
	rep := Outliers(cat)
	if len(rep) != len(wantIQR) {
		t.Errorf("%d columns reported; want %d", len(rep), len(wantIQR))
	}
	for _, r := range rep {
		if r.IQR != wantIQR[r.Column] {
			t.Errorf("%s: %d IQR outliers; the original found %d", r.Column, r.IQR, wantIQR[r.Column])
		}
	}
	// 165 rows repeat another row's audio features (ORIGINAL-STUDY.md).
	if in := Inspect(cat); in.ReissueRows != 165 || in.Rows != 1610 || in.ExactDuplicates != 0 || in.MissingCells != 0 {
		t.Errorf("Inspect: %+v; want 165 reissue rows", in)
	}

	g := readOriginalDrops(t)
	if g.Rows != 1610 || g.Kept != 1600 || g.ReissueRows != 165 {
		t.Fatalf("golden file disagrees with ORIGINAL-STUDY.md: %+v", g)
	}
	for col, n := range wantIQR {
		if g.IQR[col] != n {
			t.Errorf("pandas IQR count of %s %d; the original printed %d", col, g.IQR[col], n)
		}
	}
	c := Clean(cat, DefaultCleanOptions)
	if len(c.Tracks.Tracks) != 1600 {
		t.Errorf("%d tracks after cleaning; want 1600", len(c.Tracks.Tracks))
	}
	for _, r := range c.Outliers {
		if r.IQR != wantIQR[r.Column] {
			t.Errorf("cleaning's outlier report: %s %d; want %d", r.Column, r.IQR, wantIQR[r.Column])
		}
	}
	var logged []string
	for _, e := range c.Log {
		if e.Rule != RuleOriginalExtreme {
			t.Errorf("log entry %+v has rule %q; want only %q", e, e.Rule, RuleOriginalExtreme)
		}
		if !strings.Contains(e.Detail, "top") && !strings.Contains(e.Detail, "bottom") {
			t.Errorf("log detail %q does not say which rule", e.Detail)
		}
		logged = append(logged, e.ID)
	}
	ids := dedupe(logged)
	sort.Strings(ids)
	want := append([]string(nil), g.DroppedIDs...)
	sort.Strings(want)
	if strings.Join(ids, ",") != strings.Join(want, ",") {
		t.Errorf("dropped ids\n%v\npandas\n%v", ids, want)
	}
	// Each rule selects what pandas' nlargest/nsmallest selects, in order.
	if len(g.Rules) != len(OriginalExtremes) {
		t.Fatalf("%d rules; pandas %d", len(OriginalExtremes), len(g.Rules))
	}
	for k, r := range OriginalExtremes {
		gr := g.Rules[k]
		if r.Column != gr.Column || r.N != gr.N || r.Top != gr.Top {
			t.Errorf("rule %d is %+v; golden %+v", k, r, gr)
			continue
		}
		idx, _ := r.Select(cat.Tracks)
		var got []string
		for _, i := range idx {
			got = append(got, cat.Tracks[i].ID)
		}
		if strings.Join(got, ",") != strings.Join(gr.IDs, ",") {
			t.Errorf("%s: selects %v; pandas %v", r.Column, got, gr.IDs)
		}
	}
	for i, d := range c.Dropped {
		if d != (c.Flags[i] != "" && strings.Contains(c.Flags[i], RuleOriginalExtreme)) {
			t.Errorf("track %d dropped %v with flags %q", i, d, c.Flags[i])
		}
	}
}

// readOriginalDrops reads the rows the original study's pandas code drops
// (testdata/original_drops.json, written by testdata/gen_original_drops.py).
func readOriginalDrops(t *testing.T) originalDrops {
	t.Helper()
	return goldentest.Read[originalDrops](t, "testdata/original_drops.json")
}

// TestHitPredictorCatalog loads the six hit-predictor files: 41,106 tracks
// (pandas.read_csv row counts summed) with ids from their uris and the
// extra columns kept.
func TestHitPredictorCatalog(t *testing.T) {
	cat := loadStaged(t, catalogtest.HitPredictor)
	if len(cat.Sources) != 6 || len(cat.Tracks) != 41106 {
		t.Fatalf("%d files, %d tracks; want 6 and 41106", len(cat.Sources), len(cat.Tracks))
	}
	if got := strings.Join(cat.Extra, ","); got != "key,mode,time_signature,chorus_hit,sections,target" {
		t.Errorf("Extra %q", got)
	}
	if cat.Has[Popularity] || cat.Has["album"] || !cat.Has["decade"] {
		t.Errorf("Has %v", cat.Has)
	}
	for i := range cat.Tracks {
		tr := &cat.Tracks[i]
		if tr.ID == "" || tr.Name == "" && !hasFinding(cat, i, RuleEmptyTitle) || tr.Decade < 1960 || tr.Decade > 2010 {
			t.Fatalf("track %d: %+v", i, *tr)
		}
	}
	target := cat.ExtraColumn("target")
	for i, v := range target {
		if v != "0" && v != "1" {
			t.Fatalf("track %d target %q", i, v)
		}
	}
	c := Clean(cat, CleanOptions{})
	if len(c.Tracks.Tracks)+countTrue(c.Dropped) != len(cat.Tracks) || len(c.Tracks.Tracks) == 0 {
		t.Errorf("cleaning kept %d of %d", len(c.Tracks.Tracks), len(cat.Tracks))
	}
	t.Logf("hit-predictor: %d loaded, %d kept, removals by rule %v", len(cat.Tracks), len(c.Tracks.Tracks), c.RuleCounts())
}

func hasFinding(cat *Catalog, track int, rule string) bool {
	for _, f := range cat.Findings {
		if f.Track == track && f.Rule == rule {
			return true
		}
	}
	return false
}

func countTrue(b []bool) int {
	n := 0
	for _, v := range b {
		if v {
			n++
		}
	}
	return n
}
