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

func ExampleAlbumsByPopularSongs() {
	cat := &catalog.Catalog{}
	for _, t := range []struct {
		album string
		pop   float64
	}{{"Aftermath", 80}, {"Aftermath", 20}, {"Some Girls", 55}, {"Some Girls", 50}, {"Some Girls", 10}, {"Undercover", 30}} {
		cat.Tracks = append(cat.Tracks, catalog.Track{Album: t.album, Popularity: t.pop})
	}
	for _, a := range songs.AlbumsByPopularSongs(cat, 50) {
		fmt.Printf("%-10s popular %d of %d, mean %.4f\n", a.Album, a.PopularSongs, a.Tracks, a.Mean)
	}
	// Output:
	// Some Girls popular 2 of 3, mean 38.3333
	// Aftermath  popular 1 of 2, mean 50.0000
	// Undercover popular 0 of 1, mean 30.0000
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
