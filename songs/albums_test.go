package songs

import (
	"errors"
	"reflect"
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
)

func names(as []AlbumPopularity) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Album)
	}
	return out
}

// TestRecommendAlbumsTies works through studytest.AlbumCatalog by hand
// (threshold 50, popular means >= 50): B has 2 popular songs of mean 60,
// C 2 of mean 51.5, A 2 of mean 41.67, D 1, E and Aardvark 0. The two
// recommended are B and C; A ties with C and the tie-break (mean
// popularity) puts it third.
func TestRecommendAlbumsTies(t *testing.T) {
	r, err := RecommendAlbums(studytest.AlbumCatalog(), 50)
	if err != nil {
		t.Fatal(err)
	}
	if got := names(r.Releases.Ranked); !reflect.DeepEqual(got, []string{"B", "C", "A", "D", "Aardvark", "E"}) {
		t.Errorf("ranking %q", got)
	}
	if got := names(r.Releases.Recommended); !reflect.DeepEqual(got, []string{"B", "C"}) {
		t.Errorf("recommended %q", got)
	}
	if got := names(r.Releases.Ties); !reflect.DeepEqual(got, []string{"A"}) {
		t.Errorf("ties %q, want A", got)
	}
	a := r.Releases.Ranked[2]
	if a.Tracks != 3 || a.PopularSongs != 2 || !studytest.Near(a.Mean, 125.0/3, 1e-12) || !studytest.Near(a.Share, 2.0/3, 1e-12) || a.Min != 10 || a.Max != 60 {
		t.Errorf("A = %+v, want 3 tracks, 2 popular, mean 41.67, share 2/3, range 10-60", a)
	}
	m := r.Metrics()
	ties, _ := m["ties"].([]map[string]any)
	if len(ties) != 1 || ties[0]["album"] != "A" || ties[0]["popular_songs"] != 2 || m["tie_break"] != TieBreak {
		t.Errorf("metrics ties %v, tie_break %v", m["ties"], m["tie_break"])
	}
	albums, _ := m["albums"].([]map[string]any)
	if len(albums) != 4 || albums[0]["album"] != "B" || albums[3]["album"] != "D" {
		t.Errorf("metrics albums %v: want the 4 albums with a popular song, B first", albums)
	}
	if _, err := RecommendAlbums(&catalog.Catalog{Has: map[string]bool{catalog.Album: true}}, 50); !errors.As(err, new(*catalog.MissingColumnError)) {
		t.Errorf("without popularity: %v, want a MissingColumnError", err)
	}
}

