package stats

import "fmt"

// KruskalWallis is the Kruskal-Wallis H test of equal distributions across
// groups, with the tie correction, as scipy.stats.kruskal:
//
//	H = (12/(N(N+1)) sum R_i^2/n_i - 3(N+1)) / (1 - sum(t^3-t)/(N^3-N))
//
// where R_i is the rank sum of group i in the pooled sample; DF = k-1 and
// p is the chi-square(k-1) upper tail. Centers holds the group medians.
// It returns ErrAllTied when every value is equal (SciPy raises), and an
// error for fewer than two groups, an empty group or NaN.
//
// Reference: Kruskal, W. H. & Wallis, W. A. (1952), JASA 47, 583-621.
func KruskalWallis(groups ...[]float64) (Result, error) {
	r := newResult("Kruskal-Wallis", TwoSided)
	if err := checkGroups(groups); err != nil {
		return r, err
	}
	h, err := kruskalH(groups)
	if err != nil {
		return r, err
	}
	k := float64(len(groups))
	r.Statistic, r.DF = h, k-1
	r.P = chi2SF(h, k-1)
	r.Centers, r.CenterName = groupMedians(groups), "median"
	return r, nil
}

func kruskalH(groups [][]float64) (float64, error) {
	all := concat(groups...)
	n := float64(len(all))
	ties := 1 - tieSum(all)/(n*n*n-n)
	if ties == 0 {
		return 0, fmt.Errorf("%w: Kruskal-Wallis", ErrAllTied)
	}
	ranks := Rank(nil, all)
	var ssbn float64
	off := 0
	for _, g := range groups {
		var s float64
		for _, v := range ranks[off : off+len(g)] {
			s += v
		}
		ssbn += s * s / float64(len(g))
		off += len(g)
	}
	h := 12/(n*(n+1))*ssbn - 3*(n+1)
	return h / ties, nil
}
