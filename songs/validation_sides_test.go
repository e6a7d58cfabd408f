package songs

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/cluster"
	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
)

// hierarchyCatalog has n studio tracks of two sounds (energetic and
// electric, or soft and acoustic: two features apart), then n/2 live
// tracks drawn from one Gaussian (seven features away from both), then a
// reissue of every tenth track. It returns the design: 0 and 1 for the two
// studio sounds, 2 for live.
func hierarchyCatalog(n int, seed uint64) (*catalog.Catalog, []int) {
	rng := rand.New(rand.NewPCG(seed, 3))
	cat := &catalog.Catalog{Has: map[string]bool{catalog.Popularity: true, catalog.Album: true, catalog.ReleaseDate: true}}
	// Means of acousticness, danceability, energy, instrumentalness,
	// liveness, loudness, speechiness, tempo, valence and duration.
	means := [3][10]float64{
		{0.15, 0.6, 0.8, 0.1, 0.1, -8, 0.1, 115, 0.65, 210000},
		{0.6, 0.6, 0.45, 0.1, 0.1, -8, 0.1, 115, 0.65, 210000},
		{0.35, 0.35, 0.65, 0.1, 0.9, -5, 0.2, 140, 0.4, 290000},
	}
	sds := [10]float64{0.02, 0.02, 0.02, 0.015, 0.02, 0.5, 0.015, 3, 0.02, 6000}
	var design []int
	add := func(g int) {
		i := len(cat.Tracks)
		tr := catalog.Track{ID: catalogtest.ID(i), Name: fmt.Sprintf("Song %d", i), Album: fmt.Sprintf("Album %d", i%5),
			ReleaseDate: catalog.Date{Year: 1970 + i%30}, Popularity: float64(i % 80)}
		if g == 2 {
			tr.Name += " - Live"
		}
		for j := range tr.Audio {
			tr.Audio[j] = means[g][j] + sds[j]*rng.NormFloat64()
		}
		tr.DurationMS = means[g][9] + sds[9]*rng.NormFloat64()
		cat.Tracks = append(cat.Tracks, tr)
		design = append(design, g)
	}
	for i := 0; i < n; i++ {
		add(i % 2)
	}
	for i := 0; i < n/2; i++ {
		add(2)
	}
	for i := 0; i < len(design); i += 10 {
		re := cat.Tracks[i]
		re.ID, re.Name, re.ReleaseDate = catalogtest.ID(len(cat.Tracks)), re.Name+" - Remastered", catalog.Date{Year: 2009}
		cat.Tracks = append(cat.Tracks, re)
		design = append(design, design[i])
	}
	catalog.Reissues(cat.Tracks)
	return cat, design
}

// checkHierarchy checks the two levels against the design: the studio
// cohort splits into its two sounds, the live cohort (one Gaussian) stays
// whole, and a reissue shares its recording's sub-cohort.
func checkHierarchy(t *testing.T, cat *catalog.Catalog, v *Validation, design []int, minARI float64) {
	t.Helper()
	if v.Chosen.K != 2 || len(v.Sides) != 2 || len(v.SubLabels) != len(cat.Tracks) {
		t.Fatalf("chose k = %d with %d sides and %d sub-labels", v.Chosen.K, len(v.Sides), len(v.SubLabels))
	}
	studio := v.Labels[0] // track 0 is a studio track
	var top, topWant, sub, subWant []int
	for i, g := range design {
		top, topWant = append(top, v.Labels[i]), append(topWant, g/2)
		if g < 2 {
			sub, subWant = append(sub, v.SubLabels[i]), append(subWant, g)
		} else if v.SubLabels[i] != 0 {
			t.Errorf("live track %d in sub-cohort %d of a cohort that stays whole", i, v.SubLabels[i])
		}
	}
	if a := cluster.AdjustedRandIndex(top, topWant); a != 1 {
		t.Errorf("cohorts agree with studio/live with ARI %v", a)
	}
	if a := cluster.AdjustedRandIndex(sub, subWant); a < minARI {
		t.Errorf("studio sub-cohorts agree with the two sounds with ARI %v, want at least %v", a, minARI)
	}
	s, l := v.Sides[studio], v.Sides[1-studio]
	if s.K != 2 || !s.Check.Null.Beaten() || s.Check.Stability.Mean < 0.9 || s.Best.Algorithm != v.Chosen.Algorithm {
		t.Errorf("studio side: k %d, best %+v, reference %v, stability %v", s.K, s.Best, s.Check.Null.P, s.Check.Stability.Mean)
	}
	if l.K != 1 || l.Check.Null.Beaten() {
		t.Errorf("live side (one Gaussian): k %d, reference p %v, stability %v", l.K, l.Check.Null.P, l.Check.Stability.Mean)
	}
	id := map[string]int{}
	for i := range cat.Tracks {
		id[cat.Tracks[i].ID] = i
	}
	for i := range cat.Tracks {
		if c := id[cat.Tracks[i].CanonicalID]; v.SubLabels[i] != v.SubLabels[c] || v.Labels[i] != v.Labels[c] {
			t.Errorf("reissue %d in %d.%d, its recording in %d.%d", i, v.Labels[i], v.SubLabels[i], v.Labels[c], v.SubLabels[c])
		}
	}
}

// TestValidateSubcohorts validates a catalog with a known hierarchy: the
// studio cohort holds two sounds, the live cohort none beyond one
// Gaussian.
func TestValidateSubcohorts(t *testing.T) {
	cat, design := hierarchyCatalog(240, 5)
	v, err := Validate(cat, DefaultPlan(), 42, 2)
	if err != nil {
		t.Fatal(err)
	}
	checkHierarchy(t, cat, v, design, 1)
}

// TestValidateSubcohortsSampled runs the same catalog above a small
// MaxRows: the sides are clustered on the seeded sample and every other
// recording joins the nearest sub-cohort centre of its cohort.
func TestValidateSubcohortsSampled(t *testing.T) {
	cat, design := hierarchyCatalog(240, 5)
	plan := DefaultPlan()
	plan.MaxRows = 200
	v, err := Validate(cat, plan, 42, 2)
	if err != nil {
		t.Fatal(err)
	}
	if v.Improved.Sample == nil || v.Improved.N != 200 {
		t.Fatalf("validated %d rows, sample %v", v.Improved.N, v.Improved.Sample != nil)
	}
	checkHierarchy(t, cat, v, design, 1)
}

// TestValidateWithoutSubcohorts leaves every track in one sub-cohort of
// its cohort and checks only the chosen k.
func TestValidateWithoutSubcohorts(t *testing.T) {
	cat, _ := hierarchyCatalog(120, 6)
	plan := DefaultPlan()
	plan.Subcohorts, plan.SensitivityK = false, nil
	v, err := Validate(cat, plan, 42, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Sides) != 0 || len(v.Checks) != 1 || v.Checks[0].K != v.Chosen.K {
		t.Errorf("%d sides, checks %+v", len(v.Sides), v.Checks)
	}
	for i, s := range v.SubLabels {
		if s != 0 {
			t.Fatalf("track %d in sub-cohort %d", i, s)
		}
	}
}
