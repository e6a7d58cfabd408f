package songs_test

import (
	"fmt"
	"log"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
)

// ExampleModel_Assign assigns a new track with a saved two-cohort model:
// its standardised features are nearer the second centre.
func ExampleModel_Assign() {
	m := &songs.Model{
		Features:    []string{catalog.Energy, catalog.Loudness},
		ScalerMean:  []float64{0.7, -8},
		ScalerScale: []float64{0.2, 3},
		Algorithm:   songs.AlgKMeans,
		K:           2,
		Centres:     [][]float64{{-1, -1}, {1, 1}},
		CohortNames: []string{"calm, quiet", "energetic, loud"},
	}
	track := catalog.Track{ID: "new", Name: "New Song"}
	track.Audio[2], track.Audio[5] = 0.95, -4 // energy, loudness
	labels, err := m.Assign(&catalog.Catalog{Tracks: []catalog.Track{track}})
	if err != nil {
		log.Fatal(err)
	}
	z, _ := m.Scale(&catalog.Catalog{Tracks: []catalog.Track{track}})
	fmt.Printf("z = (%.4f, %.4f): cohort %d, %s\n", z.At(0, 0), z.At(0, 1), labels[0], m.CohortNames[labels[0]])
	// Output:
	// z = (1.2500, 1.3333): cohort 1, energetic, loud
}
