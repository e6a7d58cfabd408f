package songs

import (
	"testing"

	"github.com/songcohorts/cohorts/songs/internal/studytest"
)

// TestAboutCatalog describes the course catalog by its project
// description, a hit-predictor-like catalog by its artists and hit flag,
// and a catalog given by RAW_CSV by its file.
func TestAboutCatalog(t *testing.T) {
	course := studytest.CourseCatalog(t, 4, nil)
	a := AboutCatalog(Params{Catalog: DefaultCatalog}, course)
	// The course file has no artist column: the artist is the project's.
	if a.Title != "The Rolling Stones on Spotify" || a.Artists != 1 || a.Artist != "The Rolling Stones" || a.Outcome != "Spotify popularity (0-100)" || !a.Albums {
		t.Errorf("course catalog: %+v", a)
	}
	hit := studytest.HitCatalog(t, 4, func(i int, r map[string]string) {
		r["artist"] = []string{"A", "B"}[i%2]
	})
	a = AboutCatalog(Params{Catalog: "hit-predictor"}, hit)
	if a.Artists != 2 || a.Artist != "" || a.Albums || a.Outcome == "" {
		t.Errorf("hit-predictor catalog: %+v", a)
	}
	a = AboutCatalog(Params{Catalog: "mine", Root: "/project", RawCSV: "data/raw/mine.csv"}, hit)
	if a.Title != "The catalog data/raw/mine.csv" || a.Source != "the file data/raw/mine.csv" {
		t.Errorf("a RAW_CSV catalog: %+v", a)
	}
}
