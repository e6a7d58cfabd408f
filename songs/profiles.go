package songs

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mat"

	"gonum.org/v1/gonum/floats"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/stats"
)

// Cohort describes one cluster of the chosen solution, or one sub-cohort
// of a cohort.
type Cohort struct {
	// ID numbers the cohort among its siblings (0.., by decreasing size);
	// Parent is the cohort a sub-cohort belongs to, -1 for a cohort.
	// Label is "ID" for a cohort and "Parent.ID" for a sub-cohort.
	ID, Parent int
	Label      string
	// Name is "<Setting>: <trait>, <trait>" (nameSiblings): Setting is
	// live, studio or both, and Traits the features on which the cohort
	// differs most from its parent, in words of their absolute level.
	Name    string
	Setting string
	Traits  []Trait
	// Size is the number of tracks, Recordings of distinct recordings
	// (reissues counted once).
	Size, Recordings int
	// Z holds the cohort's mean of each profile feature in standard
	// deviations from the catalog mean (ProfileFeatures order), and
	// Median its median in the feature's own units.
	Z, Median []float64
	// Popularity is the cohort's mean popularity (NaN without popularity)
	// and PopularShare its share of popular songs.
	Popularity, PopularShare float64
	// LiveShare is its share of tracks flagged live by title or album.
	LiveShare float64
}

// ProfileFeatures are the features cohorts are described by.
var ProfileFeatures = append(append([]string(nil), catalog.AudioFeatures...), catalog.DurationMS)

// Profiles describes each cohort of labels (0..k-1; negative labels are
// left out) over a catalog, with popularity counted against threshold, and
// names the cohorts (nameSiblings). The profile features are standardised
// as everywhere in the study (Standardised: population standard deviation,
// a constant feature 0).
func Profiles(cat *catalog.Catalog, labels []int, k int, threshold float64) ([]Cohort, error) {
	z, _, err := Standardised(cat, ProfileFeatures)
	if err != nil {
		return nil, fmt.Errorf("cohort profiles: %w", err)
	}
	out := make([]Cohort, k)
	ptrs := make([]*Cohort, k)
	for c := range out {
		members := membersOf(labels, func(l int) bool { return l == c })
		out[c] = profile(cat, z, members, threshold)
		out[c].ID, out[c].Parent, out[c].Label = c, -1, strconv.Itoa(c)
		ptrs[c] = &out[c]
	}
	dz := make([][]float64, k)
	for c := range out {
		dz[c] = out[c].Z
	}
	nameSiblings(ptrs, dz)
	return out, nil
}

// SubcohortProfiles describes the sub-cohorts of the cohorts (their
// profiles, from Profiles) of labels, sub giving every track's sub-cohort
// within its cohort: one profile per (cohort, sub-cohort), cohort by
// cohort, named against their siblings (how each differs from its
// cohort). A cohort that stays one sub-cohort gives it its own name.
func SubcohortProfiles(cat *catalog.Catalog, labels, sub []int, cohorts []Cohort, threshold float64) ([]Cohort, error) {
	if len(sub) != len(labels) || len(labels) != len(cat.Tracks) {
		return nil, fmt.Errorf("sub-cohort profiles: %d cohort labels and %d sub-cohort labels for %d tracks: rerun notebook 03-tests-validation (make output/03-tests-validation.html)",
			len(labels), len(sub), len(cat.Tracks))
	}
	z, _, err := Standardised(cat, ProfileFeatures)
	if err != nil {
		return nil, fmt.Errorf("sub-cohort profiles: %w", err)
	}
	var out []Cohort
	for _, parent := range cohorts {
		m := 0
		for i, l := range labels {
			if l == parent.ID {
				m = max(m, sub[i]+1)
			}
		}
		first := len(out)
		for s := 0; s < m; s++ {
			members := make([]int, 0)
			for i, l := range labels {
				if l == parent.ID && sub[i] == s {
					members = append(members, i)
				}
			}
			c := profile(cat, z, members, threshold)
			c.ID, c.Parent, c.Label = s, parent.ID, fmt.Sprintf("%d.%d", parent.ID, s)
			out = append(out, c)
		}
		if m == 1 {
			out[first].Name, out[first].Setting, out[first].Traits = parent.Name, parent.Setting, parent.Traits
			continue
		}
		ptrs := make([]*Cohort, m)
		dz := make([][]float64, m)
		for s := range ptrs {
			ptrs[s] = &out[first+s]
			dz[s] = make([]float64, len(ProfileFeatures))
			floats.SubTo(dz[s], ptrs[s].Z, parent.Z)
		}
		nameSiblings(ptrs, dz)
	}
	return out, nil
}

// membersOf lists the indices whose label satisfies in.
func membersOf(labels []int, in func(int) bool) []int {
	var out []int
	for i, l := range labels {
		if in(l) {
			out = append(out, i)
		}
	}
	return out
}

// profile describes the tracks at members: sizes, mean z and medians of
// the profile features (z the catalog's standardised features),
// popularity and live share.
func profile(cat *catalog.Catalog, z mat.Matrix, members []int, threshold float64) Cohort {
	co := Cohort{Z: make([]float64, len(ProfileFeatures)), Median: make([]float64, len(ProfileFeatures))}
	values := make([][]float64, len(ProfileFeatures))
	for _, i := range members {
		t := &cat.Tracks[i]
		co.Size++
		if t.IsRecording() {
			co.Recordings++
		}
		for j, f := range ProfileFeatures {
			co.Z[j] += z.At(i, j)
			values[j] = append(values[j], t.Value(f))
		}
		co.Popularity += t.Popularity
		if t.Popularity >= threshold {
			co.PopularShare++
		}
		if LiveByTitle(t) {
			co.LiveShare++
		}
	}
	n := float64(co.Size)
	floats.Scale(1/n, co.Z)
	for j := range values {
		co.Median[j] = stats.Quantile(values[j], 0.5)
	}
	co.Popularity /= n
	co.PopularShare /= n
	co.LiveShare /= n
	return co
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
			if labels[i] != c.ID || !t.IsRecording() {
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

// SubcohortExamples lists up to n typical tracks of each sub-cohort of
// subs (SubcohortProfiles, same order): those nearest the sub-cohort's
// centre, one per title (NearestToCentre).
func SubcohortExamples(cat *catalog.Catalog, labels, sub []int, subs []Cohort, n int) ([][]int, error) {
	index := map[[2]int]int{}
	renumbered := append([]Cohort(nil), subs...)
	for i, s := range subs {
		index[[2]int{s.Parent, s.ID}] = i
		renumbered[i].ID = i
	}
	flat := make([]int, len(labels))
	for i := range labels {
		j, ok := index[[2]int{labels[i], sub[i]}]
		if !ok {
			j = -1
		}
		flat[i] = j
	}
	near, err := NearestToCentre(cat, flat, renumbered, n)
	if err != nil {
		return nil, err
	}
	out := make([][]int, len(subs))
	for _, nt := range near {
		out[nt.Cohort] = append(out[nt.Cohort], nt.Track)
	}
	return out, nil
}
