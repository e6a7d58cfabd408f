package stats

import "gonum.org/v1/gonum/stat"

// LeveneCenter selects the centre Levene uses for absolute deviations.
type LeveneCenter int

const (
	// CenterMedian uses group medians: the Brown-Forsythe test (SciPy's
	// default center='median').
	CenterMedian LeveneCenter = iota
	// CenterMean uses group means: Levene's original test.
	CenterMean
)

// Levene is Levene's test of equal variances, as
// scipy.stats.levene(*groups, center=...). With Z_ij = |x_ij - c_i| for the
// group centre c_i (median or mean),
//
//	W = (N-k)/(k-1) * sum n_i (Zbar_i - Zbar)^2 / sum sum (Z_ij - Zbar_i)^2
//
// with DF = k-1, DF2 = N-k and p the F upper tail. When every group has zero
// spread W and p are NaN, as SciPy. Fewer than two groups, an empty group or
// NaN return an error.
//
// References: Levene, H. (1960), in Contributions to Probability and
// Statistics, 278-292; Brown, M. B. & Forsythe, A. B. (1974), JASA 69,
// 364-367.
func Levene(center LeveneCenter, groups ...[]float64) (Result, error) {
	name := "Brown-Forsythe (Levene, median)"
	if center == CenterMean {
		name = "Levene (mean)"
	} else if center != CenterMedian {
		panic("stats: unknown LeveneCenter")
	}
	r := newResult(name, TwoSided)
	if err := checkGroups(groups); err != nil {
		return r, err
	}
	k := float64(len(groups))
	z := make([][]float64, len(groups))
	zbar := make([]float64, len(groups))
	var total, n float64
	for i, g := range groups {
		c := median(g)
		if center == CenterMean {
			c = stat.Mean(g, nil)
		}
		z[i] = make([]float64, len(g))
		for j, v := range g {
			d := v - c
			if d < 0 {
				d = -d
			}
			z[i][j] = d
		}
		zbar[i] = stat.Mean(z[i], nil)
		total += zbar[i] * float64(len(g))
		n += float64(len(g))
	}
	total /= n
	var numer, dvar float64
	for i := range groups {
		d := zbar[i] - total
		numer += float64(len(groups[i])) * d * d
		for _, v := range z[i] {
			e := v - zbar[i]
			dvar += e * e
		}
	}
	w := (n - k) * numer / ((k - 1) * dvar)
	r.Statistic, r.DF, r.DF2 = w, k-1, n-k
	r.P = fSF(w, k-1, n-k)
	return r, nil
}
