package songs

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat"

	"github.com/songcohorts/cohorts/songs/stats"
)

// Evaluation configures EvaluateRecommender.
type Evaluation struct {
	// N is the list length whose NDCG, coverage, diversity and novelty
	// are measured, and that of the single-seed lists of the hubness
	// measures and the sanity checks.
	N int
	// SeedTracks is the number of a playlist's songs given as seeds.
	SeedTracks int
	// MinSongs is the number of distinct songs a release (or artist)
	// needs to become a playlist; it must exceed SeedTracks.
	MinSongs int
	// Resamples is the number of bootstrap resamples of the playlists
	// behind every interval.
	Resamples int
	// Seed seeds every random choice: the seed songs, the random
	// baselines, the samples of the sanity checks and the bootstrap.
	Seed uint64
}

// check refuses an evaluation that cannot be run.
func (e Evaluation) check() error {
	if e.N < 1 || e.SeedTracks < 1 || e.MinSongs <= e.SeedTracks || e.Resamples < 2 {
		return fmt.Errorf("evaluation needs N >= 1, SeedTracks >= 1, MinSongs > SeedTracks and Resamples >= 2; got %+v", e)
	}
	return nil
}

// MethodEvaluation holds one method's figures, NaN where a figure was not
// measured (no playlists, no popularity, no hit flag, no seeds).
type MethodEvaluation struct {
	Method Method

	// RPrecision and NDCG are the means over the playlists of R-precision
	// and NDCG@N (RPrecision, NDCG), with 95% percentile bootstrap
	// intervals over the playlists.
	RPrecision, NDCG     float64
	RPrecisionCI, NDCGCI stats.Interval

	// Coverage is the share of the catalog's recordings in the first N
	// tracks of at least one playlist's list (Coverage); Diversity the
	// mean intra-list diversity of those N tracks in the standardised
	// profile features (IntraListDiversity); Novelty their mean
	// expected popularity complement (Novelty) and PopularityLift their
	// popularity against the seeds' (PopularityLift).
	Coverage, Diversity, Novelty, PopularityLift float64

	// HubnessSkew is the skewness of the N-occurrence of the recordings
	// (HubnessSkewness) and NeverRecommended the share never recommended
	// (NeverRecommendedShare), over the lists of N tracks made for every
	// recording as the only seed; MaxOccurrence is the largest count.
	HubnessSkew, NeverRecommended float64
	MaxOccurrence                 int

	// SameDecade, SameLive and SameHit are the shares of those
	// single-seed recommendations that share the seed's decade, live flag
	// (LiveByTitle) and hit flag; LiveFromLive is the share of live
	// recommendations for the live seeds.
	SameDecade, SameLive, SameHit, LiveFromLive float64

	// ReissueHitRate is the share of seeds in a reissue group whose other
	// release (identical audio, distance 0) is in the list of N when only
	// the seed itself is left out: a sanity check that must be 1 for the
	// plain recommender. OtherRecordingHitRate is the share of seeds whose
	// song exists as another recording (same artist and title key,
	// different audio: a live or alternative take) with that recording in
	// the list of N when only the seed's own recording is left out; it
	// says how strongly versions crowd a song's neighbourhood.
	ReissueHitRate, OtherRecordingHitRate float64
}

// Difference is a paired comparison of two methods on the same
// playlists: the mean over the playlists of Method's value minus
// Reference's, with its 95% percentile bootstrap interval (the playlists
// resampled together).
type Difference struct {
	Method, Reference string
	// Measure is "ndcg" or "r_precision".
	Measure string
	Mean    float64
	CI      stats.Interval
}

// LeftOutMethod is a method the catalog cannot run, and why.
type LeftOutMethod struct {
	Method Method
	Reason string
}

