package songs

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/cluster"
	"github.com/songcohorts/cohorts/songs/stats"
)

// IslandOptions say how the islands of a 2-D map are found: DBSCAN on the
// map's points of the distinct recordings, with MinSamples neighbours and
// a radius EpsFactor times the knee of their MinSamples-distance curve
// (cluster.SuggestEps).
type IslandOptions struct {
	// Projection is the index into Projections of the map (UMAP is 2).
	Projection int
	MinSamples int
	EpsFactor  float64
	// Seed seeds the shuffles that give each explanation's chance level.
	Seed uint64
}

// Islands are the dense groups of a 2-D map and what they are made of.
type Islands struct {
	Options IslandOptions
	// Eps is the radius DBSCAN used.
	Eps float64
	// Labels gives every cleaned track its island (0.., by decreasing
	// size; -1 between islands); a reissue shares its recording's.
	Labels []int
	// Islands describes each island.
	Islands []Island
	// Explained lists, for each candidate explanation, the normalised
	// mutual information (cluster.NormalizedMutualInfo) between island
	// membership and the explanation's groups over the recordings in
	// islands, highest first.
	Explained []Explanation
	// Recordings counts the distinct recordings mapped, InIslands those
	// inside an island.
	Recordings, InIslands int
}

// Explanation is one candidate answer to "what are the islands?": a
// grouping of the recordings (albums, release decades, the live flag, the
// cohorts, or a feature's absolute levels) and its normalised mutual
// information with the islands (0: unrelated, 1: the same grouping).
// Chance is the mean NMI of the islands with the same groups shuffled
// among the recordings (chanceShuffles seeded shuffles): a grouping of
// many small groups shares some information with any partition, so NMI
// is read against it.
type Explanation struct {
	What   string
	Sound  bool // a grouping by sound (cohorts, feature levels), not by the catalog's metadata
	Groups int
	NMI    float64
	Chance float64
}

// chanceShuffles is the number of shuffles of an explanation's chance
// level.
const chanceShuffles = 20

// Island describes one island: its size, the sound level that defines it
// best, its largest album, its share of live tracks and its release years.
type Island struct {
	ID, Recordings, Tracks int
	// Levels are the (feature, level) pairs held by at least half the
	// island's recordings, by decreasing lift (their share in the island
	// over their share in the catalog's recordings); at most three.
	Levels []IslandLevel
	// Album is the island's most frequent album and AlbumShare its share
	// of the island's recordings ("" and NaN without albums).
	Album      string
	AlbumShare float64
	LiveShare  float64
	// YearQ1, YearMedian and YearQ3 are the quartiles of the release
	// years (NaN without dates).
	YearQ1, YearMedian, YearQ3 float64
	// Cohort is the cohort of most of the island's recordings and
	// CohortShare its share.
	Cohort      int
	CohortShare float64
}

// IslandLevel is an absolute level of a feature (LevelWord) held by a
// share of an island's recordings, against its share of the catalog's.
type IslandLevel struct {
	Feature, Word       string
	Share, CatalogShare float64
}

// FindIslands finds the islands of a projection of e (Embed) and measures
// what they are made of: albums, release decades, live recordings, the
// cohorts of labels (v.Labels) or the absolute level of a feature.
func FindIslands(cat *catalog.Catalog, e *Embeddings, labels []int, o IslandOptions) (*Islands, error) {
	if o.Projection < 0 || o.Projection >= len(e.XY) || o.MinSamples < 2 || !(o.EpsFactor > 0) {
		return nil, fmt.Errorf("songs: island options %+v: need a projection of the embeddings, MinSamples >= 2 and a positive EpsFactor", o)
	}
	if len(e.IDs) != len(cat.Tracks) || len(labels) != len(cat.Tracks) {
		return nil, fmt.Errorf("songs: the embeddings have %d tracks and the labels %d, the catalog %d: rerun notebook 04", len(e.IDs), len(labels), len(cat.Tracks))
	}
	var rec []int // catalog index of each distinct recording
	for i := range cat.Tracks {
		if cat.Tracks[i].IsRecording() {
			rec = append(rec, i)
		}
	}
	xy := mat.NewDense(len(rec), 2, nil)
	for r, i := range rec {
		xy.Set(r, 0, e.XY[o.Projection][i][0])
		xy.Set(r, 1, e.XY[o.Projection][i][1])
	}
	knee, curve, err := cluster.SuggestEps(xy, o.MinSamples)
	if errors.Is(err, cluster.ErrNoKnee) {
		knee, err = curve[len(curve)/2], nil
	}
	if err != nil {
		return nil, fmt.Errorf("islands: %w", err)
	}
	is := &Islands{Options: o, Eps: o.EpsFactor * knee, Recordings: len(rec)}
	db := cluster.DBSCAN{Eps: is.Eps, MinSamples: o.MinSamples}
	if err := db.Fit(xy); err != nil {
		return nil, fmt.Errorf("islands: %w", err)
	}
	recLabels := RelabelBySize(db.Labels())
	_, is.Labels = expandToTracks(cat, rec, recLabels)
	var in []int // recordings in an island
	for r, l := range recLabels {
		if l >= 0 {
			in = append(in, r)
		}
	}
	is.InIslands = len(in)
	n := 0
	for _, l := range recLabels {
		n = max(n, l+1)
	}
	for id := 0; id < n; id++ {
		var members []int
		for r, l := range recLabels {
			if l == id {
				members = append(members, rec[r])
			}
		}
		is.Islands = append(is.Islands, describeIsland(cat, rec, members, labels, id))
	}
	for _, t := range is.Labels {
		if t >= 0 {
			is.Islands[t].Tracks++
		}
	}
	is.Explained = explainIslands(cat, rec, recLabels, in, labels, o.Seed)
	return is, nil
}

