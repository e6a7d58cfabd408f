package songs

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/neighbors"
)

// Recommender finds similar songs in a cleaned catalog: exact nearest
// neighbours in the standardised profile features (the nine audio features
// and duration, each standardised over every track), with the cohorts as
// an optional restriction or weight. Build it with NewRecommender; it is
// safe for concurrent use.
type Recommender struct {
	cat    *Catalog
	labels []int
	x      *mat.Dense
	tree   *neighbors.Tree
	byID   map[string]int
	// keys and words are the tracks' normalised titles (TitleKey); song
	// identifies a song as its artist's normalised name and the title key
	// (other versions share it), group a recording (tracks sharing a
	// CanonicalID), and live is the LiveByTitle flag.
	keys   []string
	song   []string
	words  [][]string
	group  []int
	live   []bool
	hasPop bool
}

// NewRecommender indexes a cleaned catalog whose track i is in cohort
// labels[i] (Validation.Labels; -1 for none). It returns an error if a
// track lacks a profile feature or a feature is constant, and panics if the
// lengths differ.
func NewRecommender(cat *Catalog, labels []int) (*Recommender, error) {
	if len(labels) != len(cat.Tracks) {
		panic("songs: NewRecommender needs one label per track")
	}
	x, _, err := Standardised(cat, ProfileFeatures)
	if err != nil {
		return nil, err
	}
	n := len(cat.Tracks)
	r := &Recommender{cat: cat, labels: labels, x: x, tree: neighbors.NewTree(x), byID: make(map[string]int, n),
		keys: make([]string, n), song: make([]string, n), words: make([][]string, n), group: make([]int, n), live: make([]bool, n),
		hasPop: cat.Has[Popularity]}
	groups := map[string]int{}
	for i := range cat.Tracks {
		t := &cat.Tracks[i]
		if _, dup := r.byID[t.ID]; !dup {
			r.byID[t.ID] = i
		}
		r.words[i] = titleWords(t.Name)
		r.keys[i] = strings.Join(r.words[i], "")
		if r.keys[i] != "" {
			r.song[i] = strings.Join(titleWords(t.Artist), "") + "/" + r.keys[i]
		}
		r.live[i] = LiveByTitle(t)
		c := t.CanonicalID
		if c == "" {
			c = t.ID
		}
		g, ok := groups[c]
		if !ok {
			g = len(groups)
			groups[c] = g
		}
		r.group[i] = g
	}
	return r, nil
}

// RecommendOptions tune Recommend. The zero value asks for 10 nearest
// neighbours from the whole catalog.
type RecommendOptions struct {
	// N is the number of recommendations; 0 means 10.
	N int
	// SameCohort keeps only tracks of the seeds' cohort (the most common
	// cohort among the seeds, ties to the lower number).
	SameCohort bool
	// CohortWeight is added to the distance of a track outside the seeds'
	// cohort, in standard deviations; 0 ignores cohorts.
	CohortWeight float64
	// Diversity in [0, 1] trades relevance for variety by maximal marginal
	// relevance (Carbonell and Goldstein, SIGIR 1998) with lambda =
	// 1 - Diversity: each pick maximises
	//
	//	lambda*rel(c) - (1-lambda)*max over picked s of sim(c, s),  sim = 1/(1+distance)
	//
	// 0 returns plain nearest neighbours.
	Diversity float64
	// PopularityBlend in [0, 1] mixes popularity into the relevance:
	// rel = (1-b)/(1+distance) + b*popularity/100. It is ignored when the
	// catalog has no popularity.
	PopularityBlend float64
	// IncludeVersions keeps the seeds' other versions (same recording or
	// same artist and TitleKey) among the candidates; the offline evaluation uses it,
	// since a reissue is the ground truth of "most similar".
	IncludeVersions bool
}

// Recommendation is one recommended track.
type Recommendation struct {
	Rank                    int
	ID, Name, Album, Artist string
	Year, Cohort            int
	Popularity              float64
	// Distance is the Euclidean distance from the query (the mean of the
	// seeds, or the previous song of a playlist) in standard deviations.
	Distance float64
	// Score is the relevance that ranked the track (1/(1+distance) without
	// popularity blend or cohort weight).
	Score float64
}

// ErrUnknownTrack says that a seed id is not in the catalog.
var ErrUnknownTrack = errors.New("unknown track id")

