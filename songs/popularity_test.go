package songs

import (
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
)

// checkYearMeans compares MeansByYear with the golden t-intervals
// (scipy.stats.t.interval(0.95, n-1, loc=mean, scale=sem)).
func checkYearMeans(t *testing.T, got YearMeans, want []goldenYearMean) {
	t.Helper()
	if len(got.Year) != len(want) {
		t.Fatalf("%d years, want %d", len(got.Year), len(want))
	}
	for i, w := range want {
		if int(got.Year[i]) != w.Year || got.N[i] != w.N {
			t.Errorf("year %v n %d, want %d and %d", got.Year[i], got.N[i], w.Year, w.N)
		}
		if !studytest.Near(got.Mean[i], w.Mean, 1e-12) || !studytest.Near(got.Lo[i], w.Lo, 1e-9) || !studytest.Near(got.Hi[i], w.Hi, 1e-9) {
			t.Errorf("%d: mean %v [%v, %v], want %v [%v, %v]", w.Year, got.Mean[i], got.Lo[i], got.Hi[i], w.Mean, w.Lo, w.Hi)
		}
	}
}

func TestMeansByYear(t *testing.T) {
	g := readGoldenDomain(t)
	cat := syntheticCatalog(t, g)
	checkYearMeans(t, MeansByYear(cat, catalog.Popularity), g.Synthetic.YearMeans)

	// A track without a release year is left out.
	cat.Tracks = append(cat.Tracks, catalog.Track{Popularity: 99})
	checkYearMeans(t, MeansByYear(cat, catalog.Popularity), g.Synthetic.YearMeans)

	m, n := MeanOver(studytest.AlbumCatalog(), catalog.Popularity, 1964, 1966)
	if n != 7 || !studytest.Near(m, (60+55+10+50+70+51+52)/7.0, 1e-15) {
		t.Errorf("MeanOver 1964-66 = %v over %d, want 49.71 over 7", m, n)
	}
}

// TestTopSongs ranks by popularity, equal popularity by title.
func TestTopSongs(t *testing.T) {
	// AlbumCatalog: 80 (D), 70 (B), 60 (A).
	top := TopSongs(studytest.AlbumCatalog(), 3)
	for i, want := range []string{"D track 5", "B track 7", "A track 2"} {
		if len(top) != 3 || top[i].Name != want {
			t.Fatalf("top songs %+v, want %q at %d", top, want, i)
		}
	}
	tie := &catalog.Catalog{Tracks: []catalog.Track{{Name: "b", Popularity: 5}, {Name: "a", Popularity: 5}}}
	if r := TopSongs(tie, 5); len(r) != 2 || r[0].Name != "a" {
		t.Errorf("tie %+v, want a first", r)
	}
}

// TestYearMeansRealCatalog compares the per-year t-intervals of the
// cleaned course catalog with SciPy (testdata/gen_golden_domain.py) and
// the top songs with pandas.
func TestYearMeansRealCatalog(t *testing.T) {
	cat := studytest.RealCleaned(t).Tracks
	g := readGoldenDomain(t).Real
	top := TopSongs(cat, len(g.TopSongs.Songs))
	for i, w := range g.TopSongs.Songs {
		if top[i].Name != w.Name || top[i].Popularity != w.Popularity {
			t.Errorf("top song %d %q %v, want %q %v (%s)", i+1, top[i].Name, top[i].Popularity, w.Name, w.Popularity, g.TopSongs.Source)
		}
	}
	if top[0].Name != "Paint It, Black" || top[0].Popularity != 80 {
		t.Errorf("most popular %q %v, want Paint It, Black 80 (ORIGINAL-STUDY.md)", top[0].Name, top[0].Popularity)
	}
	checkYearMeans(t, MeansByYear(cat, catalog.Popularity), g.YearMeans.Years)
}
