package stats

import "math"

// ksTwoSF is the survival function P(D_n >= x) of the two-sided one-sample
// Kolmogorov-Smirnov statistic for sample size n, following the method
// selection of Simard & L'Ecuyer (2011) as SciPy's kstwo.sf: the
// Ruben-Gambino closed forms at the ends, twice the exact one-sided Smirnov
// probability in the upper tail, the Durbin matrix (Marsaglia, Tsang & Wang
// 2003) for small n x^2 and the Pelz-Good (1976) expansion for large n.
// Where SciPy uses Pomeranz's recursion (n <= 140, 0.754693 < n x^2 <= 4)
// this uses the Durbin matrix, which is also exact.
func ksTwoSF(n int, x float64) float64 {
	if math.IsNaN(x) || n <= 0 {
		return math.NaN()
	}
	if x >= 1 {
		return 0
	}
	if x <= 0 {
		return 1
	}
	fn := float64(n)
	t := fn * x
	if t <= 1 {
		if t <= 0.5 {
			return 1
		}
		lf, _ := math.Lgamma(fn + 1)
		prob := math.Exp(lf - fn*math.Log(fn) + fn*math.Log(2*t-1))
		return clip01(1 - prob)
	}
	if t >= fn-1 {
		return clip01(2 * math.Pow(1-x, fn))
	}
	if x >= 0.5 {
		return clip01(2 * smirnovSF(n, x))
	}
	nxx := t * x
	if n <= 140 {
		if nxx <= 4 {
			return clip01(1 - ksDurbinCDF(n, x))
		}
		return clip01(2 * smirnovSF(n, x))
	}
	if nxx >= 370 {
		return 0
	}
	if nxx >= 2.2 {
		return clip01(2 * smirnovSF(n, x))
	}
	var cdf float64
	switch {
	case nxx >= 18:
		cdf = 1
	case n <= 100000 && fn*math.Pow(x, 1.5) <= 1.4:
		cdf = ksDurbinCDF(n, x)
	default:
		cdf = ksPelzGoodCDF(n, x)
	}
	return clip01(1 - cdf)
}

func clip01(p float64) float64 { return math.Min(math.Max(p, 0), 1) }

// smirnovSF is the exact one-sided probability P(D_n^+ >= e) by the
// Birnbaum-Tingey sum, each term taken in log space, for 0 < e < 1
// (ksTwoSF answers the ends itself).
func smirnovSF(n int, e float64) float64 {
	fn := float64(n)
	nn := int(math.Floor(fn * (1 - e)))
	lgn, _ := math.Lgamma(fn + 1)
	var p float64
	for v := 0; v <= nn; v++ {
		fv := float64(v)
		evn := e + fv/fn
		omevn := 1 - evn
		if omevn <= 0 && n-v > 0 {
			continue
		}
		l1, _ := math.Lgamma(fv + 1)
		l2, _ := math.Lgamma(fn - fv + 1)
		lt := lgn - l1 - l2 + (fv-1)*math.Log(evn)
		if n-v > 0 {
			lt += (fn - fv) * math.Log(omevn)
		}
		p += math.Exp(lt)
	}
	return p * e
}

// ksDurbinCDF is P(D_n < d) by the matrix method of Durbin (1968) as
// written by Marsaglia, Tsang & Wang (2003), J. Stat. Softw. 8(18).
func ksDurbinCDF(n int, d float64) float64 {
	fn := float64(n)
	k := int(math.Ceil(fn * d))
	m := 2*k - 1
	h := float64(k) - fn*d
	H := make([]float64, m*m)
	for i := 0; i < m; i++ {
		for j := 0; j < m; j++ {
			if i-j+1 >= 0 {
				H[i*m+j] = 1
			}
		}
	}
	for i := 0; i < m; i++ {
		H[i*m] -= math.Pow(h, float64(i+1))
		H[(m-1)*m+i] -= math.Pow(h, float64(m-i))
	}
	if 2*h-1 > 0 {
		H[(m-1)*m] += math.Pow(2*h-1, float64(m))
	}
	for i := 0; i < m; i++ {
		for j := 0; j < m; j++ {
			if i-j+1 > 0 {
				for g := 1; g <= i-j+1; g++ {
					H[i*m+j] /= float64(g)
				}
			}
		}
	}
	Q, eQ := ksMatPow(H, m, n)
	s := Q[(k-1)*m+k-1]
	for i := 1; i <= n; i++ {
		s = s * float64(i) / fn
		if s < 1e-140 {
			s *= 1e140
			eQ -= 140
		}
	}
	return s * math.Pow(10, float64(eQ))
}

