package songs

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/stats"
)

// PopularityQuantile is the popularity below which a fraction q of tracks
// lie (type 7).
func PopularityQuantile(cat *catalog.Catalog, q float64) float64 {
	return stats.Quantile(cat.Column(catalog.Popularity), q)
}

// YearMeans are the mean of a column per release year with a 95%
// t-interval (a year with one track has a zero-width interval).
type YearMeans struct {
	Year, Mean, Lo, Hi []float64
	N                  []int
}

// MeansByYear computes YearMeans for a numeric column.
func MeansByYear(cat *catalog.Catalog, column string) YearMeans {
	by := map[int][]float64{}
	for i := range cat.Tracks {
		t := &cat.Tracks[i]
		if y := t.ReleaseDate.Year; y != 0 {
			by[y] = append(by[y], t.Value(column))
		}
	}
	years := make([]int, 0, len(by))
	for y := range by {
		years = append(years, y)
	}
	sort.Ints(years)
	var out YearMeans
	for _, y := range years {
		c := meanCI(by[y])
		out.Year = append(out.Year, float64(y))
		out.Mean = append(out.Mean, c.Mean)
		out.Lo = append(out.Lo, c.Lo)
		out.Hi = append(out.Hi, c.Hi)
		out.N = append(out.N, c.N)
	}
	return out
}

// MeanOver returns the mean of a column over the tracks released in the
// years [from, to].
func MeanOver(cat *catalog.Catalog, column string, from, to int) (mean float64, n int) {
	var x []float64
	for i := range cat.Tracks {
		if y := cat.Tracks[i].ReleaseDate.Year; y >= from && y <= to {
			x = append(x, cat.Tracks[i].Value(column))
		}
	}
	return stat.Mean(x, nil), len(x)
}

// TopSongs returns the n most popular tracks, most popular first, and
// every further track as popular as the n-th (a list never cut through a
// tie); equal popularity is ordered by title.
func TopSongs(cat *catalog.Catalog, n int) []catalog.Track {
	out := append([]catalog.Track(nil), cat.Tracks...)
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Popularity != out[b].Popularity {
			return out[a].Popularity > out[b].Popularity
		}
		return out[a].Name < out[b].Name
	})
	if n <= 0 {
		return nil
	}
	m := min(n, len(out))
	for m < len(out) && out[m].Popularity == out[n-1].Popularity {
		m++
	}
	return out[:m]
}

// ClaimResamples is the number of bootstrap resamples behind every
// effect-size interval of the claims (BCa, 95%).
const ClaimResamples = 2000

// claimBootstrap is the bootstrap of one test of the claims: stream tells
// the tests apart, so each draws its own resamples from the study's seed.
func claimBootstrap(seed, stream uint64) stats.Bootstrap {
	return stats.Bootstrap{Method: stats.BCa, Resamples: ClaimResamples, Seed: seed ^ stream<<32}
}

// Bootstrap streams of the claims' tests.
const (
	streamTrend uint64 = 1 + iota
	streamTrendStudio
	streamTrendLive
	streamDecades
	streamLive
	streamAlbums
	streamCohortLive
	streamCohortDecade
	streamFeatures // + the feature's position
)

// PopularityTrend answers "how has popularity changed over time?" on one
// row per recording (Recordings), dated by its earliest release.
type PopularityTrend struct {
	// Recordings is the number of dated recordings tested.
	Recordings int
	// Family holds the question's tests, Holm-adjusted together: Spearman's
	// rho of release year and popularity over all recordings (Trend), over
	// studio recordings and over live ones (each with a BCa bootstrap
	// interval), and a Kruskal-Wallis test across release decades with
	// epsilon squared and its bootstrap interval.
	Family []stats.Result
	// Pairs are Dunn's pairwise comparisons of the decades, Holm-adjusted
	// over the pairs, in the order (0,1), (0,2), ... of Decades.
	Pairs []DecadePair
	// Decades describe each release decade, oldest first.
	Decades []DecadePopularity
	// Windows compares the first and the last five release years as the
	// original study did.
	Windows YearWindows
}

