package songs

import (
	"fmt"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
)

func TestAlbumsByPopularSongs(t *testing.T) {
	cat := studytest.AlbumCatalog()
	// By count at 50: A, B and C have 2 popular songs (means 41.67, 60,
	// 51.5), D has 1, E and Aardvark none at mean 20 (tie broken by name).
	got := AlbumsByPopularSongs(cat, 50)
	want := []string{"B", "C", "A", "D", "Aardvark", "E"}
	if g := albumNames(got); strings.Join(g, ",") != strings.Join(want, ",") {
		t.Fatalf("ranking %q, want %q", g, want)
	}
	a := got[2]
	if a.Tracks != 3 || a.PopularSongs != 2 || !studytest.Near(a.Mean, 125.0/3, 1e-15) || !studytest.Near(a.Share, 2.0/3, 1e-15) {
		t.Errorf("album A: %+v", a)
	}
	// By mean: D 80, B 60, C 51.5, A 41.67, then the tie at 20 by name.
	byMean := AlbumsByMeanPopularity(cat, 50)
	want = []string{"D", "B", "C", "A", "Aardvark", "E"}
	if g := albumNames(byMean); strings.Join(g, ",") != strings.Join(want, ",") {
		t.Errorf("mean ranking %q, want %q", g, want)
	}
	if byMean[0].PopularSongs != 1 {
		t.Errorf("mean ranking lost the popular-song count: %+v", byMean[0])
	}
	// At 70 only B (70) and D (80) have one popular song each: B's mean
	// 60 is below D's 80.
	if g := albumNames(AlbumsByPopularSongs(cat, 70))[:2]; g[0] != "D" || g[1] != "B" {
		t.Errorf("ranking at 70 starts %q, want D, B", g)
	}
}

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

func TestRecommendAlbums(t *testing.T) {
	cat := studytest.AlbumCatalog()
	r := RecommendAlbums(cat, 50)
	m := r.Metrics()
	if m["threshold"] != 50.0 || m["rule"] != "popularity >= 50" {
		t.Errorf("metrics %v", m)
	}
	albums, ok := m["albums"].([]map[string]any)
	if !ok {
		t.Fatalf("albums is %T", m["albums"])
	}
	// Albums with at least one popular song, the two recommended first.
	want := []struct {
		album string
		n     int
	}{{"B", 2}, {"C", 2}, {"A", 2}, {"D", 1}}
	if len(albums) != len(want) {
		t.Fatalf("albums %v, want %v", albums, want)
	}
	for i, w := range want {
		if albums[i]["album"] != w.album || albums[i]["popular_songs"] != w.n || len(albums[i]) != 2 {
			t.Errorf("album %d %v, want %v", i, albums[i], w)
		}
	}
}

// TestPopularityRealCatalog compares the album rankings, the top songs and
// the per-year intervals on the cleaned course catalog with pandas and
// SciPy (testdata/gen_golden_domain.py).
func TestPopularityRealCatalog(t *testing.T) {
	cat := studytest.RealCleaned(t).Tracks
	g := readGoldenDomain(t).Real
	cmp := func(name string, got []AlbumPopularity, want []goldenAlbumT) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("%s: %d albums, want %d", name, len(got), len(want))
		}
		for i, w := range want {
			a := got[i]
			if a.Album != w.Album || a.Tracks != w.Tracks || a.PopularSongs != w.PopularSongs || !studytest.Near(a.Mean, w.Mean, 1e-12) {
				t.Errorf("%s rank %d: %+v, want %+v", name, i+1, a, w)
			}
		}
	}
	th := g.AlbumsByPopularSongs.Threshold
	cmp("by popular songs", AlbumsByPopularSongs(cat, th), g.AlbumsByPopularSongs.Albums)
	cmp("by mean", AlbumsByMeanPopularity(cat, th), g.AlbumsByMean.Albums)
	// ORIGINAL-STUDY.md: the original recommended Sticky Fingers
	// (Remastered) 53.3 and Some Girls 48.1 by mean popularity.
	byMean := AlbumsByMeanPopularity(cat, th)
	if byMean[0].Album != "Sticky Fingers (Remastered)" || fmt.Sprintf("%.1f", byMean[0].Mean) != "53.3" ||
		byMean[1].Album != "Some Girls" || fmt.Sprintf("%.1f", byMean[1].Mean) != "48.1" {
		t.Errorf("mean ranking starts %+v, %+v", byMean[0], byMean[1])
	}

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

// albumNames lists the albums of a ranking in order.
func albumNames(as []AlbumPopularity) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Album)
	}
	return out
}
