package songs

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// albumCatalog has six albums whose rankings are worked out by hand in
// TestAlbumsByPopularSongs; the file order differs from both rankings.
func albumCatalog() *Catalog {
	cat := &Catalog{Has: map[string]bool{Popularity: true, Album: true, ReleaseDate: true}}
	add := func(album string, year int, pops ...float64) {
		for _, p := range pops {
			n := len(cat.Tracks)
			cat.Tracks = append(cat.Tracks, Track{ID: testID(n), Name: fmt.Sprintf("%s track %d", album, n), Album: album,
				ReleaseDate: Date{Year: year, Month: 1, Day: 1}, Popularity: p})
		}
	}
	add("E", 1970, 20, 20)
	add("A", 1964, 60, 55, 10)
	add("D", 1980, 80)
	add("B", 1965, 50, 70) // 50 counts: popular means >= the threshold
	add("C", 1966, 51, 52)
	add("Aardvark", 1971, 20)
	return cat
}

func albumNames(as []AlbumPopularity) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Album)
	}
	return out
}

func TestAlbumsByPopularSongs(t *testing.T) {
	cat := albumCatalog()
	// By count at 50: A, B and C have 2 popular songs (means 41.67, 60,
	// 51.5), D has 1, E and Aardvark none at mean 20 (tie broken by name).
	got := AlbumsByPopularSongs(cat, 50)
	want := []string{"B", "C", "A", "D", "Aardvark", "E"}
	if g := albumNames(got); strings.Join(g, ",") != strings.Join(want, ",") {
		t.Fatalf("ranking %q, want %q", g, want)
	}
	a := got[2]
	if a.Tracks != 3 || a.PopularSongs != 2 || !near(a.Mean, 125.0/3, 1e-15) || !near(a.Share, 2.0/3, 1e-15) {
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

	tb := AlbumTable(got, 2, "top albums")
	rendersBoth(t, tb)
	if len(tb.Rows) != 2 || tb.Rows[0][1] != "B" || tb.Rows[1][column(t, tb, "% popular")] != "100.0" {
		t.Errorf("album table rows %q", tb.Rows)
	}
}

func TestThresholdSensitivity(t *testing.T) {
	tb := ThresholdSensitivity(albumCatalog(), []float64{50, 70}, []string{"midpoint", "high"})
	rendersBoth(t, tb)
	if len(tb.Rows) != 2 {
		t.Fatalf("%d rows, want 2", len(tb.Rows))
	}
	// 7 tracks reach 50 (60, 55, 80, 50, 70, 51, 52); 2 reach 70.
	want := [][]string{
		{"midpoint", "50", "7", "B (2)", "C (2)", "A (2)"},
		{"high", "70", "2", "D (1)", "B (1)", "C (0)"},
	}
	for i := range want {
		if strings.Join(tb.Rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d %q, want %q", i, tb.Rows[i], want[i])
		}
	}
}

func TestTopSongs(t *testing.T) {
	cat := albumCatalog()
	tb := TopSongs(cat, 3)
	rendersBoth(t, tb)
	if tb.Caption != "The 3 most popular tracks" || len(tb.Rows) != 3 {
		t.Fatalf("caption %q, %d rows", tb.Caption, len(tb.Rows))
	}
	// 80 (D), 70 (B), 60 (A).
	for i, want := range []string{"D track 5", "B track 7", "A track 2"} {
		if tb.Rows[i][1] != want || tb.Rows[i][0] != fmt.Sprint(i+1) {
			t.Errorf("row %d %q, want title %q", i, tb.Rows[i], want)
		}
	}
	if tb.Rows[0][column(t, tb, "popularity")] != "80" || tb.Rows[0][column(t, tb, "released")] != "1980-01-01" {
		t.Errorf("first row %q", tb.Rows[0])
	}
	// Equal popularity: by title.
	tie := &Catalog{Tracks: []Track{{Name: "b", Popularity: 5}, {Name: "a", Popularity: 5}}}
	if r := TopSongs(tie, 5).Rows; len(r) != 2 || r[0][1] != "a" {
		t.Errorf("tie rows %q, want a first", r)
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
		if !near(got.Mean[i], w.Mean, 1e-12) || !near(got.Lo[i], w.Lo, 1e-9) || !near(got.Hi[i], w.Hi, 1e-9) {
			t.Errorf("%d: mean %v [%v, %v], want %v [%v, %v]", w.Year, got.Mean[i], got.Lo[i], got.Hi[i], w.Mean, w.Lo, w.Hi)
		}
	}
}

func TestMeansByYear(t *testing.T) {
	g := readGoldenDomain(t)
	cat := syntheticCatalog(t, g)
	checkYearMeans(t, MeansByYear(cat, Popularity), g.Synthetic.YearMeans)

	// A track without a release year is left out.
	cat.Tracks = append(cat.Tracks, Track{Popularity: 99})
	checkYearMeans(t, MeansByYear(cat, Popularity), g.Synthetic.YearMeans)

	m, n := MeanOver(albumCatalog(), Popularity, 1964, 1966)
	if n != 7 || !near(m, (60+55+10+50+70+51+52)/7.0, 1e-15) {
		t.Errorf("MeanOver 1964-66 = %v over %d, want 49.71 over 7", m, n)
	}
	s := EarlyLateSummary(albumCatalog())
	// First year 1964 (1964-68: A, B, C), last 1980 (1976-80: D).
	for _, want := range []string{"1964-1968", "**49.71**", "(7 tracks)", "1976-1980", "**80.00**", "(1 tracks)"} {
		if !strings.Contains(s, want) {
			t.Errorf("summary %q lacks %q", s, want)
		}
	}
	fig, err := PopularityByYearChart(albumCatalog())
	if err != nil || !bytes.HasPrefix(fig.PNG, []byte("\x89PNG")) {
		t.Errorf("PopularityByYearChart: %v", err)
	}
}

func TestRecommendAlbums(t *testing.T) {
	cat := albumCatalog()
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
	s := r.Summary(cat, []float64{40, 70})
	// 7 of 11 tracks have popularity >= 50; sorted, the popularities are
	// 10 20 20 20 50 51 52 55 60 70 80, so the median is 51 and the type-7
	// 90th percentile the 10th value, 70. At 40 the leaders are again B and
	// C; at 70 they are D and B.
	for _, want := range []string{"7 of 11 tracks (63.6%) count as popular", "median track has popularity 51", "90th percentile is 70", "B (2 popular songs) and C (2)", "at 1 of the 2 other thresholds"} {
		if !strings.Contains(s, want) {
			t.Errorf("summary %q lacks %q", s, want)
		}
	}
	one := &Catalog{Tracks: []Track{{Album: "X", Popularity: 60}}}
	if s := RecommendAlbums(one, 50).Summary(one, nil); !strings.Contains(s, "Fewer than two albums") {
		t.Errorf("one album: %q", s)
	}
}

// TestPopularityRealCatalog compares the album rankings, the top songs and
// the per-year intervals on the cleaned course catalog with pandas and
// SciPy (testdata/gen_golden_domain.py).
func TestPopularityRealCatalog(t *testing.T) {
	cat := realClean(t).Tracks
	g := readGoldenDomain(t).Real
	cmp := func(name string, got []AlbumPopularity, want []goldenAlbumT) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("%s: %d albums, want %d", name, len(got), len(want))
		}
		for i, w := range want {
			a := got[i]
			if a.Album != w.Album || a.Tracks != w.Tracks || a.PopularSongs != w.PopularSongs || !near(a.Mean, w.Mean, 1e-12) {
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
	if byMean[0].Album != "Sticky Fingers (Remastered)" || ftoa(byMean[0].Mean, 1) != "53.3" ||
		byMean[1].Album != "Some Girls" || ftoa(byMean[1].Mean, 1) != "48.1" {
		t.Errorf("mean ranking starts %+v, %+v", byMean[0], byMean[1])
	}

	r := RecommendAlbums(cat, th)
	s := r.Summary(cat, []float64{40, 60, 70})
	for _, a := range g.AlbumsByPopularSongs.Albums[:2] {
		if !strings.Contains(s, a.Album) {
			t.Errorf("summary does not name %q: %s", a.Album, s)
		}
	}

	tb := TopSongs(cat, len(g.TopSongs.Songs))
	for i, w := range g.TopSongs.Songs {
		if tb.Rows[i][1] != w.Name || tb.Rows[i][4] != ftoa(w.Popularity, 0) {
			t.Errorf("top song %d %q, want %q %v (%s)", i+1, tb.Rows[i], w.Name, w.Popularity, g.TopSongs.Source)
		}
	}
	if tb.Rows[0][1] != "Paint It, Black" || tb.Rows[0][4] != "80" {
		t.Errorf("most popular %q, want Paint It, Black 80 (ORIGINAL-STUDY.md)", tb.Rows[0])
	}
	checkYearMeans(t, MeansByYear(cat, Popularity), g.YearMeans.Years)
}