// The positions of the tests in PopularityTrend.Family.
const (
	TrendAll = iota
	TrendStudio
	TrendLive
	TrendDecades
)

// DecadePair is one pairwise comparison of two decades (Dunn's test).
type DecadePair struct {
	// A and B are the decades compared (A < B).
	A, B int
	// Z is the standardised difference of mean ranks, A minus B: negative
	// when B's recordings are more popular.
	Z float64
	// P is the unadjusted p-value and PAdjusted its Holm adjustment over
	// every pair.
	P, PAdjusted float64
}

// DecadePopularity describes the recordings first released in one decade.
type DecadePopularity struct {
	// Decade is its first year (1960 for the 1960s).
	Decade int
	// All, Studio and Live summarise the popularity of its recordings, of
	// its studio recordings and of its live ones.
	All, Studio, Live MeanCI
	// Peak is the release dated in the decade that ranks first by the
	// album question's rule (most popular songs, then mean popularity).
	Peak AlbumPopularity
}

// MeanCI is a mean with its 95% t-interval over N values (NaN mean when
// N is 0; a zero-width interval when N is 1).
type MeanCI struct {
	N            int
	Mean, Lo, Hi float64
	Median       float64
}

// YearWindows compares the first and last five release years of a catalog
// in three ways: the original study's mean of yearly means (each year
// weighs the same), the mean over tracks, and the mean over recordings
// first released in the window.
type YearWindows struct {
	// FirstFrom..FirstTo and LastFrom..LastTo are the two windows.
	FirstFrom, FirstTo, LastFrom, LastTo int
	// YearlyMeans are the means of the yearly mean popularities (first,
	// last window).
	YearlyMeans [2]float64
	// TrackMeans and Tracks are the mean popularity over tracks and their
	// number.
	TrackMeans [2]float64
	Tracks     [2]int
	// RecordingMeans and Recordings are the same over recordings.
	RecordingMeans [2]float64
	Recordings     [2]int
}

// PopularityOverTime tests how popularity changed with release year on
// one row per recording, and describes each decade (with its peak release
// at the popularity threshold). The seed drives the bootstrap intervals.
// A catalog without popularity or release dates has no answer: the error
// is a *catalog.MissingColumnError.
func PopularityOverTime(cat *catalog.Catalog, threshold float64, seed uint64) (*PopularityTrend, error) {
	if err := cat.Require("popularity over time", catalog.Popularity, catalog.ReleaseDate); err != nil {
		return nil, err
	}
	var recs []Recording
	for _, r := range Recordings(cat) {
		if r.Year != 0 {
			recs = append(recs, r)
		}
	}
	if len(recs) < 4 {
		return nil, fmt.Errorf("popularity over time: %d dated recordings, need at least 4", len(recs))
	}
	out := &PopularityTrend{Recordings: len(recs), Windows: yearWindows(cat, recs)}
	for _, part := range []struct {
		keep   func(Recording) bool
		stream uint64
		name   string
	}{
		{func(Recording) bool { return true }, streamTrend, "recordings"},
		{func(r Recording) bool { return !r.Live }, streamTrendStudio, "studio recordings"},
		{func(r Recording) bool { return r.Live }, streamTrendLive, "live recordings"},
	} {
		var year, pop []float64
		for _, r := range recs {
			if part.keep(r) {
				year, pop = append(year, float64(r.Year)), append(pop, r.Popularity)
			}
		}
		res, err := spearmanClaim(year, pop, claimBootstrap(seed, part.stream))
		if err != nil {
			return nil, fmt.Errorf("popularity over time, %s: %w", part.name, err)
		}
		out.Family = append(out.Family, res.WithGroups("release year ("+part.name+")", catalog.Popularity))
	}
	decades, err := decadeTest(recs, seed)
	if err != nil {
		return nil, err
	}
	out.Family = append(out.Family, decades.result)
	stats.AdjustResults(out.Family, stats.Holm)
	out.Pairs = decades.pairs
	out.Decades = describeDecades(cat, recs, decades.decades, threshold)
	return out, nil
}

