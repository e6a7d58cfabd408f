package studytest

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
)

// ProfileCatalog has four tracks in two cohorts: acousticness 0, 2, 4, 6
// (mean 3, population sd sqrt 5), energy 1, 1, 1, 5 (mean 2, sd sqrt 3),
// every other profile feature constant; popularity 10, 60, 50, 80; the
// last track is live by its title.
func ProfileCatalog() (*catalog.Catalog, []int) {
	cat := &catalog.Catalog{Has: map[string]bool{catalog.Popularity: true, catalog.Album: true}}
	for i, v := range []struct{ acoustic, energy, pop float64 }{{0, 1, 10}, {2, 1, 60}, {4, 1, 50}, {6, 5, 80}} {
		tr := catalog.Track{ID: catalogtest.ID(i), Name: fmt.Sprintf("Song %d", i), Album: "Album", Popularity: v.pop, DurationMS: 200000}
		tr.CanonicalID = tr.ID
		for j := range tr.Audio {
			tr.Audio[j] = 0.5
		}
		tr.Audio[catalog.FeatureIndex(catalog.Acousticness)], tr.Audio[catalog.FeatureIndex(catalog.Energy)] = v.acoustic, v.energy
		cat.Tracks = append(cat.Tracks, tr)
	}
	cat.Tracks[3].Name = "Song 3 - Live"
	return cat, []int{0, 0, 1, 1}
}

