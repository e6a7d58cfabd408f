package view_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
	"github.com/songcohorts/cohorts/songs/view"
)

func TestProfileTable(t *testing.T) {
	cat, labels := studytest.ProfileCatalog()
	cs := studytest.Must(songs.Profiles(cat, labels, 2, 50))(t)
	tb := view.ProfileTable(cs, true)
	studytest.RendersBoth(t, tb)
	if len(tb.Rows) != 2 || len(tb.Headers) != 7 {
		t.Fatalf("profile table %q %q", tb.Headers, tb.Rows)
	}
	want := []string{"1", "Live", "2", "50.0", "65.0", "100.0"}
	if strings.Join(tb.Rows[1][:6], "|") != strings.Join(want, "|") {
		t.Errorf("row %q, want %q", tb.Rows[1][:6], want)
	}
	if !strings.HasPrefix(tb.Rows[0][6], "acousticness -0.89; energy -0.58; ") {
		t.Errorf("distinctive features %q", tb.Rows[0][6])
	}
	if np := view.ProfileTable(cs, false); len(np.Headers) != 5 || len(np.Rows[0]) != 5 {
		t.Errorf("table without popularity: %q", np.Headers)
	}
}

func TestNearestToCentreTable(t *testing.T) {
	cat, labels := studytest.CentreCatalog()
	cs := studytest.Must(songs.Profiles(cat, labels, 2, 50))(t)
	near := studytest.Must(songs.NearestToCentre(cat, labels, cs, 2))(t)
	tb := view.NearestToCentreTable(cat, near, cs)
	studytest.RendersBoth(t, tb)
	var got []string
	for _, r := range tb.Rows {
		got = append(got, r[0][:1]+" "+r[1])
	}
	want := []string{"0 Angie", "0 Brown Sugar", "1 Far", "1 Further"}
	if strings.Join(got, ",") != strings.Join(want, ",") || tb.Caption != "The 2 songs nearest each cohort's centre" {
		t.Errorf("nearest rows %q (%q), want %q", got, tb.Caption, want)
	}
}

func TestPopularAlbumsByCohort(t *testing.T) {
	cat := &catalog.Catalog{Has: map[string]bool{catalog.Popularity: true, catalog.Album: true}}
	var labels []int
	add := func(album string, pops []float64, ls []int) {
		for i, p := range pops {
			cat.Tracks = append(cat.Tracks, catalog.Track{Album: album, Popularity: p})
			labels = append(labels, ls[i])
		}
	}
	add("P", []float64{60, 60, 10, 10, 10}, []int{0, 1, 0, 0, 1})
	add("Q", []float64{60, 60, 60, 10, 10, 10}, []int{0, 0, 0, 0, 0, 0})
	add("R", []float64{90, 90, 90, 90}, []int{1, 1, 1, 1})
	add("S", []float64{10, 10, 10, 10, 10}, []int{1, 1, 1, 1, 1})
	tb := view.PopularAlbumsByCohort(cat, labels, 2, 50, 10)
	studytest.RendersBoth(t, tb)
	// Ranked as the album question: R 4 popular (mean 90), Q 3 (35), P 2
	// (30); S has none and is left out.
	want := [][]string{{"1", "R", "4", "4", "90.0", "0 / 4", "0 / 4"}, {"2", "Q", "6", "3", "35.0", "6 / 0", "3 / 0"}, {"3", "P", "5", "2", "30.0", "3 / 2", "1 / 1"}}
	if len(tb.Rows) != len(want) {
		t.Fatalf("rows %q, want %q", tb.Rows, want)
	}
	for i := range want {
		if strings.Join(tb.Rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d %q, want %q", i, tb.Rows[i], want[i])
		}
	}
}

func TestCohortMixChartAndInsights(t *testing.T) {
	cat, v := blobValidation(t)
	cs := studytest.Must(songs.Profiles(cat, v.Labels, v.Chosen.K, 50))(t)
	fig, err := view.CohortMixChart(cat, v.Labels, cs)
	if err != nil || !bytes.HasPrefix(fig.PNG, []byte("\x89PNG")) {
		t.Errorf("CohortMixChart: %v", err)
	}
	s := view.Insights(cat, cs, nil)
	for _, c := range cs {
		if !strings.Contains(s, c.Name) {
			t.Errorf("insights do not name cohort %q: %s", c.Name, s)
		}
	}
	if !strings.Contains(s, "**Limits.**") || strings.Contains(s, "Rank by the copy") {
		t.Errorf("insights %q", s)
	}
}

func TestCatalogExtras(t *testing.T) {
	// Hit-predictor layout: target = record number % 2, one artist.
	cat := studytest.HitCatalog(t, 12, nil)
	labels := make([]int, len(cat.Tracks))
	for i := range labels {
		labels[i] = i % 2 // cohort 0: records 1, 3, ... (target 1)
	}
	cs := studytest.Must(songs.Profiles(cat, labels, 2, 50))(t)
	tb, err := view.CatalogExtras(cat, labels, cs)
	if err != nil {
		t.Fatal(err)
	}
	studytest.RendersBoth(t, tb)
	if strings.Join(tb.Headers, "|") != "cohort|tracks|% hits (target = 1)|artists|most frequent artists" {
		t.Fatalf("headers %q", tb.Headers)
	}
	for c, want := range [][]string{{"6", "100.0", "1", "The Band (6)"}, {"6", "0.0", "1", "The Band (6)"}} {
		if strings.Join(tb.Rows[c][1:], "|") != strings.Join(want, "|") {
			t.Errorf("cohort %d row %q, want %q", c, tb.Rows[c][1:], want)
		}
	}
	course := studytest.CourseCatalog(t, 4, nil)
	_, err = view.CatalogExtras(course, []int{0, 0, 1, 1}, studytest.Must(songs.Profiles(course, []int{0, 0, 1, 1}, 2, 50))(t))
	var mc *catalog.MissingColumnError
	if !errors.As(err, &mc) || strings.Join(mc.Columns, ",") != "target,artist" {
		t.Errorf("CatalogExtras without target and artist: %v", err)
	}
}

// blobValidation validates studytest.BlobCatalog(120, 7) at k = 2 once per
// test binary.
func blobValidation(t *testing.T) (*catalog.Catalog, *songs.Validation) {
	t.Helper()
	cat := studytest.BlobCatalog(120, 7)
	return cat, studytest.Cached(t, "validation of the blob catalog", func() (*songs.Validation, error) { return songs.Validate(cat, songs.DefaultPlan(), 42, 2) })
}

func TestProfileHeatmapAndNames(t *testing.T) {
	cat, labels := studytest.ProfileCatalog()
	cs := studytest.Must(songs.Profiles(cat, labels, 2, 50))(t)
	fig, err := view.ProfileHeatmap(cs)
	if err != nil || !bytes.HasPrefix(fig.PNG, []byte("\x89PNG")) {
		t.Errorf("ProfileHeatmap: %v", err)
	}
	if n := view.CohortNames(cs); n[1] != "1: Live" {
		t.Errorf("CohortNames = %q", n)
	}
}

func TestProjectionsFigure(t *testing.T) {
	cat, v := blobValidation(t)
	e, err := songs.Embed(cat, v, songs.DefaultProjectors(42))
	if err != nil {
		t.Fatal(err)
	}
	fig, err := view.ProjectionsFigure(e, view.CohortNames(studytest.Must(songs.Profiles(cat, v.Labels, v.Chosen.K, 50))(t)))
	if err != nil || !bytes.HasPrefix(fig.PNG, []byte("\x89PNG")) {
		t.Errorf("ProjectionsFigure: %v", err)
	}
}
