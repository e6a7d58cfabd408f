package stats

import (
	"fmt"
	"math"
)

// DunnPair is one pairwise comparison of Dunn's test.
type DunnPair struct {
	// I and J index the groups compared (I < J).
	I, J int
	// Z is the standardised difference of mean ranks, group I minus J.
	Z float64
	// P is the unadjusted two-sided p-value.
	P float64
	// PAdjusted is P adjusted over all k(k-1)/2 pairs.
	PAdjusted float64
}

// Dunn is Dunn's post-hoc test of all pairs of groups after a
// Kruskal-Wallis test, with the tie correction and the p-values adjusted by
// method over the k(k-1)/2 pairs. With mean ranks Rbar_i in the pooled
// sample of size N and tie term T = sum(t^3-t),
//
//	z_ij = (Rbar_i - Rbar_j) / sqrt((N(N+1)/12 - T/(12(N-1))) (1/n_i + 1/n_j))
//	p_ij = 2 (1 - Phi(|z_ij|))
//
// Pairs come in the order (0,1), (0,2), ..., (1,2), .... It returns
// ErrAllTied when every value is equal and an error for fewer than two
// groups, an empty group or NaN.
//
// Reference: Dunn, O. J. (1964), Technometrics 6, 241-252.
func Dunn(method Correction, groups ...[]float64) ([]DunnPair, error) {
	if err := checkGroups(groups); err != nil {
		return nil, err
	}
	all := concat(groups...)
	n := float64(len(all))
	t := tieSum(all)
	s2 := n*(n+1)/12 - t/(12*(n-1))
	if s2 <= 0 {
		return nil, fmt.Errorf("%w: Dunn", ErrAllTied)
	}
	ranks := Rank(nil, all)
	mean := make([]float64, len(groups))
	off := 0
	for i, g := range groups {
		var s float64
		for _, v := range ranks[off : off+len(g)] {
			s += v
		}
		mean[i] = s / float64(len(g))
		off += len(g)
	}
	var pairs []DunnPair
	var ps []float64
	for i := range groups {
		for j := i + 1; j < len(groups); j++ {
			se := math.Sqrt(s2 * (1/float64(len(groups[i])) + 1/float64(len(groups[j]))))
			z := (mean[i] - mean[j]) / se
			p := 2 * normSF(math.Abs(z))
			pairs = append(pairs, DunnPair{I: i, J: j, Z: z, P: p})
			ps = append(ps, p)
		}
	}
	adj := Adjust(ps, method)
	for i := range pairs {
		pairs[i].PAdjusted = adj[i]
	}
	return pairs, nil
}
