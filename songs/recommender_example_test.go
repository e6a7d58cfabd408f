package songs_test

import (
	"fmt"
	"log"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
)

// exampleCatalog is six tracks: two quiet acoustic songs, three loud
// electric ones, and a remaster of the first song.
func exampleCatalog() *catalog.Catalog {
	type row struct {
		id, name string
		year     int
		sound    float64 // 0 quiet and acoustic .. 1 loud and electric
	}
	rows := []row{
		{"A1", "Angie", 1973, 0.1}, {"B1", "Wild Horses", 1971, 0.15}, {"C1", "Brown Sugar", 1971, 0.9},
		{"D1", "Start Me Up", 1981, 0.95}, {"E1", "Jumpin' Jack Flash", 1968, 0.8}, {"A2", "Angie - Remastered 2009", 2009, 0.1},
	}
	cat := &catalog.Catalog{Has: map[string]bool{catalog.Popularity: true}}
	for i, r := range rows {
		t := catalog.Track{ID: r.id, Name: r.name, ReleaseDate: catalog.Date{Year: r.year}, Popularity: float64(50 + i)}
		for j := range t.Audio {
			t.Audio[j] = r.sound + 0.01*float64((i*j)%3)
		}
		if r.id == "A2" {
			t.Audio = cat.Tracks[0].Audio // the same recording
		}
		t.DurationMS = 200000 + 100000*r.sound
		cat.Tracks = append(cat.Tracks, t)
	}
	catalog.Reissues(cat.Tracks)
	return cat
}

func ExampleRecommender_Recommend() {
	cat := exampleCatalog()
	labels := []int{0, 0, 1, 1, 1, 0} // cohorts, as Validation.Labels
	r, err := songs.NewRecommender(cat, labels)
	if err != nil {
		log.Fatal(err)
	}
	seed := r.FindTracks("angie (remastered)")[0] // the more popular release
	fmt.Println("seed:", seed)
	recs, err := r.Recommend([]string{seed}, songs.RecommendOptions{N: 3})
	if err != nil {
		log.Fatal(err)
	}
	for _, rc := range recs {
		fmt.Printf("%d %-18s cohort %d distance %.4f\n", rc.Rank, rc.Name, rc.Cohort, rc.Distance)
	}
	// Output:
	// seed: A2
	// 1 Wild Horses        cohort 0 distance 0.4859
	// 2 Jumpin' Jack Flash cohort 1 distance 5.7843
	// 3 Brown Sugar        cohort 1 distance 6.5998
}

func ExampleRecommender_Playlist() {
	cat := exampleCatalog()
	r, err := songs.NewRecommender(cat, []int{0, 0, 1, 1, 1, 0})
	if err != nil {
		log.Fatal(err)
	}
	pl, err := r.Playlist("E1", 5) // the cohort has two more songs
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range pl {
		fmt.Printf("%d %s (step %.4f)\n", s.Rank, s.Name, s.Distance)
	}
	// Output:
	// 1 Brown Sugar (step 0.8180)
	// 2 Start Me Up (step 0.3417)
}

func ExampleTitleKey() {
	fmt.Println(songs.TitleKey("Paint It, Black"))
	fmt.Println(songs.TitleKey("PAINT IT BLACK - Remastered 2009"))
	fmt.Println(songs.TitleKey("(I Can't Get No) Satisfaction - Live"))
	// Output:
	// paintitblack
	// paintitblack
	// icantgetnosatisfaction
}
