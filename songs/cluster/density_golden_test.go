package cluster

// densitySameLabels reports whether two labelings define the same partition,
// with -1 (noise) required to match exactly.
func densitySameLabels(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	ab, ba := map[int]int{}, map[int]int{}
	for i := range a {
		if (a[i] == -1) != (b[i] == -1) {
			return false
		}
		if x, ok := ab[a[i]]; ok && x != b[i] {
			return false
		}
		if y, ok := ba[b[i]]; ok && y != a[i] {
			return false
		}
		ab[a[i]], ba[b[i]] = b[i], a[i]
	}
	return true
}