// describeIsland describes the recordings at members (catalog indices) of
// island id against all recordings rec.
func describeIsland(cat *catalog.Catalog, rec, members, labels []int, id int) Island {
	is := Island{ID: id, Recordings: len(members), AlbumShare: math.NaN(), YearQ1: math.NaN(), YearMedian: math.NaN(), YearQ3: math.NaN()}
	for _, f := range ProfileFeatures {
		share := func(rows []int) map[string]float64 {
			count := map[string]int{}
			for _, i := range rows {
				count[LevelWord(f, cat.Tracks[i].Value(f))]++
			}
			m := map[string]float64{}
			for w, c := range count {
				m[w] = float64(c) / float64(len(rows))
			}
			return m
		}
		all := share(rec)
		for w, s := range share(members) {
			if s >= 0.5 && all[w] < 1 {
				is.Levels = append(is.Levels, IslandLevel{Feature: f, Word: w, Share: s, CatalogShare: all[w]})
			}
		}
	}
	sort.SliceStable(is.Levels, func(a, b int) bool {
		la, lb := is.Levels[a], is.Levels[b]
		return la.Share/la.CatalogShare > lb.Share/lb.CatalogShare
	})
	is.Levels = is.Levels[:min(3, len(is.Levels))]
	if cat.Has[catalog.Album] {
		is.Album, is.AlbumShare = mostFrequent(members, func(i int) string { return cat.Tracks[i].Album })
	}
	var years []float64
	cohorts := map[int]int{}
	for _, i := range members {
		if LiveByTitle(&cat.Tracks[i]) {
			is.LiveShare++
		}
		if y := cat.Tracks[i].ReleaseDate.Year; y != 0 {
			years = append(years, float64(y))
		}
		cohorts[labels[i]]++
	}
	is.LiveShare /= float64(len(members))
	if len(years) > 0 {
		is.YearQ1, is.YearMedian, is.YearQ3 = stats.Quantile(years, 0.25), stats.Quantile(years, 0.5), stats.Quantile(years, 0.75)
	}
	best := -1
	for c, k := range cohorts {
		if best < 0 || k > cohorts[best] || (k == cohorts[best] && c < best) {
			best = c
		}
	}
	is.Cohort, is.CohortShare = best, float64(cohorts[best])/float64(len(members))
	return is
}

// mostFrequent returns the most frequent value of key over rows (ties by
// first appearance) and its share.
func mostFrequent(rows []int, key func(int) string) (string, float64) {
	count := map[string]int{}
	best := ""
	for _, i := range rows {
		k := key(i)
		count[k]++
		if count[k] > count[best] || best == "" {
			best = k
		}
	}
	return best, float64(count[best]) / float64(len(rows))
}

// explainIslands measures how much of the island membership of the
// recordings in (indices into rec, recLabels their islands) each grouping
// explains.
func explainIslands(cat *catalog.Catalog, rec, recLabels, in, labels []int, seed uint64) []Explanation {
	islands := make([]int, len(in))
	for j, r := range in {
		islands[j] = recLabels[r]
	}
	rng := rand.New(rand.NewPCG(seed, 0x69736c)) // "isl"
	add := func(out []Explanation, what string, key func(i int) string) []Explanation {
		codes := map[string]int{}
		groups := make([]int, len(in))
		for j, r := range in {
			k := key(rec[r])
			if _, ok := codes[k]; !ok {
				codes[k] = len(codes)
			}
			groups[j] = codes[k]
		}
		e := Explanation{What: what, Groups: len(codes), NMI: cluster.NormalizedMutualInfo(islands, groups)}
		shuffled := append([]int(nil), groups...)
		for range chanceShuffles {
			rng.Shuffle(len(shuffled), func(a, b int) { shuffled[a], shuffled[b] = shuffled[b], shuffled[a] })
			e.Chance += cluster.NormalizedMutualInfo(islands, shuffled) / chanceShuffles
		}
		return append(out, e)
	}
	var out []Explanation
	if len(in) == 0 {
		return out
	}
	if cat.Has[catalog.Album] {
		out = add(out, "album", func(i int) string { return cat.Tracks[i].Album })
	}
	if cat.Has["artist"] {
		out = add(out, "artist", func(i int) string { return cat.Tracks[i].Artist })
	}
	if cat.Tracks[rec[in[0]]].Decade != 0 || cat.Has[catalog.ReleaseDate] {
		out = add(out, "release decade", func(i int) string { return fmt.Sprint(cat.Tracks[i].Decade) })
	}
	out = add(out, "live flag (title or album)", func(i int) string { return fmt.Sprint(LiveByTitle(&cat.Tracks[i])) })
	meta := len(out)
	out = add(out, "cohort", func(i int) string { return fmt.Sprint(labels[i]) })
	for _, f := range ProfileFeatures {
		out = add(out, f+" level", func(i int) string { return LevelWord(f, cat.Tracks[i].Value(f)) })
	}
	for i := meta; i < len(out); i++ {
		out[i].Sound = true
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].NMI > out[b].NMI })
	return out
}
