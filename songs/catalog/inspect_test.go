package catalog_test

import (
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
)

func TestInspect(t *testing.T) {
	cat := studytest.IntegrityCatalog(t)
	in := catalog.Inspect(cat)
	want := catalog.Integrity{Rows: 9, Columns: 18, ExactDuplicates: 1, MissingCells: 3, RowsWithMissing: 2, DuplicateIDs: 1,
		ConflictingIDs: 2, DistinctTitles: 8, Albums: 4, Years: 2,
		FirstDate: catalog.Date{Year: 2000, Month: 1, Day: 1}, LastDate: catalog.Date{Year: 2022, Month: 6, Day: 10},
		// Reissue groups by audio and duration: records 3 and 4, 1 and 7,
		// 2 and 8 (rows with a missing value match nothing).
		ReissueRows: 3, ReissueGroups: 3,
		RepeatedNameAlbum: 1, // ("Song 3", "Album 0") in records 3 and 4
	}
	if in != want {
		t.Errorf("Inspect =\n%+v\nwant\n%+v", in, want)
	}
	for i := range cat.Tracks {
		if cat.Tracks[i].CanonicalID != "" {
			t.Fatalf("Inspect changed the catalog: track %d has canonical id %q", i, cat.Tracks[i].CanonicalID)
		}
	}
	// Without an album column, albums are not counted.
	noAlbum := *cat
	noAlbum.Has = map[string]bool{}
	if n := catalog.Inspect(&noAlbum).Albums; n != 0 {
		t.Errorf("albums without the column: %d", n)
	}
}
