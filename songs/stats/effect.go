package stats

import (
	"math"
	"slices"
)

// CohensD is Cohen's d for two independent samples, the difference of
// means over the pooled standard deviation:
//
//	d = (mean(x) - mean(y)) / sqrt(((n1-1) s1^2 + (n2-1) s2^2) / (n1+n2-2))
//
// It is NaN when both samples have fewer than two values in total beyond
// their means (n1+n2 < 3) or zero pooled variance with equal means, and
// ±Inf for zero pooled variance with different means.
//
// Reference: Cohen, J. (1988), Statistical Power Analysis for the
// Behavioral Sciences, 2nd ed., eq. 2.5.2.
func CohensD(x, y []float64) float64 {
	n1, n2 := float64(len(x)), float64(len(y))
	m1, v1 := meanVar(x)
	m2, v2 := meanVar(y)
	if len(x) == 1 {
		v1 = 0
	}
	if len(y) == 1 {
		v2 = 0
	}
	sp := math.Sqrt(((n1-1)*v1 + (n2-1)*v2) / (n1 + n2 - 2))
	return (m1 - m2) / sp
}

// HedgesG is Hedges' g, Cohen's d times the exact small-sample correction
//
//	J(df) = Gamma(df/2) / (sqrt(df/2) Gamma((df-1)/2)),  df = n1+n2-2
//
// (approximately 1 - 3/(4 df - 1)).
//
// Reference: Hedges, L. V. (1981), J. Educ. Statist. 6, 107-128, eq. 6e.
func HedgesG(x, y []float64) float64 {
	df := float64(len(x) + len(y) - 2)
	l1, _ := math.Lgamma(df / 2)
	l2, _ := math.Lgamma((df - 1) / 2)
	j := math.Exp(l1-l2) / math.Sqrt(df/2)
	return CohensD(x, y) * j
}

// RankBiserial is the rank-biserial correlation of x against y, from the
// Mann-Whitney U of x:
//
//	r = 2 U1/(n1 n2) - 1
//
// in [-1, 1]; positive when x tends to be larger than y. It is the
// probability that a random x exceeds a random y (ties counted half) minus
// the reverse.
//
// Reference: Kerby, D. S. (2014), Comprehensive Psychology 3, 11.IT.3.1.
func RankBiserial(x, y []float64) float64 {
	n1, n2 := float64(len(x)), float64(len(y))
	var u1 float64
	if hasNaN(x) || hasNaN(y) {
		ranks := Rank(nil, concat(x, y))
		var r1 float64
		for _, v := range ranks[:len(x)] {
			r1 += v
		}
		u1 = r1 - n1*(n1+1)/2
	} else {
		u1 = mannWhitneyU1(x, y)
	}
	return 2*u1/(n1*n2) - 1
}

// mannWhitneyU1 counts the pairs in which x exceeds y, ties counted half:
// the U of x, equal to its rank sum minus n1(n1+1)/2, found by sorting the
// two samples apart and merging them (no NaN allowed). The counts are
// whole and half numbers, exact in float64.
func mannWhitneyU1(x, y []float64) float64 {
	xs := append([]float64(nil), x...)
	ys := append([]float64(nil), y...)
	slices.Sort(xs)
	slices.Sort(ys)
	var u1 float64
	below, upTo := 0, 0 // ys[:below] < v, ys[:upTo] <= v
	for _, v := range xs {
		for below < len(ys) && ys[below] < v {
			below++
		}
		if upTo < below {
			upTo = below
		}
		for upTo < len(ys) && ys[upTo] == v {
			upTo++
		}
		u1 += float64(below) + float64(upTo-below)/2
	}
	return u1
}

func hasNaN(x []float64) bool {
	for _, v := range x {
		if v != v {
			return true
		}
	}
	return false
}

// EtaSquared is eta squared of a one-way ANOVA, the share of the total sum
// of squares between groups: SSB/SST.
//
// Reference: Cohen, J. (1973), Educ. Psychol. Meas. 33, 107-112.
func EtaSquared(groups ...[]float64) float64 {
	ssb, ssw, _ := anovaSums(groups)
	return ssb / (ssb + ssw)
}

// EpsilonSquared is epsilon squared of a one-way ANOVA, the less biased
// share of variance explained:
//
//	eps^2 = (SSB - (k-1) MSW) / SST,  MSW = SSW/(N-k)
//
// Reference: Kelley, T. L. (1935), PNAS 21, 554-559.
func EpsilonSquared(groups ...[]float64) float64 {
	ssb, ssw, n := anovaSums(groups)
	k := float64(len(groups))
	return (ssb - (k-1)*ssw/(n-k)) / (ssb + ssw)
}

// KruskalEpsilonSquared is the epsilon squared effect size of a
// Kruskal-Wallis H over n observations: H / ((n^2-1)/(n+1)) = H/(n-1).
//
// Reference: Tomczak, M. & Tomczak, E. (2014), Trends in Sport Sciences
// 1(21), 19-25, eq. 8.
func KruskalEpsilonSquared(h float64, n int) float64 {
	fn := float64(n)
	return h / ((fn*fn - 1) / (fn + 1))
}

// KruskalEtaSquared is the eta squared effect size of a Kruskal-Wallis H
// with k groups and n observations: (H - k + 1)/(n - k).
//
// Reference: Tomczak, M. & Tomczak, E. (2014), Trends in Sport Sciences
// 1(21), 19-25, eq. 9.
func KruskalEtaSquared(h float64, k, n int) float64 {
	return (h - float64(k) + 1) / float64(n-k)
}
