package songs

import (
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
)

func TestLiveByTitle(t *testing.T) {
	for _, c := range []struct {
		name, album string
		live        bool
	}{
		{"Live With Me", "Let It Bleed", false}, // the word starts a studio title
		{"Miss You - Live", "Some Girls", true},
		{"Start Me Up - Live At The Hollywood Palladium", "Tattoo You", true},
		{"Sympathy For The Devil (Live)", "Beggars Banquet", true},
		{"Midnight Rambler [Live]", "Let It Bleed", true},
		{"Brown Sugar - Remastered 2009", "Sticky Fingers", false},
		{"Oliver", "Delivered", false}, // "live" inside a word is not the word
		{"Angie", "Licked Live In NYC", true},
		{"Honky Tonk Women", "Love You Live", true},
		{"Satisfaction", "Get Yer Ya-Ya's Out! The Rolling Stones In Concert", true},
		{"Paint It, Black", "Aftermath", false},
	} {
		tr := catalog.Track{Name: c.name, Album: c.album}
		if got := LiveByTitle(&tr); got != c.live {
			t.Errorf("LiveByTitle(%q on %q) = %v, want %v", c.name, c.album, got, c.live)
		}
	}
}

func TestLiveByLiveness(t *testing.T) {
	for _, c := range []struct {
		liveness float64
		live     bool
	}{{0.1, false}, {0.8, false}, {0.8000001, true}, {0.95, true}} {
		var tr catalog.Track
		tr.Audio[catalog.FeatureIndex(catalog.Liveness)] = c.liveness
		if got := LiveByLiveness(&tr); got != c.live {
			t.Errorf("LiveByLiveness(liveness %v) = %v, want %v (threshold > %v)", c.liveness, got, c.live, catalog.LiveLiveness)
		}
	}
}

func TestCompareLiveFlags(t *testing.T) {
	want := [2][2]int{{40, 10}, {5, 45}}
	a := CompareLiveFlags(studytest.LiveCatalog(want))
	if a.Counts != want {
		t.Fatalf("counts %v, want %v", a.Counts, want)
	}
	// By hand: n = 100, observed agreement (40+45)/100 = 0.85; the title
	// flag says live for 50/100, liveness for 55/100, so chance agreement
	// is 0.5*0.55 + 0.5*0.45 = 0.5 and kappa = (0.85-0.5)/(1-0.5) = 0.7.
	if got := a.Agreement(); !studytest.Near(got, 0.85, 1e-15) {
		t.Errorf("agreement %v, want 0.85", got)
	}
	if got := a.Kappa(); !studytest.Near(got, 0.7, 1e-14) {
		t.Errorf("kappa %v, want 0.7", got)
	}
	// Perfect agreement gives kappa 1.
	if got := (LiveAgreement{Counts: [2][2]int{{3, 0}, {0, 7}}}).Kappa(); got != 1 {
		t.Errorf("kappa of a diagonal table %v, want 1", got)
	}
}

// TestLiveFlagsRealCatalog compares the flags on the cleaned course
// catalog with the golden script, which replicates live.go's regular
// expressions with Python's re and computes kappa with
// sklearn.metrics.cohen_kappa_score.
func TestLiveFlagsRealCatalog(t *testing.T) {
	cat := studytest.RealCleaned(t).Tracks
	g := readGoldenDomain(t).Real.LiveFlags
	a := CompareLiveFlags(cat)
	if a.Counts != g.Counts {
		t.Errorf("counts %v, want %v (%s)", a.Counts, g.Counts, g.Source)
	}
	if !studytest.Near(a.Agreement(), g.Agreement, 1e-12) || !studytest.Near(a.Kappa(), g.Kappa, 1e-12) {
		t.Errorf("agreement %v kappa %v, want %v and %v", a.Agreement(), a.Kappa(), g.Agreement, g.Kappa)
	}
}
