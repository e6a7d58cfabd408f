package stats

import (
	"fmt"
	"math"
)

// RowStatistic is a statistic of n rows (observations of one or more
// variables) evaluated on a resample given as counts: w[i] is how many
// times row i occurs (a whole number, 0 for a row left out). A nil w
// means every row once, the statistic of the data themselves. The
// constructors below prepare the sort order once, so that each evaluation
// costs O(n): a bootstrap of a few thousand rows with thousands of
// resamples and a jackknife stays fast (Bootstrap.IntervalRows).
//
// Evaluated on counts, a statistic equals the same statistic of the
// expanded sample in which row i is repeated w[i] times: ties in the
// expanded sample get mid-ranks exactly as Rank gives them.
type RowStatistic func(w []float64) float64

// weightedRanks holds the ascending order of a sample and its groups of
// equal values, to give mid-ranks under counts in O(n).
type weightedRanks struct {
	order []int // row indices, ascending by value
	start []int // start of each group of equal values in order, plus len(order)
}

func newWeightedRanks(x []float64) weightedRanks {
	s := sortedWithIndex(x)
	r := weightedRanks{order: make([]int, len(s))}
	for k, p := range s {
		r.order[k] = p.index
		if k == 0 || p.value != s[k-1].value {
			r.start = append(r.start, k)
		}
	}
	r.start = append(r.start, len(s))
	return r
}

// ranks writes to dst the mid-rank of each row in the expanded sample
// (rows with count 0 get the rank they would have) and returns the total
// count N and the tie term sum(t^3 - t) over groups of equal values, t the
// group's total count.
func (r weightedRanks) ranks(dst, w []float64) (n, ties float64) {
	for g := 0; g+1 < len(r.start); g++ {
		var t float64
		for _, i := range r.order[r.start[g]:r.start[g+1]] {
			t += weight(w, i)
		}
		mid := n + (t+1)/2
		for _, i := range r.order[r.start[g]:r.start[g+1]] {
			dst[i] = mid
		}
		n += t
		ties += t*t*t - t
	}
	return n, ties
}

func weight(w []float64, i int) float64 {
	if w == nil {
		return 1
	}
	return w[i]
}

// SpearmanRows prepares Spearman's rho of the pairs (x[i], y[i]) as a
// RowStatistic: the Pearson correlation of the mid-ranks of the expanded
// sample, as scipy.stats.spearmanr. Empty data or NaN return an error.
//
// SpearmanRows panics with "stats: slice length mismatch" if
// len(x) != len(y).
func SpearmanRows(x, y []float64) (RowStatistic, error) {
	if err := checkRowSample(x, len(y)); err != nil {
		return nil, err
	}
	if err := checkSample("y", y); err != nil {
		return nil, err
	}
	ox, oy := newWeightedRanks(x), newWeightedRanks(y)
	rx, ry := make([]float64, len(x)), make([]float64, len(y))
	return func(w []float64) float64 {
		n, _ := ox.ranks(rx, w)
		oy.ranks(ry, w)
		mean := (n + 1) / 2 // the mean of 1..N, ties averaged
		var sxy, sxx, syy float64
		for i := range rx {
			wi := weight(w, i)
			if wi == 0 {
				continue
			}
			dx, dy := rx[i]-mean, ry[i]-mean
			sxy += wi * dx * dy
			sxx += wi * dx * dx
			syy += wi * dy * dy
		}
		return sxy / math.Sqrt(sxx*syy)
	}, nil
}

// KruskalEpsilonSquaredRows prepares the epsilon squared of a
// Kruskal-Wallis test of x across groups (group[i] in 0..k-1 is row i's
// group) as a RowStatistic: H/(N-1) with H tie-corrected as
// scipy.stats.kruskal, over the groups present in the resample
// (KruskalEpsilonSquared). Empty data, NaN or a negative group return an
// error.
//
// KruskalEpsilonSquaredRows panics with "stats: slice length mismatch" if
// len(x) != len(group).
func KruskalEpsilonSquaredRows(x []float64, group []int) (RowStatistic, error) {
	if err := checkRowSample(x, len(group)); err != nil {
		return nil, err
	}
	k := 0
	for i, g := range group {
		if g < 0 {
			return nil, fmt.Errorf("stats: group[%d] = %d is negative", i, g)
		}
		k = max(k, g+1)
	}
	o := newWeightedRanks(x)
	r := make([]float64, len(x))
	sum, cnt := make([]float64, k), make([]float64, k)
	return func(w []float64) float64 {
		n, ties := o.ranks(r, w)
		clear(sum)
		clear(cnt)
		for i, g := range group {
			wi := weight(w, i)
			sum[g] += wi * r[i]
			cnt[g] += wi
		}
		var s float64
		for g := range sum {
			if cnt[g] > 0 {
				s += sum[g] * sum[g] / cnt[g]
			}
		}
		h := 12/(n*(n+1))*s - 3*(n+1)
		h /= 1 - ties/(n*n*n-n)
		return h / (n - 1)
	}, nil
}

// RankBiserialRows prepares the rank-biserial correlation of the rows
// with first[i] true against the others as a RowStatistic (RankBiserial
// of the two expanded samples). Empty data, NaN or a group without rows
// return an error.
//
// RankBiserialRows panics with "stats: slice length mismatch" if
// len(x) != len(first).
func RankBiserialRows(x []float64, first []bool) (RowStatistic, error) {
	if err := checkRowSample(x, len(first)); err != nil {
		return nil, err
	}
	var n1 int
	for _, f := range first {
		if f {
			n1++
		}
	}
	if n1 == 0 || n1 == len(x) {
		return nil, fmt.Errorf("%w: both groups need rows", ErrEmpty)
	}
	o := newWeightedRanks(x)
	r := make([]float64, len(x))
	return func(w []float64) float64 {
		n, _ := o.ranks(r, w)
		var r1, c1 float64
		for i, f := range first {
			if f {
				wi := weight(w, i)
				r1 += wi * r[i]
				c1 += wi
			}
		}
		u1 := r1 - c1*(c1+1)/2
		return 2*u1/(c1*(n-c1)) - 1
	}, nil
}

// checkRowSample panics with "stats: slice length mismatch" unless x has
// one value for each of the rows, and returns checkSample's error for x.
func checkRowSample(x []float64, rows int) error {
	if len(x) != rows {
		panic("stats: slice length mismatch")
	}
	return checkSample("x", x)
}