// RecommenderEvaluation is the offline evaluation of the recommender
// against its baselines (EvaluateRecommender).
type RecommenderEvaluation struct {
	Config  Evaluation
	Methods []MethodEvaluation
	LeftOut []LeftOutMethod

	// PlaylistUnit is what stands in for a playlist (PlaylistReleases,
	// PlaylistArtists, or "" when the catalog has neither); Groups the
	// releases (or artists) found, Playlists those evaluated (with at
	// least MinSongs songs), HiddenSongs the mean number of relevant
	// songs per playlist.
	PlaylistUnit      string
	Groups, Playlists int
	HiddenSongs       float64

	// Recordings counts the catalog's recordings: the units of coverage
	// and hubness, and the single-seed queries; LiveShare is the share of
	// them that are live (LiveByTitle).
	Recordings int
	LiveShare  float64
	// ReissueSeeds and OtherRecordingSeeds count the seeds of the two
	// sanity checks.
	ReissueSeeds, OtherRecordingSeeds int

	// Differences compare every method with the reference baseline (the
	// first Random method drawing from the whole catalog) and every
	// variant of the recommender with the reference recommender (the
	// first Nearest method with default options), on NDCG and
	// R-precision.
	Differences []Difference

	HasPopularity, HasHitFlag, HasDecade bool

	// Key identifies the recommender, configuration and methods the
	// evaluation was made for (the cache key).
	Key string
}

// Method returns the figures of the method with the key, or nil.
func (ev *RecommenderEvaluation) Method(key string) *MethodEvaluation {
	for i := range ev.Methods {
		if ev.Methods[i].Method.Key == key {
			return &ev.Methods[i]
		}
	}
	return nil
}

// Difference returns the comparison of method with reference on measure
// ("ndcg" or "r_precision"), or nil.
func (ev *RecommenderEvaluation) Difference(method, reference, measure string) *Difference {
	for i := range ev.Differences {
		if d := &ev.Differences[i]; d.Method == method && d.Reference == reference && d.Measure == measure {
			return d
		}
	}
	return nil
}

// ReferenceBaseline is the key of the first Random method drawing from the
// whole catalog ("" if none).
func (ev *RecommenderEvaluation) ReferenceBaseline() string {
	return referenceBaseline(methodsOf(ev.Methods))
}

// ReferenceRecommender is the key of the first Nearest method with
// default options ("" if none).
func (ev *RecommenderEvaluation) ReferenceRecommender() string {
	return referenceRecommender(methodsOf(ev.Methods))
}

func methodsOf(ms []MethodEvaluation) []Method {
	out := make([]Method, len(ms))
	for i, m := range ms {
		out[i] = m.Method
	}
	return out
}

func referenceBaseline(ms []Method) string {
	for _, m := range ms {
		if m.Ranking == Random && !m.Options.SameCohort {
			return m.Key
		}
	}
	return ""
}

func referenceRecommender(ms []Method) string {
	for _, m := range ms {
		if m.Ranking == Nearest && m.Options == (RecommendOptions{}) {
			return m.Key
		}
	}
	return ""
}