// Recommend returns the opt.N tracks most similar to the seeds (track ids):
// the exact nearest neighbours of the seeds' mean in the standardised
// profile features, ranked by relevance, optionally restricted to or
// weighted by the seeds' cohort, diversified by maximal marginal relevance
// and blended with popularity. The seeds and, unless opt.IncludeVersions,
// their other versions (same recording, or same artist and normalised title) are
// excluded, and at most one track per recording and title is returned.
// Ties are broken by catalog order. Fewer than N come back when the
// catalog (or cohort) runs out. Recommend panics on options outside their
// ranges.
func (r *Recommender) Recommend(seeds []string, opt RecommendOptions) ([]Recommendation, error) {
	if opt.N < 0 || opt.Diversity < 0 || opt.Diversity > 1 || opt.PopularityBlend < 0 || opt.PopularityBlend > 1 || opt.CohortWeight < 0 {
		panic("songs: RecommendOptions out of range")
	}
	if opt.N == 0 {
		opt.N = 10
	}
	if len(seeds) == 0 {
		return nil, errors.New("no seed tracks")
	}
	idx := make([]int, len(seeds))
	for s, id := range seeds {
		i, ok := r.byID[id]
		if !ok {
			return nil, fmt.Errorf("%w %q", ErrUnknownTrack, id)
		}
		idx[s] = i
	}
	return r.recommend(idx, r.exclusion(idx, !opt.IncludeVersions), opt), nil
}

// recommend ranks for seeds idx, leaving out the tracks of excl; opt is
// checked and opt.N set.
func (r *Recommender) recommend(idx []int, excl *exclusion, opt RecommendOptions) []Recommendation {
	_, d := r.x.Dims()
	q := make([]float64, d)
	for _, i := range idx {
		for j, v := range r.x.RawRowView(i) {
			q[j] += v / float64(len(idx))
		}
	}
	cohort := r.majorityCohort(idx)
	accept := func(i int) bool {
		return !excl.has(r, i) && (!opt.SameCohort || r.labels[i] == cohort)
	}
	penalty := func(i int) float64 {
		if opt.CohortWeight > 0 && r.labels[i] != cohort {
			return opt.CohortWeight
		}
		return 0
	}
	blend := opt.PopularityBlend
	if !r.hasPop {
		blend = 0
	}
	pool := opt.N
	if opt.Diversity > 0 || blend > 0 {
		pool = max(5*opt.N, 50)
	}
	for {
		cands := r.search(q, pool, accept, penalty)
		picked := r.pick(cands, opt.N, opt.Diversity, blend)
		if len(picked) == opt.N || len(cands) < pool {
			return picked
		}
		pool *= 2 // duplicates of one recording or title used up the pool
	}
}

// majorityCohort is the most common cohort of the tracks, ties to the lower.
func (r *Recommender) majorityCohort(idx []int) int {
	count := map[int]int{}
	best, bestN := -1, 0
	for _, i := range idx {
		l := r.labels[i]
		count[l]++
		if count[l] > bestN || (count[l] == bestN && l < best) {
			best, bestN = l, count[l]
		}
	}
	return best
}

// exclusion is a set of tracks, recordings and titles to leave out.
type exclusion struct {
	tracks map[int]bool
	groups map[int]bool
	keys   map[string]bool
}

// exclusion excludes the tracks idx and, if versions, their recordings and
// titles.
func (r *Recommender) exclusion(idx []int, versions bool) *exclusion {
	e := &exclusion{tracks: map[int]bool{}, groups: map[int]bool{}, keys: map[string]bool{}}
	for _, i := range idx {
		e.add(r, i, versions)
	}
	return e
}

func (e *exclusion) add(r *Recommender, i int, versions bool) {
	e.tracks[i] = true
	if versions {
		e.groups[r.group[i]] = true
		if r.song[i] != "" {
			e.keys[r.song[i]] = true
		}
	}
}

func (e *exclusion) has(r *Recommender, i int) bool {
	return e.tracks[i] || e.groups[r.group[i]] || e.keys[r.song[i]]
}

// candidate is a track and its distances from the query: raw and with the
// cohort penalty.
type candidate struct {
	i       int
	dist    float64
	penalty float64
}

// search returns up to need accepted tracks nearest q by distance plus
// penalty (ties by index), exactly: it asks the k-d tree for more
// neighbours until every accepted track closer than the farthest one
// returned is known.
func (r *Recommender) search(q []float64, need int, accept func(int) bool, penalty func(int) float64) []candidate {
	n := r.tree.Len()
	query := mat.NewDense(1, len(q), q)
	k := min(n, 2*need+16)
	for {
		idx, dist := r.tree.Search(query, k).Row(0)
		bound := math.Inf(1)
		if k < n {
			bound = dist[k-1] // every unseen track is at least this far
		}
		var safe []candidate
		for j, i := range idx {
			if !accept(i) {
				continue
			}
			if c := (candidate{i, dist[j], penalty(i)}); c.dist+c.penalty < bound {
				safe = append(safe, c)
			}
		}
		if len(safe) >= need || k == n {
			sortCandidates(safe)
			return safe[:min(need, len(safe))]
		}
		k = min(n, 4*k)
	}
}