// AlbumCatalog has six albums whose rankings are worked out by hand in
// TestAlbumsByPopularSongs; the file order differs from both rankings.
func AlbumCatalog() *catalog.Catalog {
	cat := &catalog.Catalog{Has: map[string]bool{catalog.Popularity: true, catalog.Album: true, catalog.ReleaseDate: true}}
	add := func(album string, year int, pops ...float64) {
		for _, p := range pops {
			n := len(cat.Tracks)
			cat.Tracks = append(cat.Tracks, catalog.Track{ID: catalogtest.ID(n), Name: fmt.Sprintf("%s track %d", album, n), Album: album,
				ReleaseDate: catalog.Date{Year: year, Month: 1, Day: 1}, Popularity: p})
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

// LiveCatalog has n tracks of each combination of the two flags, in the
// order (title, liveness): (studio, low), (studio, high), (live, low),
// (live, high).
func LiveCatalog(n [2][2]int) *catalog.Catalog {
	cat := &catalog.Catalog{}
	for a := 0; a < 2; a++ {
		for b := 0; b < 2; b++ {
			for i := 0; i < n[a][b]; i++ {
				tr := catalog.Track{Name: "Song", Album: "Album"}
				if a == 1 {
					tr.Name = "Song - Live"
				}
				tr.Audio[catalog.FeatureIndex(catalog.Liveness)] = 0.3 + 0.6*float64(b)
				cat.Tracks = append(cat.Tracks, tr)
			}
		}
	}
	return cat
}

// IntegrityCatalog is a nine-record course file with one problem of each
// kind Inspect counts:
//
//	record 4 repeats record 3 in every column but number_row (exact duplicate);
//	records 5 and 6 miss one and two audio values;
//	record 7 repeats record 1's id and audio data (duplicate id);
//	record 8 is record 2's recording on an earlier album (reissue);
//	record 9 repeats record 2's id with other audio data (conflict).
func IntegrityCatalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	audio := append(append([]string(nil), catalog.AudioFeatures...), catalog.DurationMS)
	copyAudio := func(rec map[string]string, from int) {
		for _, c := range audio {
			rec[c] = catalogtest.Values(from)[c]
		}
	}
	return MustLoad(t, catalogtest.CSVText(catalogtest.CourseHeader, 9, true, func(i int, rec map[string]string) {
		switch i {
		case 4:
			for _, h := range catalogtest.CourseHeader {
				if h != "number_row" {
					rec[h] = catalogtest.Values(3)[h]
				}
			}
		case 5:
			rec[catalog.Energy] = ""
		case 6:
			rec[catalog.Energy], rec[catalog.Valence] = "", ""
		case 7:
			rec["id"], rec["uri"] = catalogtest.ID(1), catalog.URIPrefix+catalogtest.ID(1)
			copyAudio(rec, 1)
		case 8:
			rec["album"], rec["release_date"] = "Album X", "1/1/2000"
			copyAudio(rec, 2)
		case 9:
			rec["id"], rec["uri"] = catalogtest.ID(2), catalog.URIPrefix+catalogtest.ID(2)
		}
	}))
}

// BlobCatalog returns n synthetic tracks around two well separated sound
// profiles (seeded), titled "Song i", released 1965..2004; every fifth
// track from the tenth on is a reissue of track i-7 (identical audio,
// title " - Remastered 2009", a later date) and every seventh a live take
// of track i-3 (same title plus " - Live", slightly different audio).
// Reissues are grouped as Clean does.
func BlobCatalog(n int, seed uint64) *catalog.Catalog {
	rng := rand.New(rand.NewPCG(seed, 1))
	cat := &catalog.Catalog{Has: map[string]bool{catalog.Popularity: true, catalog.Album: true, catalog.ReleaseDate: true, "uri": true}}
	for i := 0; i < n; i++ {
		id := catalogtest.ID(i)
		year := 1965 + i%40
		t := catalog.Track{ID: id, URI: catalog.URIPrefix + id, Name: fmt.Sprintf("Song %d", i), Album: fmt.Sprintf("Album %d", i%6),
			ReleaseDate: catalog.Date{Year: year}, Decade: year / 10 * 10, Popularity: float64(rng.IntN(90))}
		shift := 0.0
		if i%2 == 1 {
			shift = 1
		}
		for j := range t.Audio {
			t.Audio[j] = 0.25 + 0.5*shift + 0.08*rng.NormFloat64()
		}
		t.Audio[catalog.FeatureIndex(catalog.Loudness)] = -12 + 6*shift + rng.NormFloat64()
		t.Audio[catalog.FeatureIndex(catalog.Tempo)] = 100 + 30*shift + 5*rng.NormFloat64()
		t.DurationMS = 200000 + 60000*shift + 10000*rng.NormFloat64()
		switch {
		case i >= 10 && i%5 == 0:
			src := cat.Tracks[i-7]
			t.Name, t.Audio, t.DurationMS = src.Name+" - Remastered 2009", src.Audio, src.DurationMS
			t.ReleaseDate, t.Decade = catalog.Date{Year: 2009}, 2000
		case i >= 10 && i%7 == 0:
			src := cat.Tracks[i-3]
			t.Name, t.Audio, t.DurationMS = src.Name+" - Live", src.Audio, src.DurationMS*1.05
			t.Audio[catalog.FeatureIndex(catalog.Liveness)] += 0.2
		}
		cat.Tracks = append(cat.Tracks, t)
	}
	catalog.Reissues(cat.Tracks)
	return cat
}

// CentreCatalog has six tracks in two cohorts that differ in acousticness
// only (1.0, 1.1, 3.0, 1.7 in cohort 0; 10 and 12 in cohort 1): "ANGIE"
// and "Angie" share a title, and "Wild Horses" is a reissue of another
// recording.
func CentreCatalog() (*catalog.Catalog, []int) {
	cat := &catalog.Catalog{Has: map[string]bool{}}
	for i, tr := range []struct {
		name      string
		acoustic  float64
		canonical string
	}{{"ANGIE", 1.0, ""}, {"Angie", 1.1, ""}, {"Brown Sugar", 3.0, ""}, {"Wild Horses", 1.7, "other"}, {"Far", 10, ""}, {"Further", 12, ""}} {
		t := catalog.Track{ID: catalogtest.ID(i), Name: tr.name, Album: "A", DurationMS: 1, CanonicalID: tr.canonical}
		if t.CanonicalID == "" {
			t.CanonicalID = t.ID
		}
		t.Audio[catalog.FeatureIndex(catalog.Acousticness)] = tr.acoustic
		cat.Tracks = append(cat.Tracks, t)
	}
	return cat, []int{0, 0, 0, 0, 1, 1}
}
