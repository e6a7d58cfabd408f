package songs

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// blobCatalog returns n synthetic tracks around two well separated sound
// profiles (seeded), titled "Song i", released 1965..2004; every fifth
// track from the tenth on is a reissue of track i-7 (identical audio,
// title " - Remastered 2009", a later date) and every seventh a live take
// of track i-3 (same title plus " - Live", slightly different audio).
// Reissues are grouped as Clean does.
func blobCatalog(n int, seed uint64) *Catalog {
	rng := rand.New(rand.NewPCG(seed, 1))
	cat := &Catalog{Has: map[string]bool{Popularity: true, Album: true, ReleaseDate: true, "uri": true}}
	for i := 0; i < n; i++ {
		id := testID(i)
		year := 1965 + i%40
		t := Track{ID: id, URI: uriPrefix + id, Name: fmt.Sprintf("Song %d", i), Album: fmt.Sprintf("Album %d", i%6),
			ReleaseDate: Date{Year: year}, Decade: year / 10 * 10, Popularity: float64(rng.IntN(90))}
		shift := 0.0
		if i%2 == 1 {
			shift = 1
		}
		for j := range t.Audio {
			t.Audio[j] = 0.25 + 0.5*shift + 0.08*rng.NormFloat64()
		}
		t.Audio[featureIndex(Loudness)] = -12 + 6*shift + rng.NormFloat64()
		t.Audio[featureIndex(Tempo)] = 100 + 30*shift + 5*rng.NormFloat64()
		t.DurationMS = 200000 + 60000*shift + 10000*rng.NormFloat64()
		switch {
		case i >= 10 && i%5 == 0:
			src := cat.Tracks[i-7]
			t.Name, t.Audio, t.DurationMS = src.Name+" - Remastered 2009", src.Audio, src.DurationMS
			t.ReleaseDate, t.Decade = Date{Year: 2009}, 2000
		case i >= 10 && i%7 == 0:
			src := cat.Tracks[i-3]
			t.Name, t.Audio, t.DurationMS = src.Name+" - Live", src.Audio, src.DurationMS*1.05
			t.Audio[featureIndex(Liveness)] += 0.2
		}
		cat.Tracks = append(cat.Tracks, t)
	}
	Reissues(cat.Tracks)
	return cat
}

// validationFor returns the validation Validate would cache if it had
// chosen algorithm at k, built from v's sweep labels.
func validationFor(t testing.TB, cat *Catalog, v *Validation, algorithm string, k int) *Validation {
	t.Helper()
	prep, err := ImprovedSet.Prepare(cat)
	if err != nil {
		t.Fatal(err)
	}
	w := *v
	w.Chosen = Choice{Set: ImprovedSet.Name, Algorithm: algorithm, K: k, Silhouette: v.Improved.Sweeps[algorithm][k-KMin].Silhouette}
	w.IDs, w.Labels = expandToTracks(cat, prep.Rows, RelabelBySize(v.Improved.Sweeps[algorithm][k-KMin].Labels))
	return &w
}

// validated caches one Validate run of the test catalog.
var validated = map[int]*Validation{}

// testValidation validates blobCatalog(n, 7) once per n.
func testValidation(t testing.TB, n int) (*Catalog, *Validation) {
	t.Helper()
	cat := blobCatalog(n, 7)
	if v, ok := validated[n]; ok {
		return cat, v
	}
	v, err := Validate(cat, 42, 2)
	if err != nil {
		t.Fatal(err)
	}
	validated[n] = v
	return cat, v
}

// realCohorts returns the course catalog cleaned as notebook 01 does and
// its validation as notebook 03 computes it (shared with the other
// real-catalog tests), with the project's parameters. It does not read the
// notebooks' outputs, so it runs before them; it skips when the catalog is
// not staged (fails under CI=true) and in -short mode.
func realCohorts(t *testing.T) (*Catalog, *Validation, Params) {
	t.Helper()
	cat, v := realValidation(t)
	p, err := ParamsFromEnv()
	if err != nil {
		t.Fatal(err)
	}
	p.Seed = 42
	return cat, v, p
}

// bruteNearest ranks the tracks by Euclidean distance from q in x plus
// penalty, ties by index, without any index structure.
func bruteNearest(r *Recommender, q []float64, penalty func(int) float64) []int {
	n, _ := r.x.Dims()
	idx := make([]int, n)
	d := make([]float64, n)
	for i := range idx {
		idx[i] = i
		d[i] = distance(q, r.x.RawRowView(i)) + penalty(i)
	}
	for i := 1; i < n; i++ { // insertion sort: stable, obviously correct
		for j := i; j > 0 && d[idx[j]] < d[idx[j-1]]; j-- {
			idx[j], idx[j-1] = idx[j-1], idx[j]
		}
	}
	return idx
}