// EvaluateRecommender measures recommendation methods offline, in three
// tasks, every list obeying the product's rules (seeds and their other
// versions left out, one track per recording and title):
//
//   - Playlist continuation, after the RecSys Challenge 2018 (Zamani et
//     al. 2019): every release with at least cfg.MinSongs distinct songs
//     (every artist, in a catalog of several artists without albums) is a
//     playlist; cfg.SeedTracks of its songs, drawn at random, seed the
//     list and the others are hidden. Each method offers as many tracks
//     as are hidden (at least cfg.N), scored by R-precision and NDCG@N
//     against the hidden recordings, with percentile bootstrap intervals
//     over the playlists (Efron and Tibshirani 1993) and paired intervals
//     of the differences from the reference baseline and recommender.
//     Coverage, intra-list diversity, novelty and popularity lift describe
//     the first N tracks of those lists.
//   - Hubness (Radovanović et al. 2010; Schnitzer et al. 2012; Flexer,
//     Schnitzer and Schlüter 2012 for music similarity): every recording is
//     the only seed of a list of N; the skewness of how often each
//     recording is recommended and the share never recommended say
//     whether a few songs crowd every list. The same lists give the
//     agreement of decade, live flag and hit flag with the seed.
//   - Sanity checks: a reissue's other release (distance 0) and another
//     recording of the seed's song, found when versions are not left out.
//
// Methods the catalog cannot run (MostPopular without popularity) are
// left out with the reason in LeftOut. EvaluateRecommender returns an
// error, before any work, for a configuration or method it cannot run; the
// result depends only on the recommender, cfg and methods (not on the
// number of cores).
func EvaluateRecommender(r *Recommender, cfg Evaluation, methods []Method) (*RecommenderEvaluation, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	if len(methods) == 0 {
		return nil, errors.New("evaluation needs at least one method")
	}
	seen := map[string]bool{}
	ev := &RecommenderEvaluation{Config: cfg, Recordings: len(r.reps), HasPopularity: r.hasPop, PlaylistUnit: ""}
	var run []Method
	for _, m := range methods {
		if err := m.check(); err != nil {
			return nil, err
		}
		if seen[m.Key] {
			return nil, fmt.Errorf("two methods have the key %q", m.Key)
		}
		seen[m.Key] = true
		if err := r.checkLocalScaling(m.Options.LocalScaling); err != nil {
			return nil, fmt.Errorf("method %q: %w", m.Key, err)
		}
		if m.Ranking == MostPopular && !r.hasPop {
			ev.LeftOut = append(ev.LeftOut, LeftOutMethod{m, "the catalog has no popularity"})
			continue
		}
		run = append(run, m)
	}
	listers := make([]lister, len(run))
	ev.Methods = make([]MethodEvaluation, len(run))
	for k, m := range run {
		listers[k] = r.lister(m, cfg.Seed)
		ev.Methods[k] = MethodEvaluation{Method: m}
	}
	hit := hitFlags(r)
	ev.HasHitFlag = hit != nil
	for i := range r.cat.Tracks {
		ev.HasDecade = ev.HasDecade || r.cat.Tracks[i].Decade != 0
	}
	live := 0
	for _, i := range r.reps {
		live += b2i(r.live[i])
	}
	ev.LiveShare = ratio(live, len(r.reps))
	if err := r.evaluatePlaylists(ev, run, listers); err != nil {
		return nil, err
	}
	r.evaluateNeighbourhoods(ev, run, listers, hit)
	r.evaluateSanity(ev, run, listers)
	return ev, nil
}

// evaluatePlaylists fills the playlist figures, their intervals and the
// differences, and the beyond-accuracy figures of the playlists' lists.
func (r *Recommender) evaluatePlaylists(ev *RecommenderEvaluation, methods []Method, listers []lister) error {
	cfg := ev.Config
	unit, groups := playlistGroups(r.cat)
	queries := r.playlistQueries(groups, cfg.SeedTracks, cfg.MinSongs, cfg.Seed)
	ev.PlaylistUnit, ev.Groups, ev.Playlists = unit, len(groups), len(queries)
	nan := math.NaN()
	noCI := stats.Interval{Lo: nan, Hi: nan, Level: 0.95}
	for k := range ev.Methods {
		m := &ev.Methods[k]
		m.RPrecision, m.NDCG, m.RPrecisionCI, m.NDCGCI = nan, nan, noCI, noCI
		m.Coverage, m.Diversity, m.Novelty, m.PopularityLift = nan, nan, nan, nan
	}
	if len(queries) == 0 {
		ev.HiddenSongs = nan
		return nil
	}
	hidden := 0
	for _, q := range queries {
		hidden += q.relevant
	}
	ev.HiddenSongs = float64(hidden) / float64(len(queries))
	run := r.runPlaylists(queries, methods, listers, cfg.N)
	boot := stats.Bootstrap{Method: stats.Percentile, Resamples: cfg.Resamples, Seed: cfg.Seed}
	for k := range ev.Methods {
		m := &ev.Methods[k]
		var err error
		m.RPrecision, m.NDCG = meanOf(run.rPrecision[k]), meanOf(run.ndcg[k])
		if m.RPrecisionCI, err = boot.Interval(run.rPrecision[k], meanOf); err != nil {
			return err
		}
		if m.NDCGCI, err = boot.Interval(run.ndcg[k], meanOf); err != nil {
			return err
		}
		r.describeLists(m, queries, run.top[k])
	}
	index := map[string]int{}
	for k, m := range methods {
		index[m.Key] = k
	}
	compare := func(k, ref int) error {
		for _, measure := range []struct {
			name string
			v    [][]float64
		}{{"ndcg", run.ndcg}, {"r_precision", run.rPrecision}} {
			d := make([]float64, len(queries))
			for q := range d {
				d[q] = measure.v[k][q] - measure.v[ref][q]
			}
			ci, err := boot.Interval(d, meanOf)
			if err != nil {
				return err
			}
			ev.Differences = append(ev.Differences, Difference{methods[k].Key, methods[ref].Key, measure.name, meanOf(d), ci})
		}
		return nil
	}
	base, baseOK := index[referenceBaseline(methods)]
	rec, recOK := index[referenceRecommender(methods)]
	for k, m := range methods {
		if baseOK && k != base {
			if err := compare(k, base); err != nil {
				return err
			}
		}
		if recOK && k != rec && m.Ranking == Nearest {
			if err := compare(k, rec); err != nil {
				return err
			}
		}
	}
	return nil
}

