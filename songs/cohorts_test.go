package songs

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
)

// profileCatalog has four tracks in two cohorts: acousticness 0, 2, 4, 6
// (mean 3, population sd sqrt 5), energy 1, 1, 1, 5 (mean 2, sd sqrt 3),
// every other profile feature constant; popularity 10, 60, 50, 80; the
// last track is live by its title.
func profileCatalog() (*Catalog, []int) {
	cat := &Catalog{Has: map[string]bool{Popularity: true, Album: true}}
	for i, v := range []struct{ acoustic, energy, pop float64 }{{0, 1, 10}, {2, 1, 60}, {4, 1, 50}, {6, 5, 80}} {
		tr := Track{ID: testID(i), Name: fmt.Sprintf("Song %d", i), Album: "Album", Popularity: v.pop, DurationMS: 200000}
		tr.CanonicalID = tr.ID
		for j := range tr.Audio {
			tr.Audio[j] = 0.5
		}
		tr.Audio[featureIndex(Acousticness)], tr.Audio[featureIndex(Energy)] = v.acoustic, v.energy
		cat.Tracks = append(cat.Tracks, tr)
	}
	cat.Tracks[3].Name = "Song 3 - Live"
	return cat, []int{0, 0, 1, 1}
}

func TestProfiles(t *testing.T) {
	cat, labels := profileCatalog()
	cs := Profiles(cat, labels, 2, 50)
	if len(cs) != 2 {
		t.Fatalf("%d cohorts", len(cs))
	}
	a, e := featureIndex(Acousticness), featureIndex(Energy)
	// By hand: cohort 0 averages z = (-3/sqrt5 + -1/sqrt5)/2 = -2/sqrt5 in
	// acousticness and (-1/sqrt3 + -1/sqrt3)/2 = -1/sqrt3 in energy;
	// cohort 1 the opposite. A constant feature is 0 standard deviations
	// from its mean.
	want := []struct {
		z             [2]float64
		pop, popShare float64
		liveShare     float64
		size          int
		name          string
	}{
		{[2]float64{-2 / math.Sqrt(5), -1 / math.Sqrt(3)}, 35, 0.5, 0, 2, "electric, calm, danceable"},
		{[2]float64{2 / math.Sqrt(5), 1 / math.Sqrt(3)}, 65, 1, 0.5, 2, "acoustic, energetic, danceable"},
	}
	for c, w := range want {
		got := cs[c]
		if got.ID != c || got.Size != w.size || !near(got.Z[a], w.z[0], 1e-14) || !near(got.Z[e], w.z[1], 1e-14) {
			t.Errorf("cohort %d: %+v, want z %v", c, got, w.z)
		}
		for j, z := range got.Z {
			if j != a && j != e && z != 0 {
				t.Errorf("cohort %d: constant feature %s has z %v", c, ProfileFeatures[j], z)
			}
		}
		if got.Popularity != w.pop || got.PopularShare != w.popShare || got.LiveShare != w.liveShare {
			t.Errorf("cohort %d: popularity %v, popular %v, live %v; want %v %v %v", c, got.Popularity, got.PopularShare, got.LiveShare, w.pop, w.popShare, w.liveShare)
		}
		if got.Name != w.name {
			t.Errorf("cohort %d named %q, want %q", c, got.Name, w.name)
		}
	}
	fig, err := ProfileHeatmap(cs)
	if err != nil || !bytes.HasPrefix(fig.PNG, []byte("\x89PNG")) {
		t.Errorf("ProfileHeatmap: %v", err)
	}
	if n := CohortNames(cs); n[1] != "1: acoustic, energetic, danceable" {
		t.Errorf("CohortNames = %q", n)
	}
}

func TestCohortName(t *testing.T) {
	// ProfileFeatures order: acousticness, danceability, energy,
	// instrumentalness, liveness, loudness, speechiness, tempo, valence,
	// duration_ms.
	z := []float64{0.1, -2, 0.3, 0, 1.5, 0, 0, 0, 0, -0.5}
	if got := cohortName(z); got != "less danceable, live, short" {
		t.Errorf("cohortName = %q", got)
	}
	z = []float64{0, 0, 0, 0, 0, 0.9, -1.2, 1.1, 0, 0}
	if got := cohortName(z); got != "little speech, fast, loud" {
		t.Errorf("cohortName = %q", got)
	}
	for _, f := range ProfileFeatures {
		if highWords[f] == "" || lowWords[f] == "" {
			t.Errorf("no words for %s", f)
		}
	}
}

