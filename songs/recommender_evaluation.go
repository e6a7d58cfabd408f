package songs

import (
	"math"
	"math/rand/v2"
	"sort"
)

// MaxEvaluationSeeds bounds the seed tracks of each measure of
// EvaluateRecommender: above it a seeded sample is used.
const MaxEvaluationSeeds = 2000

// Recommendation methods compared by EvaluateRecommender.
const (
	MethodNearest    = "nearest neighbours"
	MethodSameCohort = "nearest in the seed's cohort"
	MethodRandom     = "random (baseline)"
	MethodPopular    = "most popular (baseline)"
)

// MethodEvaluation holds one method's offline figures; NaN where a figure
// was not measured (no seeds, or no popularity for that baseline).
type MethodEvaluation struct {
	Method string
	// ReissueHitRate is the share of seeds in a reissue group whose other
	// release (identical recording) is among the top N, the seed's other
	// versions not excluded.
	ReissueHitRate float64
	// OtherRecordingHitRate is the share of seeds whose song exists as
	// another recording (same artist and TitleKey, different audio, e.g. a live take)
	// with that recording among the top N, the seed's reissues excluded.
	OtherRecordingHitRate float64
	// SameEra and SameLive are the shares of recommendations (with the
	// seed's versions excluded, as users see them) released in the seed's
	// decade, and with the seed's live flag (LiveByTitle).
	SameEra, SameLive float64
}

// RecommenderEvaluation is the offline evaluation of the recommender
// against random and popularity baselines.
type RecommenderEvaluation struct {
	// N is the length of every recommendation list; Seed seeds the random
	// baseline and the seed samples.
	N    int
	Seed uint64
	// ReissueSeeds, OtherRecordingSeeds and Seeds count the seed tracks of
	// the hit rates and of the era and live agreement.
	ReissueSeeds, OtherRecordingSeeds, Seeds int
	Methods                                  []MethodEvaluation
}

// ranker returns up to n tracks for seed i, leaving out excl.
type ranker func(i int, excl *exclusion, n int) []int

// EvaluateRecommender measures the recommender offline with lists of n
// tracks. Natural ground truth for "most similar" are the catalog's
// duplicates: a reissue's other release (identical audio) and, harder,
// another recording of the same song (a live or alternative take). Era
// (decade) and live-flag agreement between seed and recommendations say
// whether neighbours in sound share context. Every figure is compared with
// n random tracks (seeded) and the n most popular tracks, under the same
// exclusions and one track per recording and title. Each measure uses at
// most MaxEvaluationSeeds seeds (a seeded sample).
func EvaluateRecommender(r *Recommender, n int, seed uint64) *RecommenderEvaluation {
	if n < 1 {
		panic("songs: EvaluateRecommender needs n >= 1")
	}
	ev := &RecommenderEvaluation{N: n, Seed: seed}
	nn := func(opt RecommendOptions) ranker {
		opt.N = n
		return func(i int, excl *exclusion, n int) []int {
			out := []int{}
			for _, rec := range r.recommend([]int{i}, excl, opt) {
				out = append(out, r.byID[rec.ID])
			}
			return out
		}
	}
	methods := []struct {
		name string
		rank ranker
	}{
		{MethodNearest, nn(RecommendOptions{})},
		{MethodSameCohort, nn(RecommendOptions{SameCohort: true})},
		{MethodRandom, r.randomRanker(seed)},
	}
	if r.hasPop {
		methods = append(methods, struct {
			name string
			rank ranker
		}{MethodPopular, r.popularRanker()})
	}
	reissue, other, all := r.evaluationSeeds(seed)
	ev.ReissueSeeds, ev.OtherRecordingSeeds, ev.Seeds = len(reissue), len(other), len(all)
	for _, m := range methods {
		me := MethodEvaluation{Method: m.name}
		me.ReissueHitRate = hitRate(reissue, func(i int) bool {
			for _, j := range m.rank(i, r.exclusion([]int{i}, false), n) {
				if r.group[j] == r.group[i] {
					return true
				}
			}
			return false
		})
		me.OtherRecordingHitRate = hitRate(other, func(i int) bool {
			ex := r.exclusion([]int{i}, false)
			ex.groups[r.group[i]] = true
			for _, j := range m.rank(i, ex, n) {
				if r.song[j] == r.song[i] {
					return true
				}
			}
			return false
		})
		me.SameEra, me.SameLive = r.agreement(all, m.rank, n)
		ev.Methods = append(ev.Methods, me)
	}
	return ev
}