// ksMatPow returns A^n scaled by 10^-e, as Marsaglia, Tsang & Wang's mPower.
func ksMatPow(A []float64, m, n int) ([]float64, int) {
	if n == 1 {
		return append([]float64(nil), A...), 0
	}
	V, eV := ksMatPow(A, m, n/2)
	B := ksMatMul(V, V, m)
	eB := 2 * eV
	if n%2 == 1 {
		B = ksMatMul(A, B, m)
	}
	if B[(m/2)*m+m/2] > 1e140 {
		for i := range B {
			B[i] *= 1e-140
		}
		eB += 140
	}
	return B, eB
}

func ksMatMul(A, B []float64, m int) []float64 {
	C := make([]float64, m*m)
	for i := 0; i < m; i++ {
		for k := 0; k < m; k++ {
			a := A[i*m+k]
			if a == 0 {
				continue
			}
			for j := 0; j < m; j++ {
				C[i*m+j] += a * B[k*m+j]
			}
		}
	}
	return C
}

// ksPelzGoodCDF is the Pelz-Good (1976) asymptotic expansion of
// P(D_n <= x), as SciPy's _kolmogn_PelzGood, for 0 < x < 1 (ksTwoSF
// answers the ends itself).
func ksPelzGoodCDF(n int, x float64) float64 {
	fn := float64(n)
	z := math.Sqrt(fn) * x
	z2, z3, z4, z6 := z*z, z*z*z, z*z*z*z, math.Pow(z, 6)
	pi2 := math.Pi * math.Pi
	pi4, pi6 := pi2*pi2, pi2*pi2*pi2
	qlog := -pi2 / 8 / z2
	if qlog < -708 {
		return 0
	}
	q := math.Exp(qlog)
	k1a, k1b := -z2, pi2/4
	k2a := 6*z6 + 2*z4
	k2b := (2*z4 - 5*z2) * pi2 / 4
	k2c := pi4 * (1 - 2*z2) / 16
	k3d := pi6 * (5 - 30*z2) / 64
	k3c := pi4 * (-60*z2 + 212*z4) / 16
	k3b := pi2 * (135*z4 - 96*z6) / 4
	k3a := -30*z6 - 90*math.Pow(z, 8)
	var K [4]float64
	maxk := int(math.Ceil(16 * z / math.Pi))
	for k := maxk; k > 0; k-- {
		m := float64(2*k - 1)
		m2, m4, m6 := m*m, m*m*m*m, math.Pow(m, 6)
		qp := math.Pow(q, float64(8*k))
		c := [4]float64{1, k1a + k1b*m2, k2a + k2b*m2 + k2c*m4, k3a + k3b*m2 + k3c*m4 + k3d*m6}
		for i := range K {
			K[i] = K[i]*qp + c[i]
		}
	}
	sq2pi := math.Sqrt(2 * math.Pi)
	div := [4]float64{z, 6 * z4, 72 * math.Pow(z, 7), 6480 * math.Pow(z, 10)}
	for i := range K {
		K[i] = K[i] * q * sq2pi / div[i]
	}
	q = math.Exp(-pi2 / 2 / z2)
	var k2extra, k3extra float64
	sqrt3z := math.Sqrt(3) * z
	for k := maxk; k > 0; k-- {
		fk := float64(k)
		qp := math.Pow(q, fk*fk)
		k2extra += fk * fk * qp
		kspi := math.Pi * fk
		k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * fk * fk * qp
	}
	K[2] += k2extra * pi2 * sq2pi / (-36 * z3)
	K[3] += k3extra * pi2 * sq2pi / (216 * z6)
	var sum float64
	for i := range K {
		sum += K[i] / math.Pow(fn, float64(i)/2)
	}
	return sum
}
