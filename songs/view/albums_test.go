package view_test

import (
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
	"github.com/songcohorts/cohorts/songs/view"
)

// The album views on studytest.AlbumCatalog, worked out by hand: at 50, B
// (2 popular, mean 60), C (2, 51.5) and A (2, 41.67) tie on popular songs,
// D has 1; at 70, D (80) and B (70) have one each; at 40, B, C and A have
// 2 again.

func TestAlbumTableNeverCutsATie(t *testing.T) {
	rec := studytest.Must(songs.RecommendAlbums(studytest.AlbumCatalog(), 50))(t)
	tb := view.AlbumTable(rec.Releases.Ranked, 2, "top releases")
	studytest.RendersBoth(t, tb)
	want := [][]string{{"1", "B", "2", "2", "100.0", "60.0", "50–70"}, {"1", "C", "2", "2", "100.0", "51.5", "51–52"}, {"1", "A", "3", "2", "66.7", "41.7", "10–60"}}
	if len(tb.Rows) != len(want) {
		t.Fatalf("rows %q, want the 2 asked and A tied with them", tb.Rows)
	}
	for i := range want {
		if strings.Join(tb.Rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d %q, want %q", i, tb.Rows[i], want[i])
		}
	}
	if !strings.Contains(tb.Caption, "3 rows: the list continues to the end of the tie at rank 2") {
		t.Errorf("caption %q does not explain the extra row", tb.Caption)
	}
	ed := view.EditionTable(rec.Editions.Ranked, 1, "merged")
	studytest.RendersBoth(t, ed)
	if len(ed.Rows) != 3 || ed.Rows[0][studytest.Column(t, ed, "releases")] != "1" {
		t.Errorf("edition rows %q", ed.Rows)
	}
}

func TestThresholdSensitivity(t *testing.T) {
	tb := studytest.Must(view.ThresholdSensitivity(studytest.AlbumCatalog(), []float64{50, 70}, []string{"midpoint", "high"}))(t)
	studytest.RendersBoth(t, tb)
	// 7 tracks reach 50 (60, 55, 80, 50, 70, 51, 52); 2 reach 70.
	want := [][]string{
		{"midpoint", "50", "7", "B (2), C (2); tied with the second: A (2)", "B (2), C (2); tied with the second: A (2)"},
		{"high", "70", "2", "D (1), B (1)", "D (1), B (1)"},
	}
	for i := range want {
		if strings.Join(tb.Rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d %q, want %q", i, tb.Rows[i], want[i])
		}
	}
}

func TestAlbumAnswer(t *testing.T) {
	cat := studytest.AlbumCatalog()
	rec := studytest.Must(songs.RecommendAlbums(cat, 50))(t)
	s := view.AlbumAnswer(rec, cat, []float64{40, 70})
	// 7 of 11 tracks have popularity >= 50; sorted, the popularities are
	// 10 20 20 20 50 51 52 55 60 70 80, so the median is 51 and the type-7
	// 90th percentile the 10th value, 70. At 40 the releases B and C lead
	// again; at 70 D and B.
	for _, want := range []string{"7 of 11 tracks (63.6%)", "median track has popularity 51", "90th percentile is 70",
		"counted as releases: B with 2 popular songs and C with 2.**", "A also has 2 popular songs: the tie is broken by mean popularity (C 51.5 against A 41.7).",
		"**Does the answer change?** No", "at 1 of the 2 other thresholds"} {
		if !strings.Contains(s, want) {
			t.Errorf("answer %q lacks %q", s, want)
		}
	}
	sum := view.AlbumSummary(rec)
	if want := "are B with 2 popular songs and C with 2 (A also has 2, placed after by mean popularity); merging the editions of each album gives the same two."; !strings.Contains(sum, want) {
		t.Errorf("summary %q lacks %q", sum, want)
	}
	none := studytest.Must(songs.RecommendAlbums(cat, 99))(t)
	if s := view.AlbumAnswer(none, cat, nil); !strings.Contains(s, "No song reaches the threshold") {
		t.Errorf("no popular song: %q", s)
	}
	// At 75 only D (80) is popular: one album, said so.
	if s := view.AlbumAnswer(studytest.Must(songs.RecommendAlbums(cat, 75))(t), cat, nil); !strings.Contains(s, "**Only one album has popular songs, the one to recommend, counted as releases: D with 1") {
		t.Errorf("one popular album: %q", s)
	}
	// The threshold's place on the scale is computed from its value.
	for th, want := range map[float64]string{50: "at least 50 (the midpoint of Spotify's 0-100 scale)",
		99: "at least 99 (49 points above the midpoint of Spotify's 0-100 scale)",
		30: "at least 30 (20 points below the midpoint of Spotify's 0-100 scale)"} {
		if s := view.AlbumAnswer(studytest.Must(songs.RecommendAlbums(cat, th))(t), cat, nil); !strings.Contains(s, want) {
			t.Errorf("threshold %g: %q lacks %q", th, s, want)
		}
	}
}
