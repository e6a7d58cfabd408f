package songs

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/neighbors"
)

// Recommender finds similar songs in a cleaned catalog: exact nearest
// neighbours in the standardised profile features (the nine audio features
// and duration, each standardised over every track), with the cohorts as
// an optional restriction or weight. Build it with NewRecommender; it is
// safe for concurrent use.
type Recommender struct {
	cat    *catalog.Catalog
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
	// songID numbers the songs (-1 for a title without letters or
	// digits); reps holds the first track of each recording, in group
	// order.
	songID []int
	reps   []int

	mu      sync.Mutex          // guards the lazily built fields below
	repRows *mat.Dense          // the reps' rows, for local scaling
	repTree *neighbors.Tree     // over repRows
	scales  map[int]*localScale // local scales by k
}

// NewRecommender indexes a cleaned catalog whose track i is in cohort
// labels[i] (Validation.Labels; -1 for none). It returns an error if a
// track lacks a profile feature or a feature is constant, and panics if the
// lengths differ.
func NewRecommender(cat *catalog.Catalog, labels []int) (*Recommender, error) {
	if len(labels) != len(cat.Tracks) {
		panic("songs: NewRecommender needs one label per track")
	}
	x, _, err := Standardised(cat, ProfileFeatures)
	if err != nil {
		return nil, err
	}
	return newRecommender(cat, labels, x), nil
}

// newRecommender indexes the tracks of cat with their rows x (one per
// track) and cohorts.
func newRecommender(cat *catalog.Catalog, labels []int, x *mat.Dense) *Recommender {
	n := len(cat.Tracks)
	r := &Recommender{cat: cat, labels: labels, x: x, tree: neighbors.NewTree(x), byID: make(map[string]int, n),
		keys: make([]string, n), song: make([]string, n), words: make([][]string, n), group: make([]int, n), live: make([]bool, n), songID: make([]int, n),
		hasPop: cat.Has[catalog.Popularity], scales: map[int]*localScale{}}
	groups, songs := map[string]int{}, map[string]int{}
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
		r.songID[i] = -1
		if r.song[i] != "" {
			id, ok := songs[r.song[i]]
			if !ok {
				id = len(songs)
				songs[r.song[i]] = id
			}
			r.songID[i] = id
		}
		r.live[i] = LiveByTitle(t)
		c := t.RecordingID()
		g, ok := groups[c]
		if !ok {
			g = len(groups)
			groups[c] = g
			r.reps = append(r.reps, i)
		}
		r.group[i] = g
	}
	return r
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
	// LocalScaling, when k > 0, ranks by the local scaling of Zelnik-Manor
	// and Perona (2004, "Self-tuning spectral clustering", NIPS), which
	// Schnitzer, Flexer, Schedl and Widmer (2012, "Local and global scaling
	// reduce hubs in space", JMLR 13) showed to reduce hubness, instead of
	// the plain distance:
	//
	//	LS(q, y) = 1 - exp(-d(q, y)^2 / (sigma_q sigma_y))
	//
	// sigma_y the distance from track y to its k-th nearest other
	// recording and sigma_q that of the query to its k-th nearest
	// recording outside the seeds'. A track in a dense region (a likely
	// hub) moves away, one in a sparse region (a likely anti-hub) closer.
	// The LocalScalingCandidates nearest tracks are re-ranked, as in the
	// approximate hubness reduction of Feldbauer, Leodolter, Plant and
	// Flexer (2018, "Fast approximate hubness reduction for large
	// high-dimensional data", IEEE ICBK) that scikit-hubness implements. The relevance becomes 1 - LS. 0 ranks by plain
	// distance.
	LocalScaling int
}

