package embed

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
)

// jacobiMaxDim is the largest matrix symEigen takes; the cost of the
// cyclic Jacobi method grows as d³ per sweep, about ten times that of a
// tridiagonal QR, which is immaterial below it.
const jacobiMaxDim = 64

// symEigen returns the eigenvalues of the symmetric d×d matrix a
// (row-major, both triangles set) in decreasing order, and the unit
// eigenvectors as the rows of vecs (row j belongs to value j), by the
// cyclic Jacobi method (Jacobi 1846; Golub and Van Loan, Matrix
// Computations, 4th ed., §8.5.3): sweeps of plane rotations, each zeroing
// one off-diagonal element, until every off-diagonal element is
// negligible beside its diagonal pair. Every product is rounded before it
// is added, so that the result is the same on every processor and build:
// it does not go through the BLAS kernels of gonum, whose assembly and Go
// forms sum in different orders. a is not modified. symEigen reports
// false if the sweeps did not converge; it panics if d > jacobiMaxDim.
func symEigen(a []float64, d int) (vals, vecs []float64, ok bool) {
	if d > jacobiMaxDim {
		panic("embed: symEigen beyond jacobiMaxDim")
	}
	w := append([]float64(nil), a[:d*d]...)
	v := make([]float64, d*d)
	for i := 0; i < d; i++ {
		v[i*d+i] = 1
	}
	for sweep := 0; ; sweep++ {
		off := false
		for p := 0; p < d-1; p++ {
			for q := p + 1; q < d; q++ {
				apq := w[p*d+q]
				if apq == 0 {
					continue
				}
				app, aqq := w[p*d+p], w[q*d+q]
				g := 100 * math.Abs(apq)
				if sweep > 3 && math.Abs(app)+g == math.Abs(app) && math.Abs(aqq)+g == math.Abs(aqq) {
					w[p*d+q], w[q*d+p] = 0, 0
					continue
				}
				off = true
				jacobiRotate(w, v, d, p, q)
			}
		}
		if !off {
			break
		}
		if sweep == 100 {
			return nil, nil, false
		}
	}
	order := make([]int, d)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool { return w[order[x]*d+order[x]] > w[order[y]*d+order[y]] })
	vals = make([]float64, d)
	vecs = make([]float64, d*d)
	for j, c := range order {
		vals[j] = w[c*d+c]
		for r := 0; r < d; r++ {
			vecs[j*d+r] = v[r*d+c]
		}
	}
	return vals, vecs, true
}

// jacobiRotate applies the rotation in the plane (p, q) that zeroes
// w[p][q] to w (on both sides) and to the columns of v, with the smaller
// of the two rotation angles.
func jacobiRotate(w, v []float64, d, p, q int) {
	apq := w[p*d+q]
	theta := (w[q*d+q] - w[p*d+p]) / (2 * apq)
	var t float64
	if math.Abs(theta) > 1e150 {
		t = 1 / (2 * theta) // theta² would overflow
	} else {
		t = 1 / (math.Abs(theta) + math.Sqrt(float64(theta*theta)+1))
		if theta < 0 {
			t = -t
		}
	}
	c := 1 / math.Sqrt(float64(t*t)+1)
	s := t * c
	tau := s / (1 + c)
	h := t * apq
	w[p*d+p] -= h
	w[q*d+q] += h
	w[p*d+q], w[q*d+p] = 0, 0
	for r := 0; r < d; r++ {
		if r != p && r != q {
			arp, arq := w[r*d+p], w[r*d+q]
			np := arp - float64(s*(arq+float64(tau*arp)))
			nq := arq + float64(s*(arp-float64(tau*arq)))
			w[r*d+p], w[p*d+r] = np, np
			w[r*d+q], w[q*d+r] = nq, nq
		}
		vrp, vrq := v[r*d+p], v[r*d+q]
		v[r*d+p] = vrp - float64(s*(vrq+float64(tau*vrp)))
		v[r*d+q] = vrq + float64(s*(vrp-float64(tau*vrq)))
	}
}

// eigenSymDesc factorises the symmetric matrix s with gonum's mat.EigenSym
// and returns its eigenvalues (ascending, as EigenSym gives them), the
// eigenvectors as the columns of vecs, and the order that lists the values
// from the largest (stable among equal values). It reports false if the
// factorisation failed.
func eigenSymDesc(s mat.Symmetric) (vals []float64, vecs *mat.Dense, order []int, ok bool) {
	var eig mat.EigenSym
	if !eig.Factorize(s, true) {
		return nil, nil, nil, false
	}
	vals = eig.Values(nil)
	vecs = new(mat.Dense)
	eig.VectorsTo(vecs)
	order = make([]int, len(vals))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return vals[order[a]] > vals[order[b]] })
	return vals, vecs, order, true
}

// centredSVD returns the singular values and right singular vectors (as
// columns) of the n×d row-major data minus mean, by gonum's thin SVD; it
// reports false if the decomposition failed.
func centredSVD(data []float64, n, d int, mean []float64) (vals []float64, v *mat.Dense, ok bool) {
	xc := mat.NewDense(n, d, nil)
	raw := xc.RawMatrix().Data
	for i := 0; i < n; i++ {
		for j := 0; j < d; j++ {
			raw[i*d+j] = data[i*d+j] - mean[j]
		}
	}
	var svd mat.SVD
	if !svd.Factorize(xc, mat.SVDThinV) {
		return nil, nil, false
	}
	v = new(mat.Dense)
	svd.VTo(v)
	return svd.Values(nil), v, true
}
