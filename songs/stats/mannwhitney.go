package stats

import "math"

// MWUMethod selects how MannWhitneyU computes its p-value, as SciPy's
// method argument.
type MWUMethod int

const (
	// MWUAuto is exact when either sample has at most 8 values and there
	// are no ties, asymptotic otherwise (SciPy 1.10.1's method='auto').
	MWUAuto MWUMethod = iota
	// MWUExact uses the exact null distribution of U (not tie-corrected).
	MWUExact
	// MWUAsymptotic uses the normal approximation with tie correction.
	MWUAsymptotic
)

// MannWhitneyU is the Mann-Whitney U rank test of x against y, as
// scipy.stats.mannwhitneyu. The statistic is U1, the U of x:
//
//	U1 = R1 - n1(n1+1)/2
//
// where R1 is the sum of x's ranks in the pooled sample (ties averaged).
// The exact p-value uses the permutation distribution of U (Mann & Whitney
// 1947; counted here as the coefficients of the Gaussian binomial
// [n1+n2 choose n1]_q); the asymptotic one uses
//
//	z = (U - n1 n2/2 - 0.5) / sqrt(n1 n2/12 ((n+1) - sum(t^3-t)/(n(n-1))))
//
// with the 0.5 only when continuity is true, and U = max(U1, U2) for the
// two-sided test. Centers holds the two medians.
//
// When every value is tied the asymptotic z is -Inf (p = 1) with the
// continuity correction and NaN without it, as SciPy. Empty samples or NaN
// return an error.
func MannWhitneyU(x, y []float64, alt Alternative, method MWUMethod, continuity bool) (Result, error) {
	r, err := twoSampleResult("Mann-Whitney U", x, y, alt)
	if err != nil {
		return r, err
	}
	n1, n2 := len(x), len(y)
	all := concat(x, y)
	if method == MWUAuto {
		method = MWUAsymptotic
		if (n1 <= 8 || n2 <= 8) && !hasTies(all) {
			method = MWUExact
		}
	}
	ranks := Rank(nil, all)
	var r1 float64
	for _, v := range ranks[:n1] {
		r1 += v
	}
	fn1, fn2 := float64(n1), float64(n2)
	u1 := r1 - fn1*(fn1+1)/2
	u2 := fn1*fn2 - u1
	r.Statistic = u1
	r.Centers, r.CenterName = []float64{median(x), median(y)}, "median"

	u, f := u1, 1.0
	switch alt {
	case Less:
		u = u2
	case TwoSided:
		u, f = math.Max(u1, u2), 2
	}
	var p float64
	switch method {
	case MWUExact:
		p = mwuExactSF(int(u), n1, n2)
	case MWUAsymptotic:
		n := fn1 + fn2
		s := math.Sqrt(fn1 * fn2 / 12 * ((n + 1) - tieSum(all)/(n*(n-1))))
		num := u - fn1*fn2/2
		if continuity {
			num -= 0.5
		}
		p = normSF(num / s)
	default:
		panic("stats: unknown MWUMethod")
	}
	r.P = math.Min(math.Max(p*f, 0), 1)
	return r, nil
}

// mwuExactSF returns P(U >= u) under the null hypothesis for sample sizes m
// and n, using the symmetry P(U >= u) = P(U <= mn - u).
func mwuExactSF(u, m, n int) float64 {
	return mwuExactCDF(m*n-u, m, n)
}

// mwuExactCDF returns P(U <= k). The counts of U are the coefficients of
// the Gaussian binomial [m+n choose m]_q = prod_{i=1..m} (1-q^(n+i))/(1-q^i),
// built here with the smaller size as m and truncated at degree k.
func mwuExactCDF(k, m, n int) float64 {
	if k < 0 {
		return 0
	}
	if k >= m*n {
		return 1
	}
	if m > n {
		m, n = n, m
	}
	c := make([]float64, k+1)
	c[0] = 1
	for i := 1; i <= m; i++ {
		// multiply by (1 - q^(n+i)), descending so each term uses old values
		for j := k; j >= n+i; j-- {
			c[j] -= c[j-n-i]
		}
		// divide by (1 - q^i): a running sum with stride i
		for j := i; j <= k; j++ {
			c[j] += c[j-i]
		}
	}
	var cum float64
	for _, v := range c {
		cum += v
	}
	return cum / binom(float64(m+n), float64(m))
}

// binom returns the binomial coefficient n choose k for real n >= k >= 0,
// by a product for small k and by log-gamma otherwise.
func binom(n, k float64) float64 {
	if k < 0 || k > n {
		return 0
	}
	if k > n-k {
		k = n - k
	}
	if k < 100 {
		r := 1.0
		for i := 1.0; i <= k; i++ {
			r = r * (n - k + i) / i
		}
		return r
	}
	lg1, _ := math.Lgamma(n + 1)
	lg2, _ := math.Lgamma(k + 1)
	lg3, _ := math.Lgamma(n - k + 1)
	return math.Exp(lg1 - lg2 - lg3)
}
