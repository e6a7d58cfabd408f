package stats

import (
	"math"
)

// FisherExact is Fisher's exact test of a 2x2 table of counts
// [[a, b], [c, d]], as scipy.stats.fisher_exact(table, alternative). The
// statistic is the sample odds ratio ad/(bc) (+Inf when bc = 0); the
// p-value comes from the hypergeometric distribution of a given the
// margins: Less is P(X <= a), Greater P(X >= a), and TwoSided sums the
// probabilities of all tables no more likely than the observed one (with
// SciPy's relative tolerance 1e-14). A zero row or column gives a NaN odds
// ratio and p = 1, as SciPy. Negative or non-integer counts return an
// error.
//
// Reference: Fisher, R. A. (1935), JRSS 98, 39-82.
func FisherExact(table [2][2]float64, alt Alternative) (Result, error) {
	alt.check()
	res := newResult("Fisher exact", alt)
	for _, row := range table {
		for _, v := range row {
			if v < 0 {
				return res, ErrNegativeCount
			}
			if v != math.Trunc(v) || math.IsNaN(v) {
				return res, ErrNaN
			}
		}
	}
	a, b, c, d := table[0][0], table[0][1], table[1][0], table[1][1]
	if a+b == 0 || c+d == 0 || a+c == 0 || b+d == 0 {
		res.Statistic, res.P = math.NaN(), 1
		return res, nil
	}
	odds := math.Inf(1)
	if c > 0 && b > 0 {
		odds = a * d / (c * b)
	}
	res.Statistic = odds
	res = res.WithEffect("odds ratio", odds, Interval{})
	n1, n2, n := a+b, c+d, a+c
	h := hypergeom{total: n1 + n2, good: n1, draws: n}
	var p float64
	switch alt {
	case Less:
		p = h.cdf(a)
	case Greater:
		h2 := hypergeom{total: n1 + n2, good: n1, draws: b + d}
		p = h2.cdf(b)
	default:
		mode := math.Floor((n + 1) * (n1 + 1) / (n1 + n2 + 2))
		pexact := h.pmf(a)
		pmode := h.pmf(mode)
		const eps = 1e-14
		gamma := 1 + eps
		if math.Abs(pexact-pmode)/math.Max(pexact, pmode) <= eps {
			res.P = 1
			return res, nil
		}
		lo, hi := h.support()
		if a < mode {
			p = h.cdf(a)
			for x := hi; x > mode; x-- {
				v := h.pmf(x)
				if v > pexact*gamma {
					break
				}
				p += v
			}
		} else {
			p = h.sf(a - 1)
			for x := lo; x < mode; x++ {
				v := h.pmf(x)
				if v > pexact*gamma {
					break
				}
				p += v
			}
		}
	}
	res.P = math.Min(p, 1)
	return res, nil
}

// hypergeom is the hypergeometric distribution of the number of good items
// in draws draws without replacement from total items of which good are
// good.
type hypergeom struct{ total, good, draws float64 }

func (h hypergeom) support() (lo, hi float64) {
	return math.Max(0, h.draws-(h.total-h.good)), math.Min(h.draws, h.good)
}

func lchoose(n, k float64) float64 {
	a, _ := math.Lgamma(n + 1)
	b, _ := math.Lgamma(k + 1)
	c, _ := math.Lgamma(n - k + 1)
	return a - b - c
}

func (h hypergeom) pmf(x float64) float64 {
	lo, hi := h.support()
	if x < lo || x > hi {
		return 0
	}
	return math.Exp(lchoose(h.good, x) + lchoose(h.total-h.good, h.draws-x) - lchoose(h.total, h.draws))
}

// cdf is P(X <= x), summed from the nearer end of the support.
func (h hypergeom) cdf(x float64) float64 {
	lo, hi := h.support()
	if x >= hi {
		return 1
	}
	var s float64
	for k := lo; k <= x; k++ {
		s += h.pmf(k)
	}
	return math.Min(s, 1)
}

// sf is P(X > x).
func (h hypergeom) sf(x float64) float64 {
	_, hi := h.support()
	var s float64
	for k := hi; k > x; k-- {
		s += h.pmf(k)
	}
	return math.Min(s, 1)
}
