package catalog

import "sort"

// ReissueGroup is one recording released on several albums: tracks with
// identical audio features and duration. Canonical is the id of the
// earliest release (ties broken by file order); Members lists every id of
// the group, canonical first.
type ReissueGroup struct {
	Canonical string
	Members   []string
}

// recordingKey identifies a recording by its audio signature.
type recordingKey struct {
	audio [9]float64
	dur   float64
}

// Reissues finds the recordings present more than once in tracks and sets
// each track's CanonicalID (its own id when it is not a reissue). Groups
// are ordered by their canonical track's position.
func Reissues(tracks []Track) []ReissueGroup {
	byKey := map[recordingKey][]int{}
	var keys []recordingKey
	for i := range tracks {
		k := recordingKey{tracks[i].Audio, tracks[i].DurationMS}
		if _, ok := byKey[k]; !ok {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], i)
		tracks[i].CanonicalID = tracks[i].ID
	}
	var groups []ReissueGroup
	var firsts []int
	for _, k := range keys {
		members := byKey[k]
		if len(members) < 2 {
			continue
		}
		sort.SliceStable(members, func(a, b int) bool {
			return tracks[members[a]].ReleaseDate.Before(tracks[members[b]].ReleaseDate)
		})
		g := ReissueGroup{Canonical: tracks[members[0]].ID}
		for _, m := range members {
			g.Members = append(g.Members, tracks[m].ID)
			tracks[m].CanonicalID = g.Canonical
		}
		groups = append(groups, g)
		firsts = append(firsts, members[0])
	}
	order := make([]int, len(groups))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return firsts[order[a]] < firsts[order[b]] })
	sorted := make([]ReissueGroup, len(groups))
	for i, o := range order {
		sorted[i] = groups[o]
	}
	return sorted
}

// ReissueCount is the number of tracks that repeat an earlier release of
// the same recording (group sizes minus one, summed).
func ReissueCount(groups []ReissueGroup) int {
	n := 0
	for _, g := range groups {
		n += len(g.Members) - 1
	}
	return n
}
