package stats

import (
	"math"
	"math/rand/v2"
)

// DiffStat is the statistic of a two-sample permutation test.
type DiffStat int

const (
	// DiffMean is mean(x) - mean(y).
	DiffMean DiffStat = iota
	// DiffMedian is median(x) - median(y).
	DiffMedian
)

// DefaultResamples is the number of resamples used when a Permutation or
// Bootstrap leaves Resamples at zero (SciPy's default n_resamples).
const DefaultResamples = 9999

// Permutation is a seeded two-sample permutation test of a difference in
// means or medians, as scipy.stats.permutation_test with
// permutation_type='independent'. When the number of distinct splits of the
// pooled sample, C(n1+n2, n1), is at most Resamples, every split is
// enumerated and the p-value is exact:
//
//	p_greater = #{splits with T >= T_obs} / C(n1+n2, n1)
//
// otherwise Resamples random splits are drawn from a PCG generator seeded
// with Seed and p = (#{T >= T_obs} + 1)/(Resamples + 1). Comparisons allow
// a relative tolerance of 1e-14 as SciPy; the two-sided p-value is twice
// the smaller one-sided one, capped at 1.
//
// Reference: Good, P. (2005), Permutation, Parametric and Bootstrap Tests
// of Hypotheses, 3rd ed., ch. 3.
type Permutation struct {
	// Statistic is the difference compared: DiffMean or DiffMedian.
	Statistic DiffStat
	// Resamples is the number of random splits (DefaultResamples if 0).
	Resamples int
	// Seed seeds the generator.
	Seed uint64
	// Alternative is the alternative hypothesis.
	Alternative Alternative
}

// Test runs the permutation test of x against y. Centers holds the means
// or medians of x and y, and Statistic their difference. Empty samples or
// NaN return an error.
//
// Test panics with "stats: negative Resamples" or "stats: unknown
// DiffStat" for a bad configuration.
func (pt Permutation) Test(x, y []float64) (Result, error) {
	pt.Alternative.check()
	b := pt.Resamples
	if b == 0 {
		b = DefaultResamples
	}
	if b < 0 {
		panic("stats: negative Resamples")
	}
	name := "permutation (difference in means)"
	center := "mean"
	f := meanOf
	switch pt.Statistic {
	case DiffMean:
	case DiffMedian:
		name, center, f = "permutation (difference in medians)", "median", median
	default:
		panic("stats: unknown DiffStat")
	}
	r := newResult(name, pt.Alternative)
	if err := checkSample("x", x); err != nil {
		return r, err
	}
	if err := checkSample("y", y); err != nil {
		return r, err
	}
	r.Centers, r.CenterName = []float64{f(x), f(y)}, center
	obs := r.Centers[0] - r.Centers[1]
	r.Statistic = obs
	pooled := concat(x, y)
	n1 := len(x)
	gamma := math.Abs(1e-14 * obs)
	var ge, le, total float64
	count := func(t float64) {
		if t >= obs-gamma {
			ge++
		}
		if t <= obs+gamma {
			le++
		}
		total++
	}
	bx := make([]float64, n1)
	by := make([]float64, len(y))
	exact := binom(float64(len(pooled)), float64(n1)) <= float64(b)
	if exact {
		forEachSplit(len(pooled), n1, func(in []bool) {
			bx, by = bx[:0], by[:0]
			for i, v := range pooled {
				if in[i] {
					bx = append(bx, v)
				} else {
					by = append(by, v)
				}
			}
			count(f(bx) - f(by))
		})
	} else {
		rng := rand.New(rand.NewPCG(pt.Seed, 0x9e3779b97f4a7c15))
		work := append([]float64(nil), pooled...)
		for k := 0; k < b; k++ {
			rng.Shuffle(len(work), func(i, j int) { work[i], work[j] = work[j], work[i] })
			copy(bx, work[:n1])
			copy(by, work[n1:])
			count(f(bx) - f(by))
		}
		ge++
		le++
		total++
	}
	pg, pl := ge/total, le/total
	switch pt.Alternative {
	case Greater:
		r.P = pg
	case Less:
		r.P = pl
	default:
		r.P = math.Min(1, 2*math.Min(pg, pl))
	}
	return r, nil
}

func meanOf(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v
	}
	return s / float64(len(x))
}

// forEachSplit calls fn for every choice of k of n positions, in
// lexicographic order of the chosen indices.
func forEachSplit(n, k int, fn func(in []bool)) {
	idx := make([]int, k)
	for i := range idx {
		idx[i] = i
	}
	in := make([]bool, n)
	for {
		for i := range in {
			in[i] = false
		}
		for _, i := range idx {
			in[i] = true
		}
		fn(in)
		i := k - 1
		for i >= 0 && idx[i] == n-k+i {
			i--
		}
		if i < 0 {
			return
		}
		idx[i]++
		for j := i + 1; j < k; j++ {
			idx[j] = idx[j-1] + 1
		}
	}
}
