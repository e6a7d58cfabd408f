package songs

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"sort"
)

// Ranking is how a Method chooses its tracks.
type Ranking int

const (
	// Nearest is the recommender itself with the Method's Options.
	Nearest Ranking = iota
	// Random draws recordings uniformly (seeded); Options.SameCohort
	// restricts the draws to the seeds' cohort.
	Random
	// MostPopular offers the most popular tracks first, the same list for
	// every listener (ties by catalog order); Options.SameCohort restricts
	// it to the seeds' cohort. It needs popularity.
	MostPopular
)

// String names the ranking.
func (k Ranking) String() string {
	switch k {
	case Nearest:
		return "nearest"
	case Random:
		return "random"
	case MostPopular:
		return "most popular"
	}
	return fmt.Sprintf("Ranking(%d)", int(k))
}

// Method is one way of recommending that EvaluateRecommender measures: the
// recommender with its options, or a baseline. Every method obeys the
// product's rules: the seeds and their other versions are left out, and a
// list holds one track per recording and title.
type Method struct {
	// Key names the method in metrics.json ("nearest_neighbours", ...).
	Key string
	// Ranking is Nearest (the recommender), Random or MostPopular.
	Ranking Ranking
	// Options are the recommender's options for Nearest (N is set by the
	// evaluation); the baselines use only SameCohort.
	Options RecommendOptions
}

// check returns an error for a method EvaluateRecommender cannot run.
func (m Method) check() error {
	if m.Key == "" {
		return fmt.Errorf("a method needs a key")
	}
	if m.Ranking < Nearest || m.Ranking > MostPopular {
		return fmt.Errorf("method %q: unknown ranking %v", m.Key, m.Ranking)
	}
	o := m.Options
	if o.Diversity < 0 || o.Diversity > 1 || o.PopularityBlend < 0 || o.PopularityBlend > 1 || o.CohortWeight < 0 || o.LocalScaling < 0 || o.N != 0 {
		return fmt.Errorf("method %q: options out of range (N is set by the evaluation)", m.Key)
	}
	if m.Ranking != Nearest && (o != RecommendOptions{SameCohort: o.SameCohort}) {
		return fmt.Errorf("method %q: a %v baseline takes only SameCohort", m.Key, m.Ranking)
	}
	return nil
}

// lister returns up to n tracks for the seeds idx, leaving out the tracks
// of excl, one per recording and title; stream seeds its random draws, so
// a list does not depend on the order in which lists are made, and memo
// (nil, or one per query) shares neighbour searches between methods.
type lister func(idx []int, excl *exclusion, n int, stream uint64, memo *searchMemo) []int

// lister returns the method's lister; seed seeds the random draws.
func (r *Recommender) lister(m Method, seed uint64) lister {
	switch m.Ranking {
	case Random:
		return r.randomLister(m.Options.SameCohort, seed^keyHash(m.Key))
	case MostPopular:
		return r.popularLister(m.Options.SameCohort)
	}
	return func(idx []int, excl *exclusion, n int, _ uint64, memo *searchMemo) []int {
		opt := m.Options
		opt.N = n
		out := make([]int, 0, n)
		for _, p := range r.rank(idx, excl, opt, memo) {
			out = append(out, p.i)
		}
		return out
	}
}

// keyHash is the FNV-1a hash of a method key, which gives each method its
// own random streams.
func keyHash(key string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(key))
	return h.Sum64()
}

// baselineAccept returns whether a baseline may offer track i for the seeds
// idx: not excluded and, with sameCohort, in the seeds' cohort.
func (r *Recommender) baselineAccept(idx []int, excl *exclusion, sameCohort bool) func(int) bool {
	cohort := r.majorityCohort(idx)
	return func(i int) bool {
		return !excl.has(r, i) && (!sameCohort || r.labels[i] == cohort)
	}
}

// randomLister draws n distinct acceptable recordings uniformly (each as
// its first track), one per title: by rejection while it succeeds, then
// from the list of what is left.
func (r *Recommender) randomLister(sameCohort bool, seed uint64) lister {
	total := len(r.reps)
	return func(idx []int, excl *exclusion, n int, stream uint64, _ *searchMemo) []int {
		rng := rand.New(rand.NewPCG(seed, stream))
		accept := r.baselineAccept(idx, excl, sameCohort)
		taken := r.exclusion(nil, true)
		out := make([]int, 0, n)
		for tries := 0; len(out) < n && tries < 20*n+200; tries++ {
			if j := r.reps[rng.IntN(total)]; accept(j) && !taken.has(r, j) {
				taken.add(r, j, true)
				out = append(out, j)
			}
		}
		if len(out) < n { // most tracks are excluded: draw from the rest
			var rest []int
			for _, j := range r.reps {
				if accept(j) && !taken.has(r, j) {
					rest = append(rest, j)
				}
			}
			rng.Shuffle(len(rest), func(a, b int) { rest[a], rest[b] = rest[b], rest[a] })
			for _, j := range rest {
				if len(out) == n {
					break
				}
				if !taken.has(r, j) {
					taken.add(r, j, true)
					out = append(out, j)
				}
			}
		}
		return out
	}
}

// popularLister offers the most popular acceptable tracks, one per
// recording and title (ties by catalog order).
func (r *Recommender) popularLister(sameCohort bool) lister {
	order := make([]int, len(r.cat.Tracks))
	for i := range order {
		order[i] = i
	}
	pop := func(i int) float64 {
		if p := r.cat.Tracks[i].Popularity; !math.IsNaN(p) {
			return p
		}
		return math.Inf(-1)
	}
	sort.SliceStable(order, func(a, b int) bool { return pop(order[a]) > pop(order[b]) })
	return func(idx []int, excl *exclusion, n int, _ uint64, _ *searchMemo) []int {
		accept := r.baselineAccept(idx, excl, sameCohort)
		taken := r.exclusion(nil, true)
		out := make([]int, 0, n)
		for _, j := range order {
			if len(out) == n {
				break
			}
			if accept(j) && !taken.has(r, j) {
				taken.add(r, j, true)
				out = append(out, j)
			}
		}
		return out
	}
}

// StudyMethods are the methods notebook 04 evaluates, with the keys of
// metrics.json: the recommender as shipped, keeping to the seeds' cohort,
// with local scaling (k = 10), and the random, same-cohort random and
// most-popular baselines. The notebook's evaluation cell spells them out.
func StudyMethods() []Method {
	cohort := RecommendOptions{SameCohort: true}
	return []Method{
		{Key: "nearest_neighbours"},
		{Key: "same_cohort", Options: cohort},
		{Key: "local_scaling", Options: RecommendOptions{LocalScaling: 10}},
		{Key: "random", Ranking: Random},
		{Key: "same_cohort_random", Ranking: Random, Options: cohort},
		{Key: "most_popular", Ranking: MostPopular},
	}
}

// StudyEvaluation is notebook 04's evaluation configuration with the
// seed: lists of 10, 3 seed songs, playlists of at least 6 songs, 2,000
// bootstrap resamples. With StudyMethods it gives the evaluation the
// notebook's evaluation cell makes (and caches), for a cell that needs
// the figures earlier, such as a summary.
func StudyEvaluation(seed uint64) Evaluation {
	return Evaluation{N: 10, SeedTracks: 3, MinSongs: 6, Resamples: 2000, Seed: seed}
}