// Recommendation is one recommended track.
type Recommendation struct {
	Rank                    int
	ID, Name, Album, Artist string
	// Year is the release year and Decade the first year of the release
	// decade (0 when unknown).
	Year, Decade, Cohort int
	Popularity           float64
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
// profile features, ranked by relevance (by local scaling with
// opt.LocalScaling), optionally restricted to or weighted by the seeds'
// cohort, diversified by maximal marginal relevance and blended with
// popularity. The seeds and, unless opt.IncludeVersions,
// their other versions (same recording, or same artist and normalised title) are
// excluded, and at most one track per recording and title is returned.
// Ties are broken by catalog order. Fewer than N come back when the
// catalog (or cohort) runs out. Recommend panics on options outside their
// ranges, and returns an error if opt.LocalScaling is not below the
// catalog's number of recordings.
func (r *Recommender) Recommend(seeds []string, opt RecommendOptions) ([]Recommendation, error) {
	checkOptions(opt)
	if opt.N == 0 {
		opt.N = 10
	}
	if len(seeds) == 0 {
		return nil, errors.New("no seed tracks")
	}
	if err := r.checkLocalScaling(opt.LocalScaling); err != nil {
		return nil, err
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

// checkOptions panics on options outside their ranges.
func checkOptions(opt RecommendOptions) {
	if opt.N < 0 || opt.Diversity < 0 || opt.Diversity > 1 || opt.PopularityBlend < 0 || opt.PopularityBlend > 1 || opt.CohortWeight < 0 || opt.LocalScaling < 0 {
		panic("songs: RecommendOptions out of range")
	}
}

// recommend ranks for seeds idx, leaving out the tracks of excl; opt is
// checked and opt.N set.
func (r *Recommender) recommend(idx []int, excl *exclusion, opt RecommendOptions) []Recommendation {
	var out []Recommendation
	for _, p := range r.rank(idx, excl, opt, nil) {
		out = append(out, r.recommendation(len(out)+1, p.i, p.dist, p.score))
	}
	return out
}

// picked is a recommended track: its index, its distance from the query
// and the relevance that ranked it.
type picked struct {
	i           int
	dist, score float64
}

// rank returns the opt.N tracks recommended for seeds idx, leaving out the
// tracks of excl; opt is checked and opt.N set. memo, when not nil, holds
// a neighbour search already made for the query.
func (r *Recommender) rank(idx []int, excl *exclusion, opt RecommendOptions, memo *searchMemo) []picked {
	q := r.query(idx)
	cohort := r.majorityCohort(idx)
	rk := ranking{
		accept: func(i int) bool { return !excl.has(r, i) && (!opt.SameCohort || r.labels[i] == cohort) },
		penalty: func(i int) float64 {
			if opt.CohortWeight > 0 && r.labels[i] != cohort {
				return opt.CohortWeight
			}
			return 0
		},
	}
	blend := opt.PopularityBlend
	if !r.hasPop {
		blend = 0
	}
	pool := r.initialPool(opt, opt.N)
	if opt.LocalScaling > 0 {
		rk.scale = r.localScales(opt.LocalScaling).sigma
		if len(idx) == 1 {
			rk.querySigma = rk.scale[idx[0]] // the seed's own scale
		} else {
			rk.querySigma = r.querySigma(q, idx, opt.LocalScaling)
		}
	}
	for {
		cands := r.search(q, pool, &rk, memo)
		if rk.scale != nil {
			for j := range cands {
				cands[j].key /= math.Sqrt(rk.scale[cands[j].i])
			}
			sortCandidates(cands)
		}
		out := r.pick(cands, &rk, opt.N, opt.Diversity, blend)
		if len(out) == opt.N || len(cands) < pool {
			return out
		}
		pool *= 2 // duplicates of one recording or title used up the pool
	}
}

// query is the mean of the seeds' rows.
func (r *Recommender) query(idx []int) []float64 {
	_, d := r.x.Dims()
	q := make([]float64, d)
	for _, i := range idx {
		for j, v := range r.x.RawRowView(i) {
			q[j] += v / float64(len(idx))
		}
	}
	return q
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

// exclusion is a set of tracks, recordings and songs to leave out. The
// sets are small (the seeds, or a list being built), so they are slices.
type exclusion struct {
	tracks, groups, songs []int
}

// exclusion excludes the tracks idx and, if versions, their recordings and
// songs (same artist and title key).
func (r *Recommender) exclusion(idx []int, versions bool) *exclusion {
	e := &exclusion{}
	for _, i := range idx {
		e.add(r, i, versions)
	}
	return e
}

func (e *exclusion) add(r *Recommender, i int, versions bool) {
	e.tracks = append(e.tracks, i)
	if versions {
		e.groups = append(e.groups, r.group[i])
		if r.songID[i] >= 0 {
			e.songs = append(e.songs, r.songID[i])
		}
	}
}

// excludeRecording leaves out every track of track i's recording.
func (e *exclusion) excludeRecording(r *Recommender, i int) {
	e.groups = append(e.groups, r.group[i])
}

func (e *exclusion) has(r *Recommender, i int) bool {
	return slices.Contains(e.tracks, i) || slices.Contains(e.groups, r.group[i]) ||
		(r.songID[i] >= 0 && slices.Contains(e.songs, r.songID[i]))
}

// ranking says which tracks a search accepts and how it orders them: by
// the key distance + penalty(i), then, under local scaling, by that key
// divided by sqrt(scale[i]).
type ranking struct {
	accept  func(int) bool
	penalty func(int) float64
	scale   []float64 // local scales (sigma) of the tracks; nil for plain distances
	// querySigma is the query's own local scale (with scale).
	querySigma float64
}

// relevance turns a key into a relevance in (0, 1]: 1/(1+key) for plain
// distances, exp(-key^2/sigma_q) = 1 - LS under local scaling.
func (rk *ranking) relevance(key float64) float64 {
	if rk.scale != nil {
		if rk.querySigma == 0 { // the query sits on a recording: only that one is relevant
			return float64(b2i(key == 0))
		}
		return math.Exp(-key * key / rk.querySigma)
	}
	return 1 / (1 + key)
}

// candidate is a track, its distance from the query and its ranking key.
type candidate struct {
	i         int
	dist, key float64
}

// search returns up to need accepted tracks of smallest distance +
// penalty (ties by index), exactly: it asks the k-d tree for more
// neighbours until every accepted track with a smaller key than the last
// one returned is known. memo, when not nil, answers the searches it
// holds. How many neighbours are asked for first changes the cost, never
// the result.
func (r *Recommender) search(q []float64, need int, rk *ranking, memo *searchMemo) []candidate {
	n := r.tree.Len()
	k := r.firstSearch(need)
	if held := memo.held(); held > need {
		k = held // what is already found may be enough
	}
	for {
		idx, dist := memo.search(r.tree, q, k)
		bound := math.Inf(1)
		if k < n {
			bound = dist[k-1] // every unseen track is at least this far
		}
		var safe []candidate
		for j, i := range idx {
			if !rk.accept(i) {
				continue
			}
			if c := (candidate{i, dist[j], dist[j] + rk.penalty(i)}); c.key < bound {
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

// sortCandidates orders candidates by key, then index.
func sortCandidates(c []candidate) {
	slices.SortFunc(c, func(a, b candidate) int {
		if a.key != b.key {
			return cmp.Compare(a.key, b.key)
		}
		return cmp.Compare(a.i, b.i)
	})
}

// pick chooses n candidates by maximal marginal relevance, one per
// recording and title.
func (r *Recommender) pick(cands []candidate, rk *ranking, n int, diversity, blend float64) []picked {
	rel := make([]float64, len(cands))
	for j, c := range cands {
		rel[j] = (1 - blend) * rk.relevance(c.key)
		if blend > 0 {
			if p := r.cat.Tracks[c.i].Popularity; !math.IsNaN(p) {
				rel[j] += blend * p / 100
			}
		}
	}
	used := make([]bool, len(cands))
	taken := r.exclusion(nil, true)
	maxSim := make([]float64, len(cands)) // to the picked tracks
	var out []picked
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
		out = append(out, picked{c.i, c.dist, rel[best]})
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
	return Recommendation{Rank: rank, ID: t.ID, Name: t.Name, Album: t.Album, Artist: t.Artist, Year: t.ReleaseDate.Year, Decade: t.Decade,
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
	rk := ranking{
		accept:  func(i int) bool { return r.labels[i] == cohort && !played.has(r, i) },
		penalty: func(int) float64 { return 0 },
	}
	var out []Recommendation
	for len(out) < n {
		c := r.search(r.x.RawRowView(cur), 1, &rk, nil)
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
func (r *Recommender) Catalog() *catalog.Catalog { return r.cat }

// BestMatch returns the track FindTracks ranks first for a title.
func (r *Recommender) BestMatch(title string) (*catalog.Track, error) {
	ids := r.FindTracks(title)
	if len(ids) == 0 {
		return nil, fmt.Errorf("no track matches %q", title)
	}
	return &r.cat.Tracks[r.byID[ids[0]]], nil
}
