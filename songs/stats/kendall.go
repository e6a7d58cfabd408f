package stats

import (
	"math"
	"sort"
)

// Kendall is Kendall's tau-b rank correlation of x and y with SciPy
// 1.10.1's p-value (scipy.stats.kendalltau(x, y, alternative,
// method='auto')):
//
//	tau_b = (C - D) / sqrt((n0 - T_x)(n0 - T_y)),  n0 = n(n-1)/2
//
// The p-value is exact (Kendall 1970, the permutation distribution of the
// number of concordant pairs) when there are no ties and n <= 33 or
// min(D, n0-D) <= 1; otherwise C-D is taken as normal with the
// tie-corrected variance
//
//	var = (n(n-1)(2n+5) - sum t(t-1)(2t+5) - sum u(u-1)(2u+5))/18
//	    + 2 T_x T_y/(n(n-1)) + sum t(t-1)(t-2) sum u(u-1)(u-2)/(9n(n-1)(n-2))
//
// Discordant pairs are counted by merge sort in O(n log n) (Knight 1966).
// When x or y is constant tau and p are NaN, as SciPy. Fewer than two pairs
// or NaN return an error.
//
// Kendall panics with "stats: slice length mismatch" if len(x) != len(y).
//
// References: Kendall, M. G. (1945), Biometrika 33, 239-251; Knight, W. R.
// (1966), JASA 61, 436-439.
func Kendall(x, y []float64, alt Alternative) (Result, error) {
	res, err := pairedResult("Kendall tau-b", x, y, alt)
	if err != nil {
		return res, err
	}
	n := len(x)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool {
		i, j := idx[a], idx[b]
		if x[i] != x[j] {
			return x[i] < x[j]
		}
		return y[i] < y[j]
	})
	ys := make([]float64, n)
	xs := make([]float64, n)
	for k, i := range idx {
		xs[k], ys[k] = x[i], y[i]
	}
	// joint ties
	var ntie int64
	for i := 0; i < n; {
		j := i + 1
		for j < n && xs[j] == xs[i] && ys[j] == ys[i] {
			j++
		}
		c := int64(j - i)
		ntie += c * (c - 1) / 2
		i = j
	}
	xtie, x0, x1 := tieCounts(xs)
	ytie, y0, y1 := tieCounts(ys)
	dis := countInversions(ys)
	tot := int64(n) * int64(n-1) / 2
	if xtie == tot || ytie == tot {
		return res, nil
	}
	cmd := float64(tot - xtie - ytie + ntie - 2*dis)
	tau := cmd / math.Sqrt(float64(tot-xtie)) / math.Sqrt(float64(tot-ytie))
	tau = math.Min(1, math.Max(-1, tau))
	res.Statistic = tau
	res = res.WithEffect("Kendall tau-b", tau, Interval{})
	if xtie == 0 && ytie == 0 && (n <= 33 || min(dis, tot-dis) <= 1) {
		res.P = kendallExactP(n, tot-dis, alt)
		return res, nil
	}
	fn := float64(n)
	m := fn * (fn - 1)
	v := (m*(2*fn+5)-x1-y1)/18 + 2*float64(xtie)*float64(ytie)/m + x0*y0/(9*m*(fn-2))
	res.P = pNormal(cmd/math.Sqrt(v), alt)
	return res, nil
}

// tieCounts returns, over groups of equal values of sorted-or-not v, the
// number of tied pairs, sum t(t-1)(t-2) and sum t(t-1)(2t+5).
func tieCounts(v []float64) (pairs int64, s0, s1 float64) {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	for i := 0; i < len(s); {
		j := i + 1
		for j < len(s) && s[j] == s[i] {
			j++
		}
		t := int64(j - i)
		if t > 1 {
			ft := float64(t)
			pairs += t * (t - 1) / 2
			s0 += ft * (ft - 1) * (ft - 2)
			s1 += ft * (ft - 1) * (2*ft + 5)
		}
		i = j
	}
	return pairs, s0, s1
}

// countInversions returns the number of pairs i < j with v[i] > v[j]
// (strictly), by merge sort; v is left unchanged.
func countInversions(v []float64) int64 {
	a := append([]float64(nil), v...)
	buf := make([]float64, len(a))
	var rec func(lo, hi int) int64
	rec = func(lo, hi int) int64 {
		if hi-lo < 2 {
			return 0
		}
		mid := (lo + hi) / 2
		c := rec(lo, mid) + rec(mid, hi)
		i, j, k := lo, mid, lo
		for i < mid && j < hi {
			if a[j] < a[i] {
				buf[k] = a[j]
				c += int64(mid - i)
				j++
			} else {
				buf[k] = a[i]
				i++
			}
			k++
		}
		for ; i < mid; i++ {
			buf[k] = a[i]
			k++
		}
		for ; j < hi; j++ {
			buf[k] = a[j]
			k++
		}
		copy(a[lo:hi], buf[lo:hi])
		return c
	}
	return rec(0, len(a))
}

// kendallExactP is the exact p-value for c concordant pairs among n
// untied pairs, as SciPy's _kendall_p_exact (Kendall 1970, ch. 4).
func kendallExactP(n int, c int64, alt Alternative) float64 {
	tot := int64(n) * int64(n-1) / 2
	inRight := c >= tot-c
	if tot-c < c {
		c = tot - c
	}
	var prob, mass float64
	fn := float64(n)
	lf, _ := math.Lgamma(fn + 1)
	switch {
	case n == 1:
		prob, mass = 1, 1
	case n == 2:
		prob, mass = 1, 0.5
	case c == 0:
		prob = 2 * math.Exp(-lf)
		if n >= 171 {
			prob = 0
		}
		mass = prob / 2
	case c == 1:
		lf1, _ := math.Lgamma(fn)
		prob = 2 * math.Exp(-lf1)
		if n >= 172 {
			prob = 0
		}
		mass = (fn - 1) * math.Exp(-lf)
	case 4*c == int64(n)*int64(n-1) && alt == TwoSided:
		prob = 1
	default:
		ci := int(c)
		nw := make([]float64, ci+1)
		nw[0], nw[1] = 1, 1
		for j := 3; j <= n; j++ {
			for i := 1; i <= ci; i++ {
				nw[i] += nw[i-1]
			}
			if j <= ci {
				for i := ci; i >= j; i-- {
					nw[i] -= nw[i-j]
				}
			}
			if n >= 171 {
				for i := range nw {
					nw[i] /= float64(j)
				}
			}
		}
		var s float64
		for _, v := range nw {
			s += v
		}
		if n < 171 {
			f := math.Exp(lf)
			prob = 2 * s / f
			mass = nw[ci] / f
		} else {
			prob = s
			mass = nw[ci] / 2
		}
	}
	if alt != TwoSided {
		if inRight == (alt == Greater) {
			prob /= 2
		} else {
			prob = 1 - prob/2 + mass
		}
	}
	return math.Min(math.Max(prob, 0), 1)
}
