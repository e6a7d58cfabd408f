package songs

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/songcohorts/cohorts/songs/catalog"
	"gonum.org/v1/gonum/floats"
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

// Profiles describes each cohort of labels (0..k-1; negative labels are
// left out) over a catalog, with popularity counted against threshold. The
// profile features are standardised as everywhere in the study
// (Standardised: population standard deviation, a constant feature 0).
func Profiles(cat *catalog.Catalog, labels []int, k int, threshold float64) ([]Cohort, error) {
	z, _, err := Standardised(cat, ProfileFeatures)
	if err != nil {
		return nil, fmt.Errorf("cohort profiles: %w", err)
	}
	out := make([]Cohort, k)
	for c := range out {
		out[c] = Cohort{ID: c, Z: make([]float64, len(ProfileFeatures))}
	}
	for i := range cat.Tracks {
		l := labels[i]
		if l < 0 {
			continue
		}
		co := &out[l]
		co.Size++
		floats.Add(co.Z, z.RawRowView(i))
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
		floats.Scale(1/n, co.Z)
		co.Popularity /= n
		co.PopularShare /= n
		co.LiveShare /= n
		co.Name = cohortName(co.Z)
	}
	return out, nil
}

// CentreTrack is a track near its cohort's centre: its index in the
// catalog and its distance to the centre in standard deviations.
type CentreTrack struct {
	Cohort, Track int
	Distance      float64
}

// NearestToCentre lists, per cohort, the n tracks closest to the cohort's
// mean in the standardised profile features, one per title (reissues and
// other releases of a listed title are skipped), nearest first.
func NearestToCentre(cat *catalog.Catalog, labels []int, cs []Cohort, n int) ([]CentreTrack, error) {
	z, _, err := Standardised(cat, ProfileFeatures)
	if err != nil {
		return nil, fmt.Errorf("tracks near the cohort centres: %w", err)
	}
	var out []CentreTrack
	for _, c := range cs {
		var cands []CentreTrack
		for i := range cat.Tracks {
			t := &cat.Tracks[i]
			if labels[i] != c.ID || (t.CanonicalID != "" && t.CanonicalID != t.ID) {
				continue
			}
			cands = append(cands, CentreTrack{Cohort: c.ID, Track: i, Distance: floats.Distance(z.RawRowView(i), c.Z, 2)})
		}
		sort.SliceStable(cands, func(a, b int) bool { return cands[a].Distance < cands[b].Distance })
		shown := map[string]bool{}
		for _, cd := range cands {
			if len(shown) == n {
				break
			}
			if key := strings.ToLower(cat.Tracks[cd.Track].Name); !shown[key] {
				shown[key] = true
				out = append(out, cd)
			}
		}
	}
	return out, nil
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
