package songs

import (
	"math"
	"sort"
	"strings"

	"gonum.org/v1/gonum/stat"

	"github.com/songcohorts/cohorts/songs/catalog"
)

// Cohort describes one cluster of the chosen solution.
type Cohort struct {
	ID   int
	Name string
	Size int
	// Z holds the cohort's mean of each profile feature in standard
	// deviations from the catalog mean (ProfileFeatures order).
	Z []float64
	// Popularity is the cohort's mean popularity (NaN without popularity)
	// and PopularShare its share of popular songs.
	Popularity, PopularShare float64
	// LiveShare is its share of tracks flagged live by title or album.
	LiveShare float64
}

// ProfileFeatures are the features cohorts are described by.
var ProfileFeatures = append(append([]string(nil), catalog.AudioFeatures...), catalog.DurationMS)

// highWords and lowWords name a feature far above or below the catalog's
// mean, for cohort names.
var (
	highWords = map[string]string{catalog.Acousticness: "acoustic", catalog.Danceability: "danceable", catalog.Energy: "energetic", catalog.Instrumentalness: "instrumental", catalog.Liveness: "live", catalog.Loudness: "loud", catalog.Speechiness: "spoken", catalog.Tempo: "fast", catalog.Valence: "upbeat", catalog.DurationMS: "long"}
	lowWords  = map[string]string{catalog.Acousticness: "electric", catalog.Danceability: "less danceable", catalog.Energy: "calm", catalog.Instrumentalness: "sung", catalog.Liveness: "studio", catalog.Loudness: "quiet", catalog.Speechiness: "little speech", catalog.Tempo: "slow", catalog.Valence: "sombre", catalog.DurationMS: "short"}
)

// Profiles describes each cohort of labels (0..k-1) over a catalog, with
// popularity counted against threshold.
func Profiles(cat *catalog.Catalog, labels []int, k int, threshold float64) []Cohort {
	cols := make([][]float64, len(ProfileFeatures))
	means, sds := make([]float64, len(cols)), make([]float64, len(cols))
	for j, f := range ProfileFeatures {
		cols[j] = cat.Column(f)
		means[j], sds[j] = stat.PopMeanStdDev(cols[j], nil)
		if sds[j] == 0 {
			sds[j] = 1 // a constant feature: every track 0 standard deviations from its mean
		}
	}
	out := make([]Cohort, k)
	for c := range out {
		out[c] = Cohort{ID: c, Z: make([]float64, len(cols))}
	}
	for i := range cat.Tracks {
		l := labels[i]
		if l < 0 {
			continue
		}
		co := &out[l]
		co.Size++
		for j := range cols {
			co.Z[j] += (cols[j][i] - means[j]) / sds[j]
		}
		co.Popularity += cat.Tracks[i].Popularity
		if cat.Tracks[i].Popularity >= threshold {
			co.PopularShare++
		}
		if LiveByTitle(&cat.Tracks[i]) {
			co.LiveShare++
		}
	}
	for c := range out {
		co := &out[c]
		n := float64(co.Size)
		for j := range co.Z {
			co.Z[j] /= n
		}
		co.Popularity /= n
		co.PopularShare /= n
		co.LiveShare /= n
		co.Name = cohortName(co.Z)
	}
	return out
}

// cohortName names a cohort by its three most distinctive features (largest
// |z|), e.g. "live, loud, long".
func cohortName(z []float64) string {
	idx := Cohort{Z: z}.Distinctive()
	var words []string
	for _, j := range idx[:min(3, len(idx))] {
		if z[j] >= 0 {
			words = append(words, highWords[ProfileFeatures[j]])
		} else {
			words = append(words, lowWords[ProfileFeatures[j]])
		}
	}
	return strings.Join(words, ", ")
}

// Distinctive orders the indices of ProfileFeatures by how far the
// cohort's mean lies from the catalog's (decreasing |Z|).
func (c Cohort) Distinctive() []int {
	z := c.Z
	idx := make([]int, len(z))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return math.Abs(z[idx[a]]) > math.Abs(z[idx[b]]) })
	return idx
}
