package embed

import (
	"errors"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

// spectralMaxLanczos bounds the Lanczos basis of spectralLayout.
const spectralMaxLanczos = 80

// errSpectral reports that the Lanczos iteration did not reach its
// tolerance; callers fall back to a random layout, as umap-learn does.
var errSpectral = errors.New("embed: spectral layout did not converge")

// connectedComponents labels the connected components of the graph g and
// returns the labels and the number of components.
func connectedComponents(g *sparseSym) ([]int, int) {
	labels := make([]int, g.n)
	for i := range labels {
		labels[i] = -1
	}
	nc := 0
	var stack []int
	for s := 0; s < g.n; s++ {
		if labels[s] >= 0 {
			continue
		}
		labels[s] = nc
		stack = append(stack[:0], s)
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for e := g.ptr[v]; e < g.ptr[v+1]; e++ {
				if u := g.col[e]; labels[u] < 0 {
					labels[u] = nc
					stack = append(stack, u)
				}
			}
		}
		nc++
	}
	return labels, nc
}

// spectralLayout returns dim coordinates per vertex of the connected graph
// g: the eigenvectors of the normalised Laplacian L = I - D^(-1/2) W D^(-1/2)
// for its 2nd to (dim+1)th smallest eigenvalues (Belkin and Niyogi 2003), as
// spectral_layout of umap-learn 0.5.3. They are the leading eigenvectors of
// M = D^(-1/2) W D^(-1/2) orthogonal to D^(1/2) 1, found by the Lanczos
// method with full reorthogonalisation (Golub and Van Loan, Matrix
// Computations, section 10.1) on (M + I) / 2, started, as umap-learn starts
// ARPACK, from the vector of ones. The result is row-major n×dim.
func spectralLayout(g *sparseSym, dim int, tol float64) ([]float64, error) {
	n := g.n
	if n <= dim+1 {
		return nil, errSpectral
	}
	isd := make([]float64, n) // D^(-1/2)
	v1 := make([]float64, n)  // D^(1/2) 1, normalised
	for i := 0; i < n; i++ {
		var s float64
		for e := g.ptr[i]; e < g.ptr[i+1]; e++ {
			s += g.val[e]
		}
		if s <= 0 {
			return nil, errSpectral
		}
		isd[i] = 1 / math.Sqrt(s)
		v1[i] = math.Sqrt(s)
	}
	normalise(v1)
	nb := parallel.Blocks(n, 2048)
	apply := func(dst, v []float64) { // dst = (M + I) v / 2
		parallel.For(n, nb, func(_, lo, hi int) {
			for i := lo; i < hi; i++ {
				var s float64
				for e := g.ptr[i]; e < g.ptr[i+1]; e++ {
					j := g.col[e]
					s += g.val[e] * isd[j] * v[j]
				}
				dst[i] = (s*isd[i] + v[i]) / 2
			}
		})
	}
	m := min(spectralMaxLanczos, n-1)
	basis := make([][]float64, 0, m)
	alpha := make([]float64, 0, m)
	beta := make([]float64, 0, m)
	q := make([]float64, n)
	for i := range q {
		q[i] = 1
	}
	orthogonalise(q, [][]float64{v1})
	if normalise(q) == 0 {
		return nil, errSpectral
	}
	w := make([]float64, n)
	for step := 0; step < m; step++ {
		basis = append(basis, q)
		apply(w, q)
		a := dot(w, q)
		alpha = append(alpha, a)
		// Full reorthogonalisation against v1 and the basis.
		orthogonalise(w, [][]float64{v1})
		orthogonalise(w, basis)
		b := normalise(w)
		done := b < 1e-12
		if !done && step+1 >= 2*(dim+1) && (step+1)%10 == 0 {
			if _, _, res := ritz(alpha, beta, dim, b); res < tol {
				done = true
			}
		}
		if done || step == m-1 {
			vals, vecs, res := ritz(alpha, beta, dim, b)
			if res >= tol && !done {
				return nil, errSpectral
			}
			_ = vals
			out := make([]float64, n*dim)
			for c := 0; c < dim; c++ {
				for s, bv := range basis {
					f := vecs.At(s, c)
					for i, v := range bv {
						out[i*dim+c] += f * v
					}
				}
			}
			return out, nil
		}
		beta = append(beta, b)
		q = append([]float64(nil), w...)
	}
	return nil, errSpectral
}

// ritz returns the dim largest Ritz values of the Lanczos tridiagonal
// matrix (diagonal alpha, off-diagonal beta), their vectors in the Lanczos
// basis (columns), and the largest residual bound |b · s_last|.
func ritz(alpha, beta []float64, dim int, b float64) ([]float64, *mat.Dense, float64) {
	k := len(alpha)
	t := mat.NewSymDense(k, nil)
	for i := 0; i < k; i++ {
		t.SetSym(i, i, alpha[i])
		if i+1 < k {
			t.SetSym(i, i+1, beta[i])
		}
	}
	vals, vecs, order, ok := eigenSymDesc(t)
	if !ok {
		return nil, nil, math.Inf(1)
	}
	dim = min(dim, k)
	out := mat.NewDense(k, dim, nil)
	top := make([]float64, dim)
	var res float64
	for c := 0; c < dim; c++ {
		top[c] = vals[order[c]]
		for r := 0; r < k; r++ {
			out.Set(r, c, vecs.At(r, order[c]))
		}
		res = max(res, math.Abs(b*vecs.At(k-1, order[c])))
	}
	return top, out, res
}

func dot(a, b []float64) float64 {
	var s float64
	for i, v := range a {
		s += v * b[i]
	}
	return s
}

// normalise scales v to unit length and returns its former length.
func normalise(v []float64) float64 {
	nrm := math.Sqrt(dot(v, v))
	if nrm > 0 {
		for i := range v {
			v[i] /= nrm
		}
	}
	return nrm
}

// orthogonalise removes from v its components along the orthonormal vectors
// of basis (classical Gram-Schmidt).
func orthogonalise(v []float64, basis [][]float64) {
	for _, b := range basis {
		c := dot(v, b)
		for i := range v {
			v[i] -= c * b[i]
		}
	}
}