// spearmanClaim is Spearman's rho of x and y with its p-value and a BCa
// bootstrap interval over the pairs.
func spearmanClaim(x, y []float64, boot stats.Bootstrap) (stats.Result, error) {
	r, err := stats.Spearman(x, y, stats.TwoSided, 0.95)
	if err != nil {
		return r, err
	}
	rows, err := stats.SpearmanRows(x, y)
	if err != nil {
		return r, err
	}
	ci, err := boot.IntervalRows(len(x), rows)
	if err != nil {
		return r, err
	}
	return r.WithEffect("Spearman rho", r.Statistic, ci), nil
}

// popularityGroups groups the recordings by key (a recording with a
// negative key belongs to none) and keeps, in increasing order, the keys
// with least recordings or more. It returns them with the popularity of
// every recording of a kept key, in recording order, and the index in keys
// of its key: the samples of a Kruskal-Wallis test across the keys.
func popularityGroups(recs []Recording, least int, key func(Recording) int) (keys []int, pop []float64, group []int) {
	count := map[int]int{}
	for _, r := range recs {
		count[key(r)]++
	}
	for k, n := range count {
		if k >= 0 && n >= least {
			keys = append(keys, k)
		}
	}
	sort.Ints(keys)
	index := map[int]int{}
	for i, k := range keys {
		index[k] = i
	}
	for _, r := range recs {
		if g, ok := index[key(r)]; ok {
			pop, group = append(pop, r.Popularity), append(group, g)
		}
	}
	return keys, pop, group
}

// kruskalClaim compares popularity across groups (group[i] in 0..k-1) by
// Kruskal-Wallis with epsilon squared and its BCa bootstrap interval over
// the rows.
func kruskalClaim(pop []float64, group []int, k int, boot stats.Bootstrap) (stats.Result, [][]float64, error) {
	groups := make([][]float64, k)
	for i, g := range group {
		groups[g] = append(groups[g], pop[i])
	}
	r, err := stats.KruskalWallis(groups...)
	if err != nil {
		return r, nil, err
	}
	rows, err := stats.KruskalEpsilonSquaredRows(pop, group)
	if err != nil {
		return r, nil, err
	}
	ci, err := boot.IntervalRows(len(pop), rows)
	if err != nil {
		return r, nil, err
	}
	r = r.WithEffect("epsilon squared", stats.KruskalEpsilonSquared(r.Statistic, len(pop)), ci)
	r.Measure = catalog.Popularity
	return r, groups, nil
}

type decadeTestResult struct {
	result  stats.Result
	pairs   []DecadePair
	decades []int
}

// decadeTest compares popularity across the release decades with at least
// two recordings (Kruskal-Wallis, then Dunn with Holm).
func decadeTest(recs []Recording, seed uint64) (decadeTestResult, error) {
	decades, pop, group := popularityGroups(recs, 2, func(r Recording) int { return r.Decade })
	if len(decades) < 2 {
		return decadeTestResult{}, fmt.Errorf("popularity over time: fewer than two decades with two or more recordings")
	}
	res, groups, err := kruskalClaim(pop, group, len(decades), claimBootstrap(seed, streamDecades))
	if err != nil {
		return decadeTestResult{}, fmt.Errorf("popularity over time, decades: %w", err)
	}
	names := make([]string, len(decades))
	for i, d := range decades {
		names[i] = fmt.Sprintf("%ds", d)
	}
	out := decadeTestResult{result: res.WithGroups(names...), decades: decades}
	dunn, err := stats.Dunn(stats.Holm, groups...)
	if err != nil {
		return decadeTestResult{}, fmt.Errorf("popularity over time, decade pairs: %w", err)
	}
	for _, p := range dunn {
		out.pairs = append(out.pairs, DecadePair{A: decades[p.I], B: decades[p.J], Z: p.Z, P: p.P, PAdjusted: p.PAdjusted})
	}
	return out, nil
}

