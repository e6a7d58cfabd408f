package songs

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"gonum.org/v1/gonum/stat"

	"github.com/songcohorts/cohorts/songs/chart"
	"github.com/songcohorts/cohorts/songs/report"
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
var ProfileFeatures = append(append([]string(nil), AudioFeatures...), DurationMS)

// highWords and lowWords name a feature far above or below the catalog's
// mean, for cohort names.
var (
	highWords = map[string]string{Acousticness: "acoustic", Danceability: "danceable", Energy: "energetic", Instrumentalness: "instrumental",
		Liveness: "live", Loudness: "loud", Speechiness: "spoken", Tempo: "fast", Valence: "upbeat", DurationMS: "long"}
	lowWords = map[string]string{Acousticness: "electric", Danceability: "less danceable", Energy: "calm", Instrumentalness: "sung",
		Liveness: "studio", Loudness: "quiet", Speechiness: "little speech", Tempo: "slow", Valence: "sombre", DurationMS: "short"}
)

// Profiles describes each cohort of labels (0..k-1) over a catalog, with
// popularity counted against threshold.
func Profiles(cat *Catalog, labels []int, k int, threshold float64) []Cohort {
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
	idx := distinctive(z)
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

// distinctive orders feature indices by decreasing |z|.
func distinctive(z []float64) []int {
	idx := make([]int, len(z))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return math.Abs(z[idx[a]]) > math.Abs(z[idx[b]]) })
	return idx
}

// ProfileTable lists each cohort's size, name, popularity and its most
// distinguishing features.
func ProfileTable(cs []Cohort, hasPopularity bool) report.Table {
	var rows [][]string
	for _, c := range cs {
		var feats []string
		for _, j := range distinctive(c.Z)[:4] {
			feats = append(feats, fmt.Sprintf("%s %+.2f", ProfileFeatures[j], c.Z[j]))
		}
		row := []string{itoa(c.ID), c.Name, itoa(c.Size), ftoa(100*c.LiveShare, 1)}
		if hasPopularity {
			row = append(row, ftoa(c.Popularity, 1), ftoa(100*c.PopularShare, 1))
		}
		rows = append(rows, append(row, strings.Join(feats, "; ")))
	}
	headers := []string{"cohort", "name", "tracks", "% live (title)"}
	if hasPopularity {
		headers = append(headers, "mean popularity", "% popular")
	}
	t := report.NewTable(append(headers, "most distinctive features (standard deviations from the catalog mean)"), rows)
	t.Caption = "Cohort profiles"
	return t
}

// ProfileHeatmap draws the cohorts' standardised feature means.
func ProfileHeatmap(cs []Cohort) (chart.Figure, error) {
	m := make([][]float64, len(cs))
	rows := make([]string, len(cs))
	for i, c := range cs {
		m[i] = c.Z
		rows[i] = fmt.Sprintf("%d: %s", c.ID, c.Name)
	}
	o := chart.HeatmapOptions{Diverging: true, Decimals: 2}
	o.Title = "Cohort profiles: mean of each feature in standard deviations from the catalog mean"
	return chart.Heatmap(m, rows, ProfileFeatures, o)
}

// CohortNames lists "ID: name" for legends.
func CohortNames(cs []Cohort) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = fmt.Sprintf("%d: %s", c.ID, c.Name)
	}
	return out
}
