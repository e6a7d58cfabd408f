package cluster

import "math"

// kmContingency relabels a and b to 0..ra-1 and 0..rb-1 in order of first
// appearance and returns the ra x rb contingency table with its row and
// column sums.
func kmContingency(a, b []int) (table [][]float64, rows, cols []float64) {
	if len(a) != len(b) {
		panic("cluster: label slices differ in length")
	}
	ia, ib := map[int]int{}, map[int]int{}
	ra := make([]int, len(a))
	rb := make([]int, len(b))
	for i := range a {
		v, ok := ia[a[i]]
		if !ok {
			v = len(ia)
			ia[a[i]] = v
		}
		ra[i] = v
		w, ok := ib[b[i]]
		if !ok {
			w = len(ib)
			ib[b[i]] = w
		}
		rb[i] = w
	}
	table = make([][]float64, len(ia))
	for i := range table {
		table[i] = make([]float64, len(ib))
	}
	rows = make([]float64, len(ia))
	cols = make([]float64, len(ib))
	for i := range ra {
		table[ra[i]][rb[i]]++
		rows[ra[i]]++
		cols[rb[i]]++
	}
	return table, rows, cols
}

// AdjustedRandIndex returns the Rand index of two labellings of the same
// items corrected for chance (Hubert and Arabie, "Comparing partitions",
// Journal of Classification 2, 1985), computed from the pair confusion
// matrix as sklearn.metrics.adjusted_rand_score (version 1.2):
//
//	ARI = 2 (tp·tn - fn·fp) / ((tp+fn)(fn+tn) + (tp+fp)(fp+tn)),
//
// where tp counts ordered pairs together in both labellings, fp pairs
// together only in b, fn pairs together only in a and tn the rest. Labels
// are arbitrary integers compared for equality. It is 1 when the two
// partitions agree up to relabelling (and for no items). AdjustedRandIndex
// panics if the lengths differ.
func AdjustedRandIndex(a, b []int) float64 {
	table, rows, cols := kmContingency(a, b)
	n := float64(len(a))
	var ss, sa, sb float64
	for _, row := range table {
		for _, v := range row {
			ss += v * v
		}
	}
	for _, v := range rows {
		sa += v * v
	}
	for _, v := range cols {
		sb += v * v
	}
	tp := ss - n
	fp := sb - ss
	fn := sa - ss
	tn := n*n - fp - fn - ss
	if fn == 0 && fp == 0 {
		return 1
	}
	return 2 * (tp*tn - fn*fp) / ((tp+fn)*(fn+tn) + (tp+fp)*(fp+tn))
}

// NormalizedMutualInfo returns the mutual information of two labellings
// divided by the arithmetic mean of their entropies (Vinh, Epps and
// Bailey, "Information theoretic measures for clusterings comparison",
// JMLR 11, 2010), as sklearn.metrics.normalized_mutual_info_score with its
// default average_method="arithmetic":
//
//	NMI = I(a;b) / ((H(a)+H(b))/2),  I = Σ_ij p_ij ln(p_ij / (p_i p_j)).
//
// It is 1 when both labellings have a single cluster (scikit-learn's
// convention) and 0 when the mutual information is 0. NormalizedMutualInfo
// panics if the lengths differ.
func NormalizedMutualInfo(a, b []int) float64 {
	table, rows, cols := kmContingency(a, b)
	if len(rows) == len(cols) && len(rows) <= 1 {
		return 1
	}
	n := float64(len(a))
	logN := math.Log(n)
	var mi float64
	for i, row := range table {
		for j, v := range row {
			if v == 0 {
				continue
			}
			mi += v / n * (math.Log(v) + logN - math.Log(rows[i]) - math.Log(cols[j]))
		}
	}
	if mi <= 0 {
		return 0
	}
	ha, hb := kmEntropy(rows, n), kmEntropy(cols, n)
	return mi / ((ha + hb) / 2)
}

// kmEntropy returns the entropy, in nats, of the counts.
func kmEntropy(counts []float64, n float64) float64 {
	var h float64
	for _, c := range counts {
		if c > 0 {
			p := c / n
			h -= p * math.Log(p)
		}
	}
	return h
}
