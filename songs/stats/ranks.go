package stats

import (
	"cmp"
	"math"
	"slices"
	"sort"
)

// Rank returns the ranks of x, 1-based, with tied values given the average
// of the ranks they span (SciPy's rankdata(method='average')). If dst is
// nil a new slice is allocated; otherwise dst must have the length of x.
//
// Rank panics with "stats: slice length mismatch" if dst has the wrong
// length.
func Rank(dst, x []float64) []float64 {
	if dst == nil {
		dst = make([]float64, len(x))
	}
	if len(dst) != len(x) {
		panic("stats: slice length mismatch")
	}
	sorted := sortedWithIndex(x)
	for i := 0; i < len(sorted); {
		j := i + 1
		for j < len(sorted) && sorted[j].value == sorted[i].value {
			j++
		}
		r := float64(i+j+1) / 2 // average of ranks i+1 .. j
		for k := i; k < j; k++ {
			dst[sorted[k].index] = r
		}
		i = j
	}
	return dst
}

// indexedValue is a value of a slice with its position.
type indexedValue struct {
	value float64
	index int
}

// sortedWithIndex returns the values of x with their positions, sorted
// ascending (NaN first, as cmp.Compare orders them). Tied values come in
// no particular order, which average ranks do not see; sorting the pairs
// is several times faster than a stable sort of indices into x.
func sortedWithIndex(x []float64) []indexedValue {
	pairs := make([]indexedValue, len(x))
	for i, v := range x {
		pairs[i] = indexedValue{v, i}
	}
	slices.SortFunc(pairs, func(a, b indexedValue) int { return cmp.Compare(a.value, b.value) })
	return pairs
}

// tieSum returns sum(t^3 - t) over the groups of tied values of x, where t
// is the size of each group.
func tieSum(x []float64) float64 {
	s := append([]float64(nil), x...)
	sort.Float64s(s)
	var sum float64
	for i := 0; i < len(s); {
		j := i + 1
		for j < len(s) && s[j] == s[i] {
			j++
		}
		t := float64(j - i)
		sum += t*t*t - t
		i = j
	}
	return sum
}

// hasTies reports whether x holds a repeated value.
func hasTies(x []float64) bool {
	s := append([]float64(nil), x...)
	sort.Float64s(s)
	for i := 1; i < len(s); i++ {
		if s[i] == s[i-1] {
			return true
		}
	}
	return false
}

func concat(groups ...[]float64) []float64 {
	n := 0
	for _, g := range groups {
		n += len(g)
	}
	all := make([]float64, 0, n)
	for _, g := range groups {
		all = append(all, g...)
	}
	return all
}

// median returns the median of x (the mean of the two middle values when
// len(x) is even), NaN for an empty x.
func median(x []float64) float64 {
	if len(x) == 0 {
		return math.NaN()
	}
	s := append([]float64(nil), x...)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