// evaluationSeeds returns the seeds of the reissue hit rate (tracks of a
// reissue group), of the other-recording hit rate (tracks whose title key
// has another recording), and of the agreement measures (one track per
// recording), each a sorted seeded sample of at most MaxEvaluationSeeds.
func (r *Recommender) evaluationSeeds(seed uint64) (reissue, other, all []int) {
	groupSize := map[int]int{}
	keyGroups := map[string]map[int]bool{}
	for i := range r.cat.Tracks {
		groupSize[r.group[i]]++
		if r.song[i] == "" {
			continue
		}
		if keyGroups[r.song[i]] == nil {
			keyGroups[r.song[i]] = map[int]bool{}
		}
		keyGroups[r.song[i]][r.group[i]] = true
	}
	firstOfGroup := map[int]bool{}
	for i := range r.cat.Tracks {
		if groupSize[r.group[i]] > 1 {
			reissue = append(reissue, i)
		}
		if r.song[i] != "" && len(keyGroups[r.song[i]]) > 1 {
			other = append(other, i)
		}
		if !firstOfGroup[r.group[i]] {
			firstOfGroup[r.group[i]] = true
			all = append(all, i)
		}
	}
	return sampleOf(reissue, seed, 1), sampleOf(other, seed, 2), sampleOf(all, seed, 3)
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

// hitRate is the share of seeds for which hit holds (NaN without seeds).
func hitRate(seeds []int, hit func(int) bool) float64 {
	if len(seeds) == 0 {
		return math.NaN()
	}
	h := 0
	for _, i := range seeds {
		if hit(i) {
			h++
		}
	}
	return float64(h) / float64(len(seeds))
}

// agreement returns the shares of recommendations sharing the seed's
// decade (pairs with an unknown decade left out) and live flag.
func (r *Recommender) agreement(seeds []int, rank ranker, n int) (era, live float64) {
	var eraN, eraSame, liveN, liveSame int
	for _, i := range seeds {
		for _, j := range rank(i, r.exclusion([]int{i}, true), n) {
			if di, dj := r.cat.Tracks[i].Decade, r.cat.Tracks[j].Decade; di != 0 && dj != 0 {
				eraN++
				if di == dj {
					eraSame++
				}
			}
			liveN++
			if r.live[i] == r.live[j] {
				liveSame++
			}
		}
	}
	return ratio(eraSame, eraN), ratio(liveSame, liveN)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

// randomRanker draws n distinct tracks uniformly from those not excluded,
// one per recording and title, from one seeded generator (the draws depend
// on the order of the calls, which EvaluateRecommender fixes).
func (r *Recommender) randomRanker(seed uint64) ranker {
	rng := rand.New(rand.NewPCG(seed, 0x4a4d))
	total := len(r.cat.Tracks)
	return func(i int, excl *exclusion, n int) []int {
		taken := &exclusion{tracks: map[int]bool{}, groups: map[int]bool{}, keys: map[string]bool{}}
		var out []int
		for tries := 0; len(out) < n && tries < 100*n+1000; tries++ {
			j := rng.IntN(total)
			if excl.has(r, j) || taken.has(r, j) {
				continue
			}
			taken.add(r, j, true)
			out = append(out, j)
		}
		return out
	}
}

// popularRanker returns the n most popular tracks not excluded, one per
// recording and title (ties by catalog order).
func (r *Recommender) popularRanker() ranker {
	order := make([]int, len(r.cat.Tracks))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		return r.cat.Tracks[order[a]].Popularity > r.cat.Tracks[order[b]].Popularity
	})
	return func(i int, excl *exclusion, n int) []int {
		taken := &exclusion{tracks: map[int]bool{}, groups: map[int]bool{}, keys: map[string]bool{}}
		var out []int
		for _, j := range order {
			if len(out) == n {
				break
			}
			if excl.has(r, j) || taken.has(r, j) {
				continue
			}
			taken.add(r, j, true)
			out = append(out, j)
		}
		return out
	}
}

// Metrics returns the figures for metrics.json (key
// "recommender_evaluation"); figures not measured are left out.
func (ev *RecommenderEvaluation) Metrics() map[string]any {
	methods := map[string]any{}
	for _, m := range ev.Methods {
		fig := map[string]any{}
		for name, v := range map[string]float64{"reissue_hit_rate": m.ReissueHitRate, "other_recording_hit_rate": m.OtherRecordingHitRate,
			"same_decade": m.SameEra, "same_live_flag": m.SameLive} {
			if !math.IsNaN(v) {
				fig[name] = v
			}
		}
		methods[m.Method] = fig
	}
	return map[string]any{"n": ev.N, "seed": ev.Seed, "reissue_seeds": ev.ReissueSeeds,
		"other_recording_seeds": ev.OtherRecordingSeeds, "seeds": ev.Seeds, "methods": methods}
}
