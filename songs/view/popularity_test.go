package view_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
	"github.com/songcohorts/cohorts/songs/view"
)

func TestThresholdSensitivity(t *testing.T) {
	tb := view.ThresholdSensitivity(studytest.AlbumCatalog(), []float64{50, 70}, []string{"midpoint", "high"})
	studytest.RendersBoth(t, tb)
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

func TestTopSongsTable(t *testing.T) {
	cat := studytest.AlbumCatalog()
	tb := view.TopSongsTable(songs.TopSongs(cat, 3))
	studytest.RendersBoth(t, tb)
	if tb.Caption != "The 3 most popular tracks" || len(tb.Rows) != 3 {
		t.Fatalf("caption %q, %d rows", tb.Caption, len(tb.Rows))
	}
	// 80 (D), 70 (B), 60 (A).
	for i, want := range []string{"D track 5", "B track 7", "A track 2"} {
		if tb.Rows[i][1] != want || tb.Rows[i][0] != fmt.Sprint(i+1) {
			t.Errorf("row %d %q, want title %q", i, tb.Rows[i], want)
		}
	}
	if tb.Rows[0][studytest.Column(t, tb, "popularity")] != "80" || tb.Rows[0][studytest.Column(t, tb, "released")] != "1980-01-01" {
		t.Errorf("first row %q", tb.Rows[0])
	}
	// Equal popularity: by title.
	tie := &catalog.Catalog{Tracks: []catalog.Track{{Name: "b", Popularity: 5}, {Name: "a", Popularity: 5}}}
	if r := view.TopSongsTable(songs.TopSongs(tie, 5)).Rows; len(r) != 2 || r[0][1] != "a" {
		t.Errorf("tie rows %q, want a first", r)
	}
}

func TestAlbumTable(t *testing.T) {
	got := songs.AlbumsByPopularSongs(studytest.AlbumCatalog(), 50)

	tb := view.AlbumTable(got, 2, "top albums")
	studytest.RendersBoth(t, tb)
	if len(tb.Rows) != 2 || tb.Rows[0][1] != "B" || tb.Rows[1][studytest.Column(t, tb, "% popular")] != "100.0" {
		t.Errorf("album table rows %q", tb.Rows)
	}
}

func TestPopularityOverTime(t *testing.T) {
	s := view.EarlyLateSummary(studytest.AlbumCatalog())
	// First year 1964 (1964-68: A, B, C), last 1980 (1976-80: D).
	for _, want := range []string{"1964-1968", "**49.71**", "(7 tracks)", "1976-1980", "**80.00**", "(1 tracks)"} {
		if !strings.Contains(s, want) {
			t.Errorf("summary %q lacks %q", s, want)
		}
	}
	fig, err := view.PopularityByYearChart(studytest.AlbumCatalog())
	if err != nil || !bytes.HasPrefix(fig.PNG, []byte("\x89PNG")) {
		t.Errorf("PopularityByYearChart: %v", err)
	}
}

func TestAlbumAnswer(t *testing.T) {
	cat := studytest.AlbumCatalog()
	r := songs.RecommendAlbums(cat, 50)
	s := view.AlbumAnswer(r, cat, []float64{40, 70})
	// 7 of 11 tracks have popularity >= 50; sorted, the popularities are
	// 10 20 20 20 50 51 52 55 60 70 80, so the median is 51 and the type-7
	// 90th percentile the 10th value, 70. At 40 the leaders are again B and
	// C; at 70 they are D and B.
	for _, want := range []string{"7 of 11 tracks (63.6%) count as popular", "median track has popularity 51", "90th percentile is 70", "B (2 popular songs) and C (2)", "at 1 of the 2 other thresholds"} {
		if !strings.Contains(s, want) {
			t.Errorf("summary %q lacks %q", s, want)
		}
	}
	one := &catalog.Catalog{Tracks: []catalog.Track{{Album: "X", Popularity: 60}}}
	if s := view.AlbumAnswer(songs.RecommendAlbums(one, 50), one, nil); !strings.Contains(s, "Only one album has popular songs: X (1)") {
		t.Errorf("one album: %q", s)
	}
}

// TestAlbumAnswerThresholds checks the answer's wording at thresholds where
// two albums, one album and no album have popular songs (AlbumCatalog: D
// has the one track at 80; B (50, 70), C (51, 52), A (60, 55) reach 50).
func TestAlbumAnswerThresholds(t *testing.T) {
	cat := studytest.AlbumCatalog()
	for _, tc := range []struct {
		threshold float64
		want      []string
		not       []string
	}{
		{50, []string{"popularity >= 50, the midpoint of Spotify's 0-100 scale", "**7 of 11 tracks (63.6%) count as popular**",
			"**The two albums to recommend are B (2 popular songs) and C (2).**", "at 1 of the 2 other thresholds"}, nil},
		{75, []string{"popularity >= 75, 25 points above the midpoint", "**Only one album has popular songs: D (1).**"},
			[]string{"two albums to recommend"}},
		{99, []string{"popularity >= 99, 49 points above the midpoint", "**0 of 11 tracks (0.0%) count as popular**",
			"nothing to recommend"}, []string{"to recommend are", ">= 99, the midpoint"}},
		{30, []string{"popularity >= 30, 20 points below the midpoint"}, nil},
	} {
		got := view.AlbumAnswer(songs.RecommendAlbums(cat, tc.threshold), cat, []float64{40, 70})
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("threshold %g: %q lacks %q", tc.threshold, got, w)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(got, w) {
				t.Errorf("threshold %g: %q says %q", tc.threshold, got, w)
			}
		}
	}
}
