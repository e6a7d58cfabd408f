package songs

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
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
	// from its mean. Medians: acousticness (0+2)/2 = 1 and (4+6)/2 = 5,
	// energy 1 and (1+5)/2 = 3. Both cohorts share every level word
	// (acoustic, high-energy, ...), so the names hold the setting only:
	// cohort 1 has one live title of two.
	want := []struct {
		z, median     [2]float64
		pop, popShare float64
		liveShare     float64
		size          int
		name          string
	}{
		{[2]float64{-2 / math.Sqrt(5), -1 / math.Sqrt(3)}, [2]float64{1, 1}, 35, 0.5, 0, 2, "Studio"},
		{[2]float64{2 / math.Sqrt(5), 1 / math.Sqrt(3)}, [2]float64{5, 3}, 65, 1, 0.5, 2, "Live"},
	}
	for c, w := range want {
		got := cs[c]
		if got.ID != c || got.Parent != -1 || got.Label != strconv.Itoa(c) || got.Size != w.size || got.Recordings != w.size ||
			!studytest.Near(got.Z[a], w.z[0], 1e-14) || !studytest.Near(got.Z[e], w.z[1], 1e-14) ||
			got.Median[a] != w.median[0] || got.Median[e] != w.median[1] {
			t.Errorf("cohort %d: %+v, want z %v, medians %v", c, got, w.z, w.median)
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

// TestLevelWord checks the boundaries of the absolute levels: the data
// dictionary's "above 0.8" (liveness), "above 0.5" (instrumentalness) and
// 0.33 / 0.66 (speechiness) thresholds, and a level's lower bound
// belonging to it.
func TestLevelWord(t *testing.T) {
	for _, c := range []struct {
		feature string
		value   float64
		want    string
	}{
		{catalog.Energy, 0.39, "soft"}, {catalog.Energy, 0.4, "mellow"}, {catalog.Energy, 0.79, "energetic"},
		{catalog.Energy, 0.8, "high-energy"}, {catalog.Energy, 1, "high-energy"},
		{catalog.Liveness, 0.8, "studio"}, {catalog.Liveness, 0.81, "live"},
		{catalog.Instrumentalness, 0.5, "vocal"}, {catalog.Instrumentalness, 0.51, "instrumental"},
		{catalog.Speechiness, 0.32, "music"}, {catalog.Speechiness, 0.33, "music and speech"},
		{catalog.Speechiness, 0.66, "music and speech"}, {catalog.Speechiness, 0.67, "spoken word"},
		{catalog.Tempo, 94.9, "slow"}, {catalog.Tempo, 125, "fast"},
		{catalog.Loudness, -12.5, "quiet"}, {catalog.Loudness, -6, "loud"},
		{catalog.DurationMS, 179999, "short"}, {catalog.DurationMS, 300000, "long"},
	} {
		if got := LevelWord(c.feature, c.value); got != c.want {
			t.Errorf("LevelWord(%s, %v) = %q, want %q", c.feature, c.value, got, c.want)
		}
	}
	for _, f := range ProfileFeatures {
		if len(FeatureLevels[f]) < 2 {
			t.Errorf("no levels for %s", f)
		}
	}
}

// namedCohort is a cohort for nameSiblings: medians of the profile
// features (0.5 where not given, tempo 110, loudness -8 dB, 4 minutes),
// its live share and its distance from its parent in standard deviations.
func namedCohort(live float64, med, dz map[string]float64) (*Cohort, []float64) {
	c := &Cohort{LiveShare: live, Median: make([]float64, len(ProfileFeatures))}
	d := make([]float64, len(ProfileFeatures))
	for j, f := range ProfileFeatures {
		c.Median[j] = map[string]float64{catalog.Tempo: 110, catalog.Loudness: -8, catalog.DurationMS: 240000, catalog.Liveness: 0.2}[f]
		if c.Median[j] == 0 {
			c.Median[j] = 0.5
		}
		if v, ok := med[f]; ok {
			c.Median[j] = v
		}
		d[j] = dz[f]
	}
	return c, d
}

// TestNameSiblingsAbsolute names the course catalog's situation by hand:
// a studio cohort less energetic than a live one, but with a median energy
// of 0.85, is not called calm, soft or mellow; the words come from the
// features on which each differs most (danceability, then valence; the
// energy word "high-energy" is shared, so it names neither).
func TestNameSiblingsAbsolute(t *testing.T) {
	studio, dz0 := namedCohort(0.05, map[string]float64{catalog.Energy: 0.85, catalog.Valence: 0.8, catalog.Danceability: 0.65, catalog.Liveness: 0.15},
		map[string]float64{catalog.Energy: -0.5, catalog.Valence: 0.8, catalog.Danceability: 1.0, catalog.Liveness: -1.2})
	live, dz1 := namedCohort(0.85, map[string]float64{catalog.Energy: 0.95, catalog.Valence: 0.45, catalog.Danceability: 0.35, catalog.Liveness: 0.9},
		map[string]float64{catalog.Energy: 0.5, catalog.Valence: -0.8, catalog.Danceability: -1.0, catalog.Liveness: 1.2})
	nameSiblings([]*Cohort{studio, live}, [][]float64{dz0, dz1})
	if studio.Name != "Studio: danceable, bright" || live.Name != "Live: loose groove, bittersweet" {
		t.Errorf("names %q and %q", studio.Name, live.Name)
	}
	if studio.Traits[0].Feature != catalog.Danceability || studio.Traits[0].Median != 0.65 {
		t.Errorf("studio traits %+v", studio.Traits)
	}
}

// TestNameSiblingsThirdTrait gives two of three siblings the same first
// two words: a third trait (tempo, slow against fast) tells them apart.
func TestNameSiblingsThirdTrait(t *testing.T) {
	a, da := namedCohort(0, map[string]float64{catalog.Danceability: 0.7, catalog.Valence: 0.7, catalog.Tempo: 90},
		map[string]float64{catalog.Danceability: 1, catalog.Valence: 0.9, catalog.Tempo: -0.5})
	b, db := namedCohort(0, map[string]float64{catalog.Danceability: 0.7, catalog.Valence: 0.7, catalog.Tempo: 140},
		map[string]float64{catalog.Danceability: 1, catalog.Valence: 0.9, catalog.Tempo: 0.5})
	c, dc := namedCohort(0, map[string]float64{catalog.Danceability: 0.3, catalog.Valence: 0.2, catalog.Tempo: 110},
		map[string]float64{catalog.Danceability: -2, catalog.Valence: -1.8})
	nameSiblings([]*Cohort{a, b, c}, [][]float64{da, db, dc})
	want := []string{"Studio: danceable, bright, slow", "Studio: danceable, bright, fast", "Studio: loose groove, dark, mid-tempo"}
	for i, co := range []*Cohort{a, b, c} {
		if co.Name != want[i] {
			t.Errorf("sibling %d named %q, want %q", i, co.Name, want[i])
		}
	}
}

// TestSubcohortProfiles splits cohort 0 of a hand-made catalog into two
// sub-cohorts and leaves cohort 1 whole: labels, sizes, names told apart
// from the sibling, the whole cohort keeping its cohort's name, and the
// typical examples of each.
func TestSubcohortProfiles(t *testing.T) {
	cat := &catalog.Catalog{Has: map[string]bool{catalog.Popularity: true}}
	add := func(name string, energy, acoustic, pop float64) {
		tr := catalog.Track{ID: catalogtest.ID(len(cat.Tracks)), Name: name, Popularity: pop, DurationMS: 240000}
		tr.CanonicalID = tr.ID
		for j := range tr.Audio {
			tr.Audio[j] = 0.5
		}
		tr.Audio[catalog.FeatureIndex(catalog.Liveness)] = 0.1
		tr.Audio[catalog.FeatureIndex(catalog.Energy)], tr.Audio[catalog.FeatureIndex(catalog.Acousticness)] = energy, acoustic
		cat.Tracks = append(cat.Tracks, tr)
	}
	// Each sub-cohort's third track lies at its centre (the mean of the
	// other two).
	add("Rocker A", 0.9, 0.05, 40)
	add("Rocker B", 0.95, 0.1, 70)
	add("Rocker C", 0.925, 0.075, 10)
	add("Ballad A", 0.3, 0.8, 20)
	add("Ballad B", 0.35, 0.7, 60)
	add("Ballad C", 0.325, 0.75, 10)
	add("Mid A", 0.6, 0.3, 10)
	add("Mid B", 0.65, 0.35, 30)
	add("Mid C", 0.625, 0.325, 10)
	labels, sub := []int{0, 0, 0, 0, 0, 0, 1, 1, 1}, []int{0, 0, 0, 1, 1, 1, 0, 0, 0}
	cs := studytest.Must(Profiles(cat, labels, 2, 50))(t)
	subs := studytest.Must(SubcohortProfiles(cat, labels, sub, cs, 50))(t)
	if len(subs) != 3 {
		t.Fatalf("%d sub-cohorts, want 3", len(subs))
	}
	for i, w := range []struct {
		parent, id, size int
		label            string
	}{{0, 0, 3, "0.0"}, {0, 1, 3, "0.1"}, {1, 0, 3, "1.0"}} {
		if s := subs[i]; s.Parent != w.parent || s.ID != w.id || s.Size != w.size || s.Label != w.label {
			t.Errorf("sub-cohort %d: %+v", i, s)
		}
	}
	// Medians: energy 0.925 and acousticness 0.075 for the rockers (z
	// above their cohort), 0.325 and 0.75 for the ballads.
	if subs[0].Name != "Studio: high-energy, electric" || subs[1].Name != "Studio: soft, acoustic" {
		t.Errorf("sibling names %q and %q", subs[0].Name, subs[1].Name)
	}
	if subs[2].Name != cs[1].Name {
		t.Errorf("the whole cohort is named %q, its cohort %q", subs[2].Name, cs[1].Name)
	}
	ex := studytest.Must(SubcohortExamples(cat, labels, sub, subs, 1))(t)
	if fmt.Sprint(ex) != "[[2] [5] [8]]" {
		t.Errorf("examples %v, want the tracks at the centres, [[2] [5] [8]]", ex)
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
