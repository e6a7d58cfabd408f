package stats

import (
	"math"
	"sort"
)

// ksMaxExact is the largest sample size for which KS2 attempts the exact
// p-value (SciPy's MAX_AUTO_N).
const ksMaxExact = 10000

// KS2 is the two-sample Kolmogorov-Smirnov test of x against y, as
// scipy.stats.ks_2samp(x, y, alternative, method='auto'). The statistic is
// the largest difference between the empirical CDFs F (of x) and G (of y):
// sup(F-G) for Greater, sup(G-F) for Less, the larger of the two for
// TwoSided. (Note the direction: Less means F < G somewhere, that is, x
// tends to be larger.)
//
// The p-value is exact when both sizes are at most 10000, counting lattice
// paths as Hodges (1958) with the recursion of Viehmann (2021) for the
// two-sided test; otherwise it is asymptotic: the one-sided test uses
// Hodges' approximation (eq. 5.3) and the two-sided test the Kolmogorov
// distribution of size round(n1 n2/(n1+n2)) (ksTwoSF). Centers holds the two
// medians. Empty samples or NaN return an error.
func KS2(x, y []float64, alt Alternative) (Result, error) {
	r, err := twoSampleResult("Kolmogorov-Smirnov", x, y, alt)
	if err != nil {
		return r, err
	}
	a := append([]float64(nil), x...)
	b := append([]float64(nil), y...)
	sort.Float64s(a)
	sort.Float64s(b)
	n1, n2 := len(a), len(b)
	r.Centers, r.CenterName = []float64{median(a), median(b)}, "median"

	// ECDF differences at every pooled value (searchsorted side='right').
	maxS, minS := math.Inf(-1), math.Inf(1)
	for _, v := range [][]float64{a, b} {
		for _, t := range v {
			c1 := float64(sort.Search(n1, func(i int) bool { return a[i] > t })) / float64(n1)
			c2 := float64(sort.Search(n2, func(i int) bool { return b[i] > t })) / float64(n2)
			d := c1 - c2
			maxS = math.Max(maxS, d)
			minS = math.Min(minS, d)
		}
	}
	minS = math.Min(math.Max(-minS, 0), 1)
	d := maxS
	if alt == Less || (alt == TwoSided && minS > maxS) {
		d = minS
	}
	g := gcd(n1, n2)
	var p float64
	exactOK := false
	if n1 <= ksMaxExact && n2 <= ksMaxExact {
		var ok bool
		d, p, ok = ksExact(n1, n2, g, d, alt)
		exactOK = ok
	}
	if !exactOK {
		m, n := float64(max(n1, n2)), float64(min(n1, n2))
		en := m * n / (m + n)
		if alt == TwoSided {
			p = ksTwoSF(int(math.Round(en)), d)
		} else {
			z := math.Sqrt(en) * d
			p = math.Exp(-2*z*z - 2*z*(m+2*n)/math.Sqrt(m*n*(m+n))/3)
		}
	}
	r.Statistic = d
	r.P = math.Min(math.Max(p, 0), 1)
	return r, nil
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// ksExact returns the exact p-value of the two-sample statistic d, with d
// rounded to the lattice h/lcm(n1, n2), and whether the computation stayed
// finite (SciPy's _attempt_exact_2kssamp).
func ksExact(n1, n2, g int, d float64, alt Alternative) (float64, float64, bool) {
	lcm := float64(n1/g) * float64(n2)
	h := int(math.Round(d * lcm))
	d = float64(h) / lcm
	if h == 0 {
		return d, 1, true
	}
	var p float64
	if alt == TwoSided {
		if n1 == n2 {
			p = ksOutsideSquare(n1, h)
		} else {
			p = ksOuterInside(n1, n2, g, h)
		}
	} else {
		if n1 == n2 {
			p = 1
			for j := 0; j < h; j++ {
				p *= float64(n1-j) / (float64(n1+j) + 1)
			}
		} else {
			paths := ksPathsOutside(n1, n2, g, h)
			bin := binom(float64(n1+n2), float64(n1))
			if math.IsInf(bin, 0) || math.IsInf(paths, 0) || math.IsNaN(paths) || paths > bin {
				return d, math.NaN(), false
			}
			p = paths / bin
		}
	}
	if !(p >= 0 && p <= 1) {
		return d, p, false
	}
	return d, p, true
}

// ksOutsideSquare is P(D_{n,n} >= h/n) by the alternating sum of binomial
// ratios in Horner form.
func ksOutsideSquare(n, h int) float64 {
	var p float64
	for k := n / h; k >= 0; k-- {
		p1 := 1.0
		for j := 0; j < h; j++ {
			p1 = float64(n-k*h-j) * p1 / float64(n+k*h+j+1)
		}
		p = p1 * (1 - p)
	}
	return 2 * p
}

// ksOuterInside is the proportion of lattice paths from (0,0) to (m,n) that
// leave the band |x/m - y/n| < h/lcm(m,n), computed directly as 1 - inside
// (Viehmann 2021, arXiv:2102.08037).
func ksOuterInside(m, n, g, h int) float64 {
	if m < n {
		m, n = n, m
	}
	mg, ng := m/g, n/g
	minj, maxj := 0, min(int(math.Ceil(float64(h)/float64(mg))), n+1)
	curlen := maxj - minj
	lenA := min(2*maxj+2, n+1)
	A := make([]float64, lenA)
	for i := range A {
		A[i] = 1
	}
	for i := minj; i < maxj; i++ {
		A[i] = 0
	}
	for i := 1; i <= m; i++ {
		lastminj, lastlen := minj, curlen
		minj = max(int(math.Floor(float64(ng*i-h)/float64(mg)))+1, 0)
		minj = min(minj, n)
		maxj = min(int(math.Ceil(float64(ng*i+h)/float64(mg))), n+1)
		if maxj <= minj {
			return 1
		}
		val := 1.0
		if minj == 0 {
			val = 0
		}
		for jj := 0; jj < maxj-minj; jj++ {
			j := jj + minj
			val = (A[jj+minj-lastminj]*float64(i) + val*float64(j)) / float64(i+j)
			A[jj] = val
		}
		curlen = maxj - minj
		if lastlen > curlen {
			for k := maxj - minj; k < maxj-minj+(lastlen-curlen); k++ {
				A[k] = 1
			}
		}
	}
	return A[maxj-minj-1]
}

// ksPathsOutside counts the lattice paths from (0,0) to (m,n) that reach
// m*y <= n*x - h*g somewhere (Hodges 1958).
func ksPathsOutside(m, n, g, h int) float64 {
	if m < n {
		m, n = n, m
	}
	mg, ng := m/g, n/g
	lxj := n + floorDiv(mg-h, mg)
	if lxj <= 0 {
		return binom(float64(m+n), float64(n))
	}
	xj := make([]int, lxj)
	for j := range xj {
		xj[j] = floorDiv(h+mg*j+ng-1, ng)
	}
	B := make([]float64, lxj)
	B[0] = 1
	for j := 1; j < lxj; j++ {
		bj := binom(float64(xj[j]+j), float64(j))
		for i := 0; i < j; i++ {
			bj -= binom(float64(xj[j]-xj[i]+j-i), float64(j-i)) * B[i]
		}
		B[j] = bj
	}
	var paths float64
	for j := 0; j < lxj; j++ {
		paths += B[j] * binom(float64(m-xj[j]+n-j), float64(n-j))
	}
	return paths
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}
