package songs

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
)

func TestProfiles(t *testing.T) {
	cat, labels := studytest.ProfileCatalog()
	cs := studytest.Must(Profiles(cat, labels, 2, 50))(t)
	if len(cs) != 2 {
		t.Fatalf("%d cohorts", len(cs))
	}
	a, e := catalog.FeatureIndex(catalog.Acousticness), catalog.FeatureIndex(catalog.Energy)
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
		if got.ID != c || got.Size != w.size || !studytest.Near(got.Z[a], w.z[0], 1e-14) || !studytest.Near(got.Z[e], w.z[1], 1e-14) {
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

func TestRequire(t *testing.T) {
	cat := &catalog.Catalog{Has: map[string]bool{catalog.Popularity: true}}
	if err := cat.Require("the album ranking", catalog.Popularity); err != nil {
		t.Errorf("Require of a present column: %v", err)
	}
	err := cat.Require("the album ranking", catalog.Album, catalog.Popularity, catalog.ReleaseDate)
	var mc *catalog.MissingColumnError
	if !errors.As(err, &mc) || mc.Step != "the album ranking" || strings.Join(mc.Columns, ",") != "album,release_date" {
		t.Fatalf("Require: %v", err)
	}
	want := "This catalog has no album or release_date columns, so the album ranking does not apply."
	if err.Error() != want {
		t.Errorf("message %q, want %q", err.Error(), want)
	}
}

// TestEmbed projects a small synthetic catalog four ways and checks the
// embeddings file: its header, one row per track id, each reissue at its
// recording's point, the cohorts of the validation.
func TestEmbed(t *testing.T) {
	cat, v := testValidation(t, 120)
	e, err := Embed(cat, v, DefaultProjectors(42))
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
}

func TestNearestToCentre(t *testing.T) {
	cat, labels := studytest.CentreCatalog()
	cs := studytest.Must(Profiles(cat, labels, 2, 50))(t)
	near := studytest.Must(NearestToCentre(cat, labels, cs, 2))(t)
	var got []string
	for _, nt := range near {
		got = append(got, fmt.Sprintf("%d %s %.2f", nt.Cohort, cat.Tracks[nt.Track].Name, nt.Distance))
	}
	// By hand: acousticness 1, 1.1, 3, 1.7, 10, 12 has mean 4.8 and
	// population sd 4.4695, so z = -0.8502, -0.8278, -0.4027, -0.6936,
	// 1.1634, 1.6109 (the other features are constant: z 0). Cohort 0's
	// centre is -0.6936, cohort 1's 1.3872: Angie lies 0.1342 from its
	// centre, Brown Sugar 0.2909, Far and Further 0.2237.
	want := []string{"0 Angie 0.13", "0 Brown Sugar 0.29", "1 Far 0.22", "1 Further 0.22"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("nearest %q, want %q", got, want)
	}
}
