package songs_test

import (
	"fmt"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
)

func ExampleLiveByTitle() {
	for _, t := range []catalog.Track{
		{Name: "Live With Me", Album: "Let It Bleed"},
		{Name: "Miss You - Live", Album: "Some Girls"},
		{Name: "Angie", Album: "Licked Live In NYC"},
	} {
		fmt.Printf("%s (%s): %v\n", t.Name, t.Album, songs.LiveByTitle(&t))
	}
	// Output:
	// Live With Me (Let It Bleed): false
	// Miss You - Live (Some Girls): true
	// Angie (Licked Live In NYC): true
}

func ExampleLiveAgreement_Kappa() {
	// Counts[byTitle][byLiveness]: 40 studio by both flags, 45 live by both.
	a := songs.LiveAgreement{Counts: [2][2]int{{40, 10}, {5, 45}}}
	fmt.Printf("agreement %.4f, kappa %.4f\n", a.Agreement(), a.Kappa())
	// Output:
	// agreement 0.8500, kappa 0.7000
}

func ExampleRecommendAlbums() {
	cat := &catalog.Catalog{Has: map[string]bool{catalog.Album: true, catalog.Popularity: true, "track_number": true}}
	for _, t := range []struct {
		album, title string
		no           int
		pop          float64
	}{
		// Listed twice with the same titles: two releases.
		{"Let It Bleed", "Gimme Shelter", 1, 31}, {"Let It Bleed", "Monkey Man", 2, 13},
		{"Let It Bleed", "Gimme Shelter", 1, 76}, {"Let It Bleed", "Monkey Man", 2, 50},
		{"Aftermath", "Under My Thumb", 1, 55}, {"Aftermath", "Lady Jane", 2, 52},
		{"Aftermath (UK Version)", "Under My Thumb", 1, 20}, {"Aftermath (UK Version)", "Out Of Time", 2, 60},
	} {
		cat.Tracks = append(cat.Tracks, catalog.Track{Album: t.album, Name: t.title, TrackNumber: t.no, Popularity: t.pop})
	}
	rec, _ := songs.RecommendAlbums(cat, 50)
	for _, a := range rec.Releases.Ranked {
		fmt.Printf("release %-30s popular %d, mean %.1f\n", a.Album, a.PopularSongs, a.Mean)
	}
	for _, a := range rec.Editions.Ranked {
		fmt.Printf("merged  %-30s popular %d of %d songs\n", a.Album, a.PopularSongs, a.Songs)
	}
	// Output:
	// release Let It Bleed (release 2 of 2)  popular 2, mean 63.0
	// release Aftermath                      popular 2, mean 53.5
	// release Aftermath (UK Version)         popular 1, mean 40.0
	// release Let It Bleed (release 1 of 2)  popular 0, mean 22.0
	// merged  Aftermath                      popular 3 of 3 songs
	// merged  Let It Bleed                   popular 2 of 2 songs
}

func ExampleRelabelBySize() {
	// Cohorts are numbered by decreasing size; noise (-1) stays.
	fmt.Println(songs.RelabelBySize([]int{4, 7, 7, -1, 7, 4, 2}))
	// Output:
	// [1 0 0 -1 0 1 2]
}

func ExampleStrongestPairs() {
	cols := []string{"energy", "loudness", "acousticness"}
	m := [][]float64{{1, 0.70, -0.45}, {0.70, 1, -0.30}, {-0.45, -0.30, 1}}
	pos, neg := songs.StrongestPairs(m, cols)
	fmt.Printf("%s-%s %.4f\n%s-%s %.4f\n", pos.A, pos.B, pos.R, neg.A, neg.B, neg.R)
	// Output:
	// energy-loudness 0.7000
	// energy-acousticness -0.4500
}
