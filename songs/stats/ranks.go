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
	idx := argsort(x)
	for i := 0; i < len(idx); {
		j := i + 1
		for j < len(idx) && x[idx[j]] == x[idx[i]] {
			j++
		}
		r := float64(i+j+1) / 2 // average of ranks i+1 .. j
		for k := i; k < j; k++ {
			dst[idx[k]] = r
		}
		i = j
	}
	return dst
}

// argsort returns the indices that sort x ascending (stable).
func argsort(x []float64) []int {
	idx := make([]int, len(x))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(x[a], x[b]) })
	return idx
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