// describeDecades summarises each decade's recordings and finds its peak
// release.
func describeDecades(cat *catalog.Catalog, recs []Recording, decades []int, threshold float64) []DecadePopularity {
	peaks := map[int]AlbumPopularity{}
	ranked := map[int][]albumGroup{}
	for _, r := range Releases(cat) {
		if r.Date.Year != 0 {
			d := r.Date.Year / 10 * 10
			ranked[d] = append(ranked[d], albumGroup{name: r.Label, album: r.Album, tracks: r.Tracks})
		}
	}
	for d, gs := range ranked {
		peaks[d] = rankAlbums(cat, gs, threshold, false)[0]
	}
	out := make([]DecadePopularity, len(decades))
	for i, d := range decades {
		var all, studio, live []float64
		for _, r := range recs {
			if r.Decade != d {
				continue
			}
			all = append(all, r.Popularity)
			if r.Live {
				live = append(live, r.Popularity)
			} else {
				studio = append(studio, r.Popularity)
			}
		}
		out[i] = DecadePopularity{Decade: d, All: meanCI(all), Studio: meanCI(studio), Live: meanCI(live), Peak: peaks[d]}
	}
	return out
}

// meanCI is the mean of x with its 95% t-interval and the median.
func meanCI(x []float64) MeanCI {
	if len(x) == 0 {
		nan := math.NaN()
		return MeanCI{Mean: nan, Lo: nan, Hi: nan, Median: nan}
	}
	m, sd := stat.MeanStdDev(x, nil)
	half := 0.0
	if len(x) > 1 {
		half = distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(len(x) - 1)}.Quantile(0.975) * sd / math.Sqrt(float64(len(x)))
	}
	return MeanCI{N: len(x), Mean: m, Lo: m - half, Hi: m + half, Median: stats.Quantile(x, 0.5)}
}

// yearWindows compares the first and last five release years (see
// YearWindows).
func yearWindows(cat *catalog.Catalog, recs []Recording) YearWindows {
	m := MeansByYear(cat, catalog.Popularity)
	first, last := int(m.Year[0]), int(m.Year[len(m.Year)-1])
	w := YearWindows{FirstFrom: first, FirstTo: first + 4, LastFrom: last - 4, LastTo: last}
	for k, win := range [2][2]int{{w.FirstFrom, w.FirstTo}, {w.LastFrom, w.LastTo}} {
		var yearly, rec []float64
		for i, y := range m.Year {
			if int(y) >= win[0] && int(y) <= win[1] {
				yearly = append(yearly, m.Mean[i])
			}
		}
		for _, r := range recs {
			if r.Year >= win[0] && r.Year <= win[1] {
				rec = append(rec, r.Popularity)
			}
		}
		w.YearlyMeans[k] = stat.Mean(yearly, nil)
		w.TrackMeans[k], w.Tracks[k] = MeanOver(cat, catalog.Popularity, win[0], win[1])
		w.RecordingMeans[k], w.Recordings[k] = stat.Mean(rec, nil), len(rec)
	}
	return w
}

// Metrics is the popularity_over_time entry of metrics.json: the number of
// recordings and Spearman's rho of release year and popularity with its
// bootstrap interval and Holm-adjusted p, over all recordings, studio ones
// and live ones.
func (t *PopularityTrend) Metrics() map[string]any {
	entry := func(r stats.Result) map[string]any {
		return map[string]any{"spearman_rho": r.Effect, "ci95": []float64{r.CI.Lo, r.CI.Hi}, "p_holm": r.PAdjusted}
	}
	return map[string]any{
		"recordings": t.Recordings,
		"all":        entry(t.Family[TrendAll]),
		"studio":     entry(t.Family[TrendStudio]),
		"live":       entry(t.Family[TrendLive]),
	}
}