// describeLists sets the beyond-accuracy figures of one method's first N
// tracks per playlist.
func (r *Recommender) describeLists(m *MethodEvaluation, queries []playlistQuery, top [][]int) {
	recordings := make([][]int, len(top))
	var ild []float64
	var pops []float64
	recPop, seedPop := make([][]float64, len(top)), make([][]float64, len(top))
	for q, l := range top {
		for _, i := range l {
			recordings[q] = append(recordings[q], r.group[i])
			recPop[q] = append(recPop[q], r.cat.Tracks[i].Popularity)
		}
		for _, i := range queries[q].seeds {
			seedPop[q] = append(seedPop[q], r.cat.Tracks[i].Popularity)
		}
		pops = append(pops, recPop[q]...)
		if d := IntraListDiversity(l, func(a, b int) float64 { return distance(r.x.RawRowView(a), r.x.RawRowView(b)) }); !math.IsNaN(d) {
			ild = append(ild, d)
		}
	}
	m.Coverage = Coverage(recordings, len(r.reps))
	m.Diversity = math.NaN()
	if len(ild) > 0 {
		m.Diversity = meanOf(ild)
	}
	if r.hasPop {
		m.Novelty = Novelty(pops)
		m.PopularityLift = PopularityLift(recPop, seedPop)
	}
}

// evaluateNeighbourhoods fills the hubness and agreement figures.
func (r *Recommender) evaluateNeighbourhoods(ev *RecommenderEvaluation, methods []Method, listers []lister, hit []int8) {
	run := r.runSingleSeeds(methods, listers, ev.Config.N, hit)
	for k := range ev.Methods {
		m := &ev.Methods[k]
		m.HubnessSkew = HubnessSkewness(run.occurrence[k])
		m.NeverRecommended = NeverRecommendedShare(run.occurrence[k])
		for _, c := range run.occurrence[k] {
			m.MaxOccurrence = max(m.MaxOccurrence, c)
		}
		m.SameDecade, m.SameLive, m.SameHit = share(run.decade[k]), share(run.live[k]), share(run.hit[k])
		m.LiveFromLive = share(run.liveFromLive[k])
	}
}

// evaluateSanity fills the two sanity checks.
func (r *Recommender) evaluateSanity(ev *RecommenderEvaluation, methods []Method, listers []lister) {
	reissue, other := r.sanitySeeds(ev.Config.Seed)
	ev.ReissueSeeds, ev.OtherRecordingSeeds = len(reissue), len(other)
	reissueFound := r.reissueFound(reissue, methods, listers, ev.Config.N)
	otherFound := r.otherRecordingFound(other, methods, listers, ev.Config.N)
	for k := range ev.Methods {
		ev.Methods[k].ReissueHitRate = hitShare(reissueFound[k])
		ev.Methods[k].OtherRecordingHitRate = hitShare(otherFound[k])
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

// meanOf is the plain mean.
func meanOf(x []float64) float64 { return stat.Mean(x, nil) }