// sortCandidates orders candidates by penalised distance, then index.
func sortCandidates(c []candidate) {
	less := func(a, b candidate) bool {
		da, db := a.dist+a.penalty, b.dist+b.penalty
		if da != db {
			return da < db
		}
		return a.i < b.i
	}
	// insertion sort keeps equal keys stable and the lists are short
	for i := 1; i < len(c); i++ {
		for j := i; j > 0 && less(c[j], c[j-1]); j-- {
			c[j], c[j-1] = c[j-1], c[j]
		}
	}
}

// pick chooses n candidates by maximal marginal relevance, one per
// recording and title.
func (r *Recommender) pick(cands []candidate, n int, diversity, blend float64) []Recommendation {
	rel := make([]float64, len(cands))
	for j, c := range cands {
		rel[j] = (1 - blend) / (1 + c.dist + c.penalty)
		if blend > 0 {
			if p := r.cat.Tracks[c.i].Popularity; !math.IsNaN(p) {
				rel[j] += blend * p / 100
			}
		}
	}
	used := make([]bool, len(cands))
	taken := &exclusion{tracks: map[int]bool{}, groups: map[int]bool{}, keys: map[string]bool{}}
	maxSim := make([]float64, len(cands)) // to the picked tracks
	var out []Recommendation
	for len(out) < n {
		best, bestScore := -1, math.Inf(-1)
		for j, c := range cands {
			if used[j] || taken.has(r, c.i) {
				continue
			}
			s := rel[j]
			if diversity > 0 {
				s = (1-diversity)*rel[j] - diversity*maxSim[j]
			}
			if s > bestScore {
				best, bestScore = j, s
			}
		}
		if best < 0 {
			break
		}
		used[best] = true
		c := cands[best]
		taken.add(r, c.i, true)
		if diversity > 0 {
			row := r.x.RawRowView(c.i)
			for j := range cands {
				if !used[j] {
					maxSim[j] = math.Max(maxSim[j], 1/(1+distance(row, r.x.RawRowView(cands[j].i))))
				}
			}
		}
		out = append(out, r.recommendation(len(out)+1, c.i, c.dist, rel[best]))
	}
	return out
}

// distance is the Euclidean distance of two rows.
func distance(a, b []float64) float64 {
	s := 0.0
	for j := range a {
		d := a[j] - b[j]
		s += d * d
	}
	return math.Sqrt(s)
}

func (r *Recommender) recommendation(rank, i int, dist, score float64) Recommendation {
	t := &r.cat.Tracks[i]
	return Recommendation{Rank: rank, ID: t.ID, Name: t.Name, Album: t.Album, Artist: t.Artist, Year: t.ReleaseDate.Year,
		Cohort: r.labels[i], Popularity: t.Popularity, Distance: dist, Score: score}
}

// Playlist returns n songs that start from the seed (a track id), stay in
// its cohort and move smoothly through the feature space: each song is the
// nearest one to the previous song among the cohort's songs not yet
// played, never another version (recording or title) of a song already in
// the playlist, the seed included. The seed itself is not listed. Fewer
// than n come back when the cohort runs out. Playlist panics if n < 1.
func (r *Recommender) Playlist(seed string, n int) ([]Recommendation, error) {
	if n < 1 {
		panic("songs: Playlist needs n >= 1")
	}
	cur, ok := r.byID[seed]
	if !ok {
		return nil, fmt.Errorf("%w %q", ErrUnknownTrack, seed)
	}
	cohort := r.labels[cur]
	played := r.exclusion([]int{cur}, true)
	accept := func(i int) bool { return r.labels[i] == cohort && !played.has(r, i) }
	none := func(int) float64 { return 0 }
	var out []Recommendation
	for len(out) < n {
		c := r.search(r.x.RawRowView(cur), 1, accept, none)
		if len(c) == 0 {
			break
		}
		cur = c[0].i
		played.add(r, cur, true)
		out = append(out, r.recommendation(len(out)+1, cur, c[0].dist, 1/(1+c[0].dist)))
	}
	return out, nil
}

// Catalog returns the catalog the recommender indexes.
func (r *Recommender) Catalog() *Catalog { return r.cat }
