package songs

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
)

// islandCatalog has three groups of 30 recordings on three far-apart
// points of a map: instrumental ones, long ones (8 minutes) and the rest;
// albums rotate through the groups, so no island is an album. Track 90 is
// a reissue of track 0.
func islandCatalog() (*catalog.Catalog, *Embeddings) {
	rng := rand.New(rand.NewPCG(9, 9))
	cat := &catalog.Catalog{Has: map[string]bool{catalog.Album: true, catalog.ReleaseDate: true}}
	e := &Embeddings{XY: make([][][2]float64, len(Projections))}
	centres := [3][2]float64{{0, 0}, {20, 0}, {0, 20}}
	for i := 0; i < 91; i++ {
		g := i % 3
		tr := catalog.Track{ID: catalogtest.ID(i), Name: fmt.Sprintf("Song %d", i), Album: fmt.Sprintf("Album %d", i/3%3),
			ReleaseDate: catalog.Date{Year: 1970 + i%20}, Decade: 1970 + i%20/10*10, DurationMS: 200000}
		for j := range tr.Audio {
			tr.Audio[j] = 0.3 + 0.01*rng.Float64()
		}
		switch g {
		case 0:
			tr.Audio[catalog.FeatureIndex(catalog.Instrumentalness)] = 0.9
		case 1:
			tr.DurationMS = 480000
		}
		xy := [2]float64{centres[g][0] + rng.NormFloat64(), centres[g][1] + rng.NormFloat64()}
		if i == 90 {
			tr = cat.Tracks[0]
			tr.ID, tr.Album = catalogtest.ID(90), "Reissue"
			xy = e.XY[0][0]
		}
		cat.Tracks = append(cat.Tracks, tr)
		e.IDs = append(e.IDs, tr.ID)
		for p := range e.XY {
			e.XY[p] = append(e.XY[p], xy)
		}
	}
	catalog.Reissues(cat.Tracks)
	return cat, e
}

func TestFindIslands(t *testing.T) {
	cat, e := islandCatalog()
	labels := make([]int, len(cat.Tracks)) // one cohort
	is, err := FindIslands(cat, e, labels, IslandOptions{Projection: 2, MinSamples: 5, EpsFactor: 3, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(is.Islands) != 3 || is.Recordings != 90 || is.InIslands != 90 {
		t.Fatalf("%d islands, %d of %d recordings in islands", len(is.Islands), is.InIslands, is.Recordings)
	}
	if is.Labels[90] != is.Labels[0] {
		t.Errorf("the reissue is on island %d, its recording on %d", is.Labels[90], is.Labels[0])
	}
	for _, x := range is.Islands {
		want := 30
		if x.ID == is.Labels[0] {
			want = 31
		}
		// Each album holds 10 of an island's 30 recordings.
		if x.Recordings != 30 || x.Tracks != want || !closeTo(x.AlbumShare, 1.0/3) || x.LiveShare != 0 || x.Cohort != 0 || x.CohortShare != 1 {
			t.Errorf("island %+v", x)
		}
	}
	instr := is.Islands[is.Labels[0]]
	if l := instr.Levels[0]; l.Feature != catalog.Instrumentalness || l.Word != "instrumental" || l.Share != 1 || !closeTo(l.CatalogShare, 1.0/3) {
		t.Errorf("the instrumental island's first level is %+v", l)
	}
	long := is.Islands[is.Labels[1]]
	if l := long.Levels[0]; l.Feature != catalog.DurationMS || l.Word != "long" || l.Share != 1 {
		t.Errorf("the long island's first level is %+v", l)
	}
	nmi := map[string]Explanation{}
	for i, x := range is.Explained {
		nmi[x.What] = x
		if i > 0 && x.NMI > is.Explained[i-1].NMI {
			t.Errorf("explanations not by decreasing NMI: %v", is.Explained)
		}
	}
	// Album and decade are spread evenly over the islands: NMI 0 (by
	// hand, every island holds each album 10 times).
	if a := nmi["album"]; a.Sound || a.NMI > 1e-12 || a.Groups != 3 {
		t.Errorf("album explanation %+v", a)
	}
	if x := nmi["instrumentalness level"]; !x.Sound || x.NMI < 0.5 || x.Chance > 0.1 {
		t.Errorf("instrumentalness explanation %+v", x)
	}
	if _, err := FindIslands(cat, e, labels, IslandOptions{Projection: 2, MinSamples: 1, EpsFactor: 1}); err == nil {
		t.Error("MinSamples 1 accepted")
	}
	if _, err := FindIslands(cat, e, labels[:5], IslandOptions{Projection: 2, MinSamples: 5, EpsFactor: 1}); err == nil {
		t.Error("labels of another catalog accepted")
	}
}

func closeTo(a, b float64) bool { return a-b < 1e-12 && b-a < 1e-12 }
