package view_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
	"github.com/songcohorts/cohorts/songs/view"
)

func TestTopSongsTable(t *testing.T) {
	cat := studytest.AlbumCatalog()
	tb := view.TopSongsTable(cat, songs.TopSongs(cat, 3))
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
	// Equal popularity: by title, and the list does not stop inside a tie.
	tie := &catalog.Catalog{Tracks: []catalog.Track{{Name: "c", Popularity: 9}, {Name: "b", Popularity: 5}, {Name: "a", Popularity: 5}}}
	if r := view.TopSongsTable(tie, songs.TopSongs(tie, 2)).Rows; len(r) != 3 || r[1][1] != "a" {
		t.Errorf("tie rows %q, want c, a, b", r)
	}
}

// TestExplorationFindingsRealCatalog opens notebook 02 with the album
// answer, the trend, the album effect, the strongest pair (ORIGINAL-STUDY.md:
// energy-loudness +0.70), the live flags and the components (9 for 95%).
func TestExplorationFindingsRealCatalog(t *testing.T) {
	e := studytest.Must(songs.Explore(studytest.RealCleaned(t).Tracks, nil, 50, 42))(t)
	got := view.ExplorationFindings(e)
	studytest.Findings(t, got, "Sticky Fingers (Remastered)", "**Energy and loudness rise together most** (Pearson r = +0.70)",
		"The release matters more than the sound", "principal components keep 95%")
	hit := studytest.HitCatalog(t, 30, nil)
	// Without popularity, albums or dates: no finding about them, one
	// sentence saying what does not apply, no NaN (the flags never say live).
	h := view.ExplorationFindings(studytest.Must(songs.Explore(hit, nil, 50, 42))(t))
	if strings.Contains(h, "release matters") || strings.Contains(h, "NaN") || strings.Count(h, "\n- ")+1 < 3 ||
		!strings.Contains(h, "so the album ranking, popularity over time, the correlation of each feature with popularity and the album effect do not apply.") {
		t.Errorf("findings of a catalog without albums:\n%s", h)
	}
}

// TestFindingsWithoutAlbumEffect: a catalog of singles has albums and
// popularity but no release large enough for the album effect; notebook
// 02's findings and notebook 03's readings say why it is not shown.
func TestFindingsWithoutAlbumEffect(t *testing.T) {
	cat := studytest.CourseCatalog(t, 40, func(i int, r map[string]string) {
		r["album"] = fmt.Sprintf("Single %d", i)
		r["release_date"] = fmt.Sprintf("%d-01-01", 1960+i)
		if i%4 == 0 {
			r["name"] = fmt.Sprintf("Song %d - Live", i)
		}
	})
	const why = "The album effect is not measured: it needs at least 2 releases with 5 or more recordings each, and this catalog has none."
	got := view.ExplorationFindings(studytest.Must(songs.Explore(cat, nil, 50, 42))(t))
	if !strings.Contains(got, why) || strings.Contains(got, "release matters") {
		t.Errorf("findings do not say why the album effect is missing:\n%s", got)
	}
	claims := studytest.Must(songs.ClaimTests(cat, 50, 42))(t)
	if r := view.ClaimReadings(cat, claims); !strings.Contains(r, why) {
		t.Errorf("claim readings do not say why the album effect is missing:\n%s", r)
	}
}
