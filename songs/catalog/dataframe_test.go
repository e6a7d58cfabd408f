package catalog

import (
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
)

// TestDataFrame checks the data frame of a course-file catalog and of a
// hit-predictor one against the tracks (catalogtest.Values gives the
// numbers), and that gota's filters work on it.
func TestDataFrame(t *testing.T) {
	cat := mustLoad(t, catalogtest.CSVText(catalogtest.CourseHeader, 6, false, nil))
	df, err := DataFrame(cat)
	if err != nil {
		t.Fatal(err)
	}
	want := "id,name,album,release_date,year,acousticness,danceability,energy,instrumentalness,liveness,loudness,speechiness,tempo,valence,duration_min,popularity,canonical_id"
	if got := strings.Join(df.Names(), ","); got != want || df.Nrow() != 6 {
		t.Fatalf("%d rows, columns %s; want 6 and %s", df.Nrow(), got, want)
	}
	// Track 3: popularity 20 + 3 % 50 = 23, duration 200003 ms, released 6/10/2022.
	r := df.Filter(dataframe.F{Colname: "popularity", Comparator: series.Eq, Comparando: 23.0})
	if r.Nrow() != 1 || r.Col("name").Records()[0] != "Song 3" || r.Col("duration_min").Float()[0] != 200003.0/60000 ||
		r.Col("year").Records()[0] != "2022" || r.Col("release_date").Records()[0] != "2022-06-10" {
		t.Errorf("filtered row %v", r)
	}
	hit := mustLoad(t, catalogtest.CSVText(catalogtest.HitHeader, 3, false, nil))
	hf, err := DataFrame(hit)
	if err != nil {
		t.Fatal(err)
	}
	if names := strings.Join(hf.Names(), ","); strings.Contains(names, "popularity") || !strings.Contains(names, "artist") || hf.Nrow() != 3 {
		t.Errorf("hit-predictor frame: %d rows, columns %s", hf.Nrow(), names)
	}
}
