package stats

import (
	"math"
	"sort"
)

// Correction is a multiple-testing correction of p-values.
type Correction int

const (
	// NoCorrection leaves the p-values unchanged.
	NoCorrection Correction = iota
	// Bonferroni multiplies each p-value by the number of tests.
	Bonferroni
	// Holm is Holm's step-down Bonferroni correction (family-wise error).
	Holm
	// BenjaminiHochberg is the Benjamini-Hochberg step-up correction
	// (false discovery rate).
	BenjaminiHochberg
)

// String returns the correction's name as used in readings, such as "Holm".
func (c Correction) String() string {
	switch c {
	case NoCorrection:
		return "unadjusted"
	case Bonferroni:
		return "Bonferroni"
	case Holm:
		return "Holm"
	case BenjaminiHochberg:
		return "BH"
	}
	return "unknown"
}

// Adjust returns the p-values p adjusted for multiple testing by method, as
// statsmodels.stats.multitest.multipletests(p, method=...)[1] with methods
// "bonferroni", "holm" and "fdr_bh". With m tests and p sorted ascending,
//
//	Bonferroni: min(1, m p_i)
//	Holm:       min(1, max_{j<=i} (m-j+1) p_(j))
//	BH:         min(1, min_{j>=i} m p_(j) / j)
//
// NaN p-values are not allowed. Adjust panics with "stats: NaN p-value" if
// p holds NaN or with "stats: unknown Correction" for an unknown method.
//
// References: Holm, S. (1979), Scand. J. Statist. 6, 65-70; Benjamini, Y. &
// Hochberg, Y. (1995), JRSS B 57, 289-300.
func Adjust(p []float64, method Correction) []float64 {
	m := float64(len(p))
	out := make([]float64, len(p))
	for _, v := range p {
		if math.IsNaN(v) {
			panic("stats: NaN p-value")
		}
	}
	idx := make([]int, len(p))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return p[idx[a]] < p[idx[b]] })
	switch method {
	case NoCorrection:
		copy(out, p)
	case Bonferroni:
		for i, v := range p {
			out[i] = math.Min(1, v*m)
		}
	case Holm:
		run := 0.0
		for rank, i := range idx {
			run = math.Max(run, p[i]*(m-float64(rank)))
			out[i] = math.Min(1, run)
		}
	case BenjaminiHochberg:
		run := math.Inf(1)
		for rank := len(idx) - 1; rank >= 0; rank-- {
			i := idx[rank]
			run = math.Min(run, p[i]*m/float64(rank+1))
			out[i] = math.Min(1, run)
		}
	default:
		panic("stats: unknown Correction")
	}
	return out
}

// AdjustResults sets PAdjusted and Correction of every result in rs, the
// family of tests, by Adjust on their p-values. Results with a NaN p-value
// are left out of the family and keep a NaN PAdjusted.
func AdjustResults(rs []Result, method Correction) {
	var ps []float64
	var at []int
	for i, r := range rs {
		if !math.IsNaN(r.P) {
			ps = append(ps, r.P)
			at = append(at, i)
		}
	}
	adj := Adjust(ps, method)
	for j, i := range at {
		rs[i].PAdjusted = adj[j]
		rs[i].Correction = method.String()
	}
}
