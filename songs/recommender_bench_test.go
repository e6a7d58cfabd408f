package songs

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
)

// synthRecommender indexes n synthetic tracks (seeded): five sound
// profiles, distinct titles, no reissues, cohorts by profile.
func synthRecommender(b *testing.B, n int) *Recommender {
	b.Helper()
	rng := rand.New(rand.NewPCG(uint64(n), 11))
	cat := &catalog.Catalog{Has: map[string]bool{catalog.Popularity: true}, Tracks: make([]catalog.Track, n)}
	labels := make([]int, n)
	for i := range cat.Tracks {
		t := &cat.Tracks[i]
		t.ID = "S" + strconv.Itoa(i)
		t.CanonicalID = t.ID
		t.Name = "Song " + strconv.Itoa(i)
		t.Popularity = float64(rng.IntN(100))
		t.Decade = 1960 + 10*rng.IntN(6)
		c := i % 5
		labels[i] = c
		for j := range t.Audio {
			t.Audio[j] = float64(c)*0.1 + rng.NormFloat64()*0.2
		}
		t.DurationMS = 200000 + 40000*rng.NormFloat64()
	}
	r, err := NewRecommender(cat, labels)
	if err != nil {
		b.Fatal(err)
	}
	return r
}

// BenchmarkRecommend times one query (ten recommendations for one seed)
// against catalogs of growing size. Compare with the bench command's knn
// op: scikit-learn's brute-force kneighbors over 1M rows took 1.02 s for
// 1000 queries (about 1 ms a query, batched, 2 threads).
func BenchmarkRecommend(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		r := synthRecommender(b, n)
		seeds := make([]string, 64)
		for s := range seeds {
			seeds[s] = r.cat.Tracks[(s*7919)%n].ID
		}
		for _, c := range []struct {
			name string
			opt  RecommendOptions
		}{
			{"nearest", RecommendOptions{N: 10}},
			{"same-cohort", RecommendOptions{N: 10, SameCohort: true}},
			{"diverse+popular", RecommendOptions{N: 10, Diversity: 0.3, PopularityBlend: 0.2}},
		} {
			b.Run(fmt.Sprintf("n=%d/%s", n, c.name), func(b *testing.B) {
				for i := 0; b.Loop(); i++ {
					if _, err := r.Recommend(seeds[i%len(seeds):i%len(seeds)+1], c.opt); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		b.Run(fmt.Sprintf("n=%d/playlist-10", n), func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				if _, err := r.Playlist(seeds[i%len(seeds)], 10); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkNewRecommender times indexing a catalog (scaling, titles and
// the k-d tree).
func BenchmarkNewRecommender(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		r := synthRecommender(b, n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := NewRecommender(r.cat, r.labels); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
