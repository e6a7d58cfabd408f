package songs

import (
	"math/rand/v2"
	"sort"

	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

// MaxEvaluationSeeds bounds the seed tracks of each sanity check of
// EvaluateRecommender: above it a seeded sample is used.
const MaxEvaluationSeeds = 2000

// sanitySeeds returns the seeds of the two sanity checks, each a sorted
// seeded sample of at most MaxEvaluationSeeds: the tracks of a recording
// released more than once (reissue), and the tracks whose song (same
// artist and title key) exists as another recording (other).
func (r *Recommender) sanitySeeds(seed uint64) (reissue, other []int) {
	groupSize := map[int]int{}
	songGroups := map[string]map[int]bool{}
	for i := range r.cat.Tracks {
		groupSize[r.group[i]]++
		if r.song[i] == "" {
			continue
		}
		if songGroups[r.song[i]] == nil {
			songGroups[r.song[i]] = map[int]bool{}
		}
		songGroups[r.song[i]][r.group[i]] = true
	}
	for i := range r.cat.Tracks {
		if groupSize[r.group[i]] > 1 {
			reissue = append(reissue, i)
		}
		if r.song[i] != "" && len(songGroups[r.song[i]]) > 1 {
			other = append(other, i)
		}
	}
	return sampleOf(reissue, seed, 1), sampleOf(other, seed, 2)
}

// sampleOf returns idx, or a seeded sorted sample of MaxEvaluationSeeds of it.
func sampleOf(idx []int, seed, stream uint64) []int {
	if len(idx) <= MaxEvaluationSeeds {
		return idx
	}
	rng := rand.New(rand.NewPCG(seed, 0xe7a1+stream))
	perm := rng.Perm(len(idx))[:MaxEvaluationSeeds]
	sort.Ints(perm)
	out := make([]int, len(perm))
	for j, p := range perm {
		out[j] = idx[p]
	}
	return out
}

// reissueFound reports, per method and seed, whether the list of n
// tracks (only the seed itself left out) holds another release of the
// seed's recording.
func (r *Recommender) reissueFound(seeds []int, methods []Method, listers []lister, n int) [][]bool {
	return r.eachSeed(seeds, methods, listers, n, streamReissue, func(i int) *exclusion { return r.exclusion([]int{i}, false) },
		func(i, j int) bool { return r.group[j] == r.group[i] })
}

// otherRecordingFound reports, per method and seed, whether the list of n
// tracks (the seed's own recording left out, its other versions kept)
// holds another recording of the seed's song.
func (r *Recommender) otherRecordingFound(seeds []int, methods []Method, listers []lister, n int) [][]bool {
	return r.eachSeed(seeds, methods, listers, n, streamOther, func(i int) *exclusion {
		ex := r.exclusion([]int{i}, false)
		ex.excludeRecording(r, i)
		return ex
	}, func(i, j int) bool { return r.songID[i] >= 0 && r.songID[j] == r.songID[i] })
}

// eachSeed asks every method for n tracks for every seed alone, leaving
// out excl(seed), and reports per method and seed whether found(seed, j)
// holds for a listed track j. Seeds run in parallel blocks; the methods
// of one seed share its neighbour search.
func (r *Recommender) eachSeed(seeds []int, methods []Method, listers []lister, n int, stream uint64, excl func(int) *exclusion, found func(i, j int) bool) [][]bool {
	out := make([][]bool, len(listers))
	for m := range out {
		out[m] = make([]bool, len(seeds))
	}
	k := r.memoSize(methods, n)
	parallel.For(len(seeds), 0, func(_, lo, hi int) {
		for s := lo; s < hi; s++ {
			i := seeds[s]
			memo := &searchMemo{}
			if k > 0 {
				memo.search(r.tree, r.query([]int{i}), k)
			}
			for m, list := range listers {
				for _, j := range list([]int{i}, excl(i), n, stream+uint64(s), memo) {
					if found(i, j) {
						out[m][s] = true
						break
					}
				}
			}
		}
	})
	return out
}

// hitShare is the share of true values (NaN for none).
func hitShare(found []bool) float64 {
	n := 0
	for _, f := range found {
		n += b2i(f)
	}
	return ratio(n, len(found))
}