func TestProfileTable(t *testing.T) {
	cat, labels := profileCatalog()
	cs := Profiles(cat, labels, 2, 50)
	tb := ProfileTable(cs, true)
	rendersBoth(t, tb)
	if len(tb.Rows) != 2 || len(tb.Headers) != 7 {
		t.Fatalf("profile table %q %q", tb.Headers, tb.Rows)
	}
	want := []string{"1", "acoustic, energetic, danceable", "2", "50.0", "65.0", "100.0"}
	if strings.Join(tb.Rows[1][:6], "|") != strings.Join(want, "|") {
		t.Errorf("row %q, want %q", tb.Rows[1][:6], want)
	}
	if !strings.HasPrefix(tb.Rows[0][6], "acousticness -0.89; energy -0.58; ") {
		t.Errorf("distinctive features %q", tb.Rows[0][6])
	}
	if np := ProfileTable(cs, false); len(np.Headers) != 5 || len(np.Rows[0]) != 5 {
		t.Errorf("table without popularity: %q", np.Headers)
	}
}

func TestNearestToCentre(t *testing.T) {
	cat := &Catalog{Has: map[string]bool{}}
	add := func(name string, acoustic float64, canonical string) {
		tr := Track{ID: testID(len(cat.Tracks)), Name: name, Album: "A", DurationMS: 1}
		tr.CanonicalID = tr.ID
		if canonical != "" {
			tr.CanonicalID = canonical
		}
		tr.Audio[featureIndex(Acousticness)] = acoustic
		cat.Tracks = append(cat.Tracks, tr)
	}
	// Cohort 0's centre is at acousticness 1.7: "Angie" (1.1) is nearest,
	// then "ANGIE" (1.0, the same title, skipped), then "Brown Sugar"
	// (3.0). "Wild Horses" sits on the centre but is a reissue.
	add("ANGIE", 1.0, "")
	add("Angie", 1.1, "")
	add("Brown Sugar", 3.0, "")
	add("Wild Horses", 1.7, "other")
	add("Far", 10, "")
	add("Further", 12, "")
	labels := []int{0, 0, 0, 0, 1, 1}
	cs := Profiles(cat, labels, 2, 50)
	tb := NearestToCentre(cat, labels, cs, 2)
	rendersBoth(t, tb)
	var got []string
	for _, r := range tb.Rows {
		got = append(got, r[0][:1]+" "+r[1])
	}
	want := []string{"0 Angie", "0 Brown Sugar", "1 Far", "1 Further"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("nearest rows %q, want %q", got, want)
	}
}

func TestPopularAlbumsByCohort(t *testing.T) {
	cat := &Catalog{Has: map[string]bool{Popularity: true, Album: true}}
	var labels []int
	add := func(album string, pops []float64, ls []int) {
		for i, p := range pops {
			cat.Tracks = append(cat.Tracks, Track{Album: album, Popularity: p})
			labels = append(labels, ls[i])
		}
	}
	add("P", []float64{60, 60, 10, 10, 10}, []int{0, 1, 0, 0, 1})
	add("Q", []float64{60, 60, 60, 10, 10, 10}, []int{0, 0, 0, 0, 0, 0})
	add("R", []float64{90, 90, 90, 90}, []int{1, 1, 1, 1}) // fewer than 5 tracks
	add("S", []float64{10, 10, 10, 10, 10}, []int{1, 1, 1, 1, 1})
	tb := PopularAlbumsByCohort(cat, labels, 2, 50, 10)
	rendersBoth(t, tb)
	want := [][]string{{"Q", "6", "3", "50.0", "6 / 0", "3 / 0"}, {"P", "5", "2", "40.0", "3 / 2", "1 / 1"}}
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
	cat, v := testValidation(t, 120)
	cs := Profiles(cat, v.Labels, v.Chosen.K, 50)
	fig, err := CohortMixChart(cat, v.Labels, cs)
	if err != nil || !bytes.HasPrefix(fig.PNG, []byte("\x89PNG")) {
		t.Errorf("CohortMixChart: %v", err)
	}
	s := Insights(cs, []string{"a claim"})
	for _, c := range cs {
		if !strings.Contains(s, c.Name) {
			t.Errorf("insights do not name cohort %q: %s", c.Name, s)
		}
	}
	if !strings.Contains(s, "- a claim\n") || !strings.Contains(s, "**Limits.**") {
		t.Errorf("insights %q", s)
	}
}