// TestRankEditions works through a hand-made catalog: X's two editions hold
// S1 (60 remastered, 30 live), S2 (40, 55 as a 2009 mix) and S3 (52), so X
// merged has 3 distinct popular songs (its best versions 60, 55, 52; mean
// 55.67) although neither edition has more than 2; Y has 2 (51, 90).
// Counted as releases, Y (2, mean 70.5) and X (Deluxe) (2, mean 45.67)
// are recommended; merged, X (3) and Y (2): the same albums.
func TestRankEditions(t *testing.T) {
	cat := albumCatalog([]albumTrack{
		{"X (Remastered)", 1971, 1, "S1", 60}, {"X (Remastered)", 1971, 2, "S2", 40},
		{"X (Deluxe)", 1971, 1, "S1 - Live", 30}, {"X (Deluxe)", 1971, 2, "S2 - 2009 Mix", 55}, {"X (Deluxe)", 1971, 3, "S3", 52},
		{"Y", 1972, 1, "T1", 51}, {"Y", 1972, 2, "T2", 90},
	})
	r, err := RecommendAlbums(cat, 50)
	if err != nil {
		t.Fatal(err)
	}
	if got := names(r.Releases.Recommended); !reflect.DeepEqual(got, []string{"Y", "X (Deluxe)"}) {
		t.Errorf("releases recommended %q", got)
	}
	ed := r.Editions.Ranked
	if got := names(ed); !reflect.DeepEqual(got, []string{"X", "Y"}) {
		t.Fatalf("editions ranked %q", got)
	}
	if x := ed[0]; x.Tracks != 5 || x.Songs != 3 || x.PopularSongs != 3 || !studytest.Near(x.Mean, 167.0/3, 1e-12) ||
		!reflect.DeepEqual(x.Editions, []string{"X (Remastered)", "X (Deluxe)"}) {
		t.Errorf("X merged = %+v", x)
	}
	if !r.SameAnswer() {
		t.Error("SameAnswer false; both counts recommend X and Y")
	}
	// Raise Z above X (Deluxe) as a release only: the answers differ.
	cat = albumCatalog(append(tracksOf(cat), albumTrack{"Z", 1973, 1, "U1", 95}, albumTrack{"Z", 1973, 2, "U2", 95}))
	r, _ = RecommendAlbums(cat, 50)
	if got := names(r.Releases.Recommended); !reflect.DeepEqual(got, []string{"Z", "Y"}) || r.SameAnswer() {
		t.Errorf("releases recommend %q, editions %q, same %v; want Z, Y against X, Z", got, names(r.Editions.Recommended), r.SameAnswer())
	}
	if got := names(r.Releases.Ties); !reflect.DeepEqual(got, []string{"X (Deluxe)"}) {
		t.Errorf("ties %q, want X (Deluxe) (2 popular songs like Y)", got)
	}
}

func tracksOf(cat *catalog.Catalog) []albumTrack {
	var out []albumTrack
	for _, t := range cat.Tracks {
		out = append(out, albumTrack{t.Album, t.ReleaseDate.Year, t.TrackNumber, t.Name, t.Popularity})
	}
	return out
}

// TestTopWithTies: a list never cuts through a tie.
func TestTopWithTies(t *testing.T) {
	ranked := []AlbumPopularity{{Album: "a", PopularSongs: 3}, {Album: "b", PopularSongs: 2}, {Album: "c", PopularSongs: 2}, {Album: "d", PopularSongs: 2}, {Album: "e", PopularSongs: 1}}
	for _, c := range []struct {
		n    int
		want []string
	}{{0, nil}, {1, []string{"a"}}, {2, []string{"a", "b", "c", "d"}}, {4, []string{"a", "b", "c", "d"}}, {5, []string{"a", "b", "c", "d", "e"}}, {9, []string{"a", "b", "c", "d", "e"}}} {
		if got := names(TopWithTies(ranked, c.n)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("TopWithTies(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

// TestRecordings works through three copies of one recording by hand:
// popularity 10 (1970), 40 (1980) and 40 (1975); the most popular copy is
// the 1975 one (the tie with 1980 goes to the earlier release), dated 1970
// by its earliest copy.
func TestRecordings(t *testing.T) {
	cat := albumCatalog([]albumTrack{{"P", 1970, 1, "Song", 10}, {"Q - Live", 1980, 1, "Song - Live", 40}, {"R", 1975, 1, "Song", 40}, {"S", 1990, 1, "Other", 5}})
	for i := 1; i < 3; i++ {
		cat.Tracks[i].CanonicalID = cat.Tracks[0].ID
	}
	recs := Recordings(cat)
	if len(recs) != 2 {
		t.Fatalf("%d recordings, want 2", len(recs))
	}
	r := recs[0]
	if r.Track != 2 || r.Year != 1970 || r.Popularity != 40 || r.Live || !reflect.DeepEqual(r.Copies, []int{0, 1, 2}) || r.Decade != 1970 {
		t.Errorf("recording %+v, want track 2, year 1970, popularity 40, studio, copies 0-2", r)
	}
	if recs[1].Track != 3 || recs[1].Year != 1990 {
		t.Errorf("second recording %+v", recs[1])
	}
}
