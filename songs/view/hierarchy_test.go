package view_test

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
	"github.com/songcohorts/cohorts/songs/stats"
	"github.com/songcohorts/cohorts/songs/view"
)

// TestSensitivityViews renders the solutions of k = 2..6 side by side.
func TestSensitivityViews(t *testing.T) {
	cat, v := blobValidation(t)
	st := view.SensitivityTable(v)
	studytest.RendersBoth(t, st)
	if len(st.Rows) != len(v.Checks) || len(st.Headers) != 9 {
		t.Errorf("sensitivity table: %d rows for %d checks, headers %q", len(st.Rows), len(v.Checks), st.Headers)
	}
	for _, fig := range []func() ([]byte, error){
		func() ([]byte, error) { f, err := view.ReferenceChart(v); return f.PNG, err },
		func() ([]byte, error) { f, err := view.AgreementByKChart(v.Improved); return f.PNG, err },
	} {
		if png, err := fig(); err != nil || !bytes.HasPrefix(png, []byte("\x89PNG")) {
			t.Errorf("chart: %v", err)
		}
	}
	if r := view.SensitivityReading(v); !strings.Contains(r, "At k = 2 the silhouette is") || !strings.Contains(r, "K-Means vs Ward") {
		t.Errorf("reading %q", r)
	}
	kp := studytest.Must(songs.SensitivityProfiles(cat, v, 50))(t)
	kt := view.KProfilesTable(kp, true)
	studytest.RendersBoth(t, kt)
	rows := 0
	for _, k := range v.Plan.SensitivityK {
		rows += k
	}
	if len(kt.Rows) != rows || kt.Rows[0][len(kt.Rows[0])-1] != "–" || !strings.Contains(kt.Rows[2][len(kt.Rows[2])-1], "% of its tracks)") {
		t.Errorf("profiles by k: %d rows, want %d: %q", len(kt.Rows), rows, kt.Rows[:3])
	}
}

// TestHierarchyViews renders the second level: the sides, the hierarchy,
// the top-level split and the insights.
func TestHierarchyViews(t *testing.T) {
	cat, v := blobValidation(t)
	cs := studytest.Must(songs.Profiles(cat, v.Labels, v.Chosen.K, 50))(t)
	subs := studytest.Must(songs.SubcohortProfiles(cat, v.Labels, v.SubLabels, cs, 50))(t)
	st := view.SidesTable(v, cs)
	studytest.RendersBoth(t, st)
	if len(st.Rows) != len(v.Sides) {
		t.Errorf("sides table: %d rows for %d sides", len(st.Rows), len(v.Sides))
	}
	r := view.SidesReading(v, cs)
	for _, c := range cs {
		if !strings.Contains(r, c.Name) {
			t.Errorf("sides reading %q does not name %q", r, c.Name)
		}
	}
	ex := studytest.Must(songs.SubcohortExamples(cat, v.Labels, v.SubLabels, subs, 2))(t)
	ht := view.HierarchyTable(cat, cs, subs, ex)
	studytest.RendersBoth(t, ht)
	if len(ht.Rows) != len(cs)+len(subs) || ht.Rows[0][0] != "0" || ht.Rows[1][0] != "0.0" {
		t.Errorf("hierarchy rows %q", ht.Rows)
	}
	assoc := []stats.Result{{Effect: 0.69, PAdjusted: 1e-9}}
	if s := view.SplitSummary(cs, assoc); !strings.Contains(s, "Cramér's V 0.69") || !strings.Contains(s, "p &lt; 0.001") {
		t.Errorf("split summary %q", s)
	}
	if s := view.CohortInsights(v, cs, subs); !strings.Contains(s, "**Limits of the cohorts.**") {
		t.Errorf("insights %q", s)
	}
}

// TestIslandViews renders hand-made islands of a catalog without albums
// or dates: those columns are left out, and the reading names the sound
// grouping that beats the metadata.
func TestIslandViews(t *testing.T) {
	cs := []songs.Cohort{{ID: 0, Name: "Studio: bright, energetic"}}
	is := &songs.Islands{Options: songs.IslandOptions{Projection: 2, MinSamples: 10, EpsFactor: 1}, Eps: 0.5, Recordings: 100, InIslands: 90,
		Islands: []songs.Island{{ID: 0, Recordings: 60, Tracks: 62, AlbumShare: math.NaN(), YearMedian: math.NaN(), YearQ1: math.NaN(), YearQ3: math.NaN(),
			Levels: []songs.IslandLevel{{Feature: catalog.Instrumentalness, Word: "instrumental", Share: 0.9, CatalogShare: 0.2}}, CohortShare: 1},
			{ID: 1, Recordings: 30, Tracks: 30, AlbumShare: math.NaN(), YearMedian: math.NaN(), YearQ1: math.NaN(), YearQ3: math.NaN(), CohortShare: 1}},
		Explained: []songs.Explanation{{What: "instrumentalness level", Sound: true, Groups: 2, NMI: 0.6, Chance: 0.01},
			{What: "release decade", Groups: 6, NMI: 0.1, Chance: 0.05}}}
	tb := view.IslandsTable(is, cs)
	studytest.RendersBoth(t, tb)
	if len(tb.Headers) != 5 || tb.Rows[0][2] != "instrumentalness instrumental: 90% (catalog 20%)" || tb.Rows[1][2] != "–" {
		t.Errorf("islands table %q %q", tb.Headers, tb.Rows)
	}
	et := view.IslandsExplainedTable(is)
	studytest.RendersBoth(t, et)
	if !strings.HasPrefix(et.Caption, "The islands follow instrumentalness level (NMI 0.60) more than any metadata") {
		t.Errorf("caption %q", et.Caption)
	}
	r := view.IslandsReading(is)
	if !strings.Contains(r, "**2 islands**") || !strings.Contains(r, "They follow the sound") || strings.Contains(r, "album") {
		t.Errorf("reading %q", r)
	}
}