func TestCatalogExtras(t *testing.T) {
	// Hit-predictor layout: target = record number % 2, one artist.
	cat := mustLoad(t, csvText(hitHeader, 12, false, nil))
	labels := make([]int, len(cat.Tracks))
	for i := range labels {
		labels[i] = i % 2 // cohort 0: records 1, 3, ... (target 1)
	}
	cs := Profiles(cat, labels, 2, 50)
	tb, err := CatalogExtras(cat, labels, cs)
	if err != nil {
		t.Fatal(err)
	}
	rendersBoth(t, tb)
	if strings.Join(tb.Headers, "|") != "cohort|tracks|% hits (target = 1)|artists|most frequent artists" {
		t.Fatalf("headers %q", tb.Headers)
	}
	for c, want := range [][]string{{"6", "100.0", "1", "The Band (6)"}, {"6", "0.0", "1", "The Band (6)"}} {
		if strings.Join(tb.Rows[c][1:], "|") != strings.Join(want, "|") {
			t.Errorf("cohort %d row %q, want %q", c, tb.Rows[c][1:], want)
		}
	}
	course := mustLoad(t, csvText(courseHeader, 4, false, nil))
	_, err = CatalogExtras(course, []int{0, 0, 1, 1}, Profiles(course, []int{0, 0, 1, 1}, 2, 50))
	var mc *MissingColumnError
	if !errors.As(err, &mc) || strings.Join(mc.Columns, ",") != "target,artist" {
		t.Errorf("CatalogExtras without target and artist: %v", err)
	}
}

func TestRequire(t *testing.T) {
	cat := &Catalog{Has: map[string]bool{Popularity: true}}
	if err := cat.Require("the album ranking", Popularity); err != nil {
		t.Errorf("Require of a present column: %v", err)
	}
	err := cat.Require("the album ranking", Album, Popularity, ReleaseDate)
	var mc *MissingColumnError
	if !errors.As(err, &mc) || mc.Step != "the album ranking" || strings.Join(mc.Columns, ",") != "album,release_date" {
		t.Fatalf("Require: %v", err)
	}
	want := "the album ranking needs the column(s) album, release_date, which this catalog does not have"
	if err.Error() != want {
		t.Errorf("message %q, want %q", err.Error(), want)
	}
}

// TestEmbed projects a small synthetic catalog four ways and checks the
// embeddings file: its header, one row per track id, each reissue at its
// recording's point, the cohorts of the validation.
func TestEmbed(t *testing.T) {
	cat, v := testValidation(t, 120)
	e, err := Embed(cat, v, 42)
	if err != nil {
		t.Fatal(err)
	}
	if len(e.XY) != len(Projections) || len(e.Trustworthiness) != len(Projections) {
		t.Fatalf("%d projections, %d trustworthiness values", len(e.XY), len(e.Trustworthiness))
	}
	for p, tw := range e.Trustworthiness {
		// Two well-separated groups: every projection keeps neighbourhoods.
		if !(tw > 0.7 && tw <= 1) {
			t.Errorf("%s trustworthiness %v", Projections[p], tw)
		}
	}
	if !(e.TSNEKL > 0) {
		t.Errorf("t-SNE KL divergence %v", e.TSNEKL)
	}
	pos := map[string]int{}
	for i, id := range e.IDs {
		pos[id] = i
	}
	for i := range cat.Tracks {
		tr := &cat.Tracks[i]
		if tr.CanonicalID != tr.ID {
			for p := range e.XY {
				if e.XY[p][i] != e.XY[p][pos[tr.CanonicalID]] {
					t.Errorf("%s: reissue %s not at its recording's point", Projections[p], tr.ID)
				}
			}
		}
	}
	lines := strings.Split(strings.TrimSuffix(string(e.CSV()), "\n"), "\n")
	if lines[0] != "id,pca_1,pca_2,tsne_1,tsne_2,umap_1,umap_2,ica_1,ica_2,cohort" {
		t.Errorf("header %q", lines[0])
	}
	if len(lines) != 1+len(cat.Tracks) {
		t.Fatalf("%d rows for %d tracks", len(lines)-1, len(cat.Tracks))
	}
	for i, line := range lines[1:] {
		f := strings.Split(line, ",")
		if len(f) != 10 || f[0] != cat.Tracks[i].ID || f[9] != fmt.Sprint(v.Labels[i]) {
			t.Errorf("row %d %q: want id %s cohort %d", i, line, cat.Tracks[i].ID, v.Labels[i])
		}
	}
	fig, err := e.Figure(CohortNames(Profiles(cat, v.Labels, v.Chosen.K, 50)))
	if err != nil || !bytes.HasPrefix(fig.PNG, []byte("\x89PNG")) {
		t.Errorf("Figure: %v", err)
	}
}
