package songs

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
)

// albumTrack is one row of a hand-made album catalog.
type albumTrack struct {
	album string
	year  int
	no    int
	title string
	pop   float64
}

// albumCatalog builds a catalog of the rows, in order, each its own
// recording.
func albumCatalog(rows []albumTrack) *catalog.Catalog {
	cat := &catalog.Catalog{Has: map[string]bool{catalog.Album: true, catalog.Popularity: true, catalog.ReleaseDate: true, "track_number": true}}
	for i, r := range rows {
		t := catalog.Track{ID: catalogtest.ID(i), Name: r.title, Album: r.album, TrackNumber: r.no, Popularity: r.pop,
			ReleaseDate: catalog.Date{Year: r.year, Month: 12, Day: 5}, DurationMS: float64(100000 + i)}
		t.CanonicalID = t.ID
		cat.Tracks = append(cat.Tracks, t)
	}
	return cat
}

// run returns n rows of one album numbered 1..n with the given titles
// (title i if titles is nil) and popularity pop.
func run(album string, year int, titles []string, pop float64) []albumTrack {
	var out []albumTrack
	for i, t := range titles {
		out = append(out, albumTrack{album, year, i + 1, t, pop})
	}
	return out
}

func titles(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s %d", prefix, i+1)
	}
	return out
}

func labels(rs []Release) []string {
	var out []string
	for _, r := range rs {
		out = append(out, fmt.Sprintf("%s: %d tracks, %d discs", r.Label, len(r.Tracks), r.Discs))
	}
	return out
}

// TestReleasesSplitting checks the release rule on hand-made albums; each
// expected split is worked out from the rule in Release's comment.
func TestReleasesSplitting(t *testing.T) {
	song := titles("Song", 5)
	var rows []albumTrack
	// Listed twice with the same titles (as "Let It Bleed"): 2 releases.
	rows = append(rows, run("Twice", 1969, song, 20)...)
	rows = append(rows, run("Twice", 1969, song, 60)...)
	// A bonus disc of new titles: 1 release of 2 discs.
	rows = append(rows, run("Bonus", 1970, song, 30)...)
	rows = append(rows, run("Bonus", 1970, titles("Outtake", 4), 10)...)
	// Disc 1, a bonus disc, then both again (as "Some Girls (Deluxe
	// Version)"): 2 releases of 2 discs.
	rows = append(rows, run("Deluxe", 1978, song, 40)...)
	rows = append(rows, run("Deluxe", 1978, titles("Extra", 3), 15)...)
	rows = append(rows, run("Deluxe", 1978, song, 45)...)
	rows = append(rows, run("Deluxe", 1978, titles("Extra", 3), 16)...)
	// Version notes do not make a title new: "Song 1 - Live" is Song 1, so
	// the second run repeats every title: 2 releases.
	live := []string{"Song 1 - Live", "Song 2 (Remastered)", "Song 3 - Mono", "Song 4", "Song 5 - 2009 Mix"}
	rows = append(rows, run("Versions", 1991, song, 5)...)
	rows = append(rows, run("Versions", 1991, live, 25)...)
	// The 80% boundary: 4 of 5 titles repeated is another release; 3 of 5
	// is another disc.
	four := []string{"Song 1", "Song 2", "Song 3", "Song 4", "New"}
	three := []string{"Song 1", "Song 2", "Song 3", "New 1", "New 2"}
	rows = append(rows, run("Four", 2001, song, 1)...)
	rows = append(rows, run("Four", 2001, four, 2)...)
	rows = append(rows, run("Three", 2002, song, 1)...)
	rows = append(rows, run("Three", 2002, three, 2)...)
	// One name, two dates: the year tells them apart.
	rows = append(rows, run("Tattoo", 1981, song, 50)...)
	rows = append(rows, run("Tattoo", 2021, song, 30)...)
	got := labels(Releases(albumCatalog(rows)))
	want := []string{
		"Twice (release 1 of 2): 5 tracks, 1 discs", "Twice (release 2 of 2): 5 tracks, 1 discs",
		"Bonus: 9 tracks, 2 discs",
		"Deluxe (release 1 of 2): 8 tracks, 2 discs", "Deluxe (release 2 of 2): 8 tracks, 2 discs",
		"Versions (release 1 of 2): 5 tracks, 1 discs", "Versions (release 2 of 2): 5 tracks, 1 discs",
		"Four (release 1 of 2): 5 tracks, 1 discs", "Four (release 2 of 2): 5 tracks, 1 discs",
		"Three: 10 tracks, 2 discs",
		"Tattoo (1981): 5 tracks, 1 discs", "Tattoo (2021): 5 tracks, 1 discs",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("releases\n got %q\nwant %q", got, want)
	}
}

// TestReleasesWithoutTrackNumbers: without a track_number column an album
// name and date is one release, and a catalog without albums has none.
func TestReleasesWithoutTrackNumbers(t *testing.T) {
	cat := albumCatalog(append(run("Twice", 1969, titles("Song", 3), 20), run("Twice", 1969, titles("Song", 3), 60)...))
	cat.Has["track_number"] = false
	if got := labels(Releases(cat)); !reflect.DeepEqual(got, []string{"Twice: 6 tracks, 1 discs"}) {
		t.Errorf("without track numbers: %q", got)
	}
	cat.Has[catalog.Album] = false
	if got := Releases(cat); got != nil {
		t.Errorf("without albums: %v", got)
	}
}

// TestReleaseOf maps tracks to their releases.
func TestReleaseOf(t *testing.T) {
	cat := albumCatalog(append(run("Twice", 1969, titles("Song", 2), 20), run("Twice", 1969, titles("Song", 2), 60)...))
	cat.Tracks = append(cat.Tracks, catalog.Track{ID: "no album"})
	if got := ReleaseOf(cat, Releases(cat)); !reflect.DeepEqual(got, []int{0, 0, 1, 1, -1}) {
		t.Errorf("ReleaseOf = %v", got)
	}
}

// TestEditionTitle checks the edition notes removed and kept, with the
// course catalog's album names.
func TestEditionTitle(t *testing.T) {
	for _, c := range []struct{ album, title, key string }{
		{"Sticky Fingers (Remastered)", "Sticky Fingers", "stickyfingers"},
		{"Sticky Fingers (Super Deluxe)", "Sticky Fingers", "stickyfingers"},
		{"Let It Bleed (50th Anniversary Edition / Remastered 2019)", "Let It Bleed", "letitbleed"},
		{"Exile On Main Street (2010 Re-Mastered)", "Exile On Main Street", "exileonmainstreet"},
		{"Exile On Main Street (Bonus Track Version)", "Exile On Main Street", "exileonmainstreet"},
		{"Between The Buttons (US track listing)", "Between The Buttons", "betweenthebuttons"},
		{"Out Of Our Heads (UK Sequence)", "Out Of Our Heads", "outofourheads"},
		{"England’s Newest Hitmakers", "England’s Newest Hitmakers", "englandsnewesthitmakers"},
		{"England's Newest Hit Makers", "England's Newest Hit Makers", "englandsnewesthitmakers"},
		{"12 X 5", "12 X 5", "12x5"},
		{"Blue & Lonesome", "Blue & Lonesome", "blueandlonesome"},
		// Not edition notes: part of the name.
		{"A Bigger Bang (Live)", "A Bigger Bang (Live)", "abiggerbanglive"},
		{"December’s Children (And Everybody’s)", "December’s Children (And Everybody’s)", "decemberschildrenandeverybodys"},
		{"Sticky Fingers Live At The Fonda Theatre", "Sticky Fingers Live At The Fonda Theatre", "stickyfingersliveatthefondatheatre"},
		{"(Remastered)", "(Remastered)", "remastered"},
	} {
		if got := EditionTitle(c.album); got != c.title {
			t.Errorf("EditionTitle(%q) = %q, want %q", c.album, got, c.title)
		}
		if got := EditionKey(c.album); got != c.key {
			t.Errorf("EditionKey(%q) = %q, want %q", c.album, got, c.key)
		}
	}
}
