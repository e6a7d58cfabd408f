package embed

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestSymEigen checks symEigen against its definition (A v = λ v with
// orthonormal v, values decreasing) and against gonum's mat.EigenSym (the
// LAPACK Dsyev route) to 1e-12, on random symmetric matrices and on cases
// with repeated and zero eigenvalues.
func TestSymEigen(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	cases := map[string]*mat.SymDense{
		"identity": mat.NewSymDense(3, []float64{1, 0, 0, 0, 1, 0, 0, 0, 1}),
		"diagonal": mat.NewSymDense(3, []float64{2, 0, 0, 0, -1, 0, 0, 0, 5}),
		"rank one": mat.NewSymDense(3, []float64{1, 2, 3, 2, 4, 6, 3, 6, 9}),
		"one":      mat.NewSymDense(1, []float64{4}),
	}
	for _, d := range []int{2, 5, 11, 40} {
		b := mat.NewDense(3*d, d, nil)
		for i := 0; i < 3*d; i++ {
			for j := 0; j < d; j++ {
				b.Set(i, j, rng.NormFloat64()*float64(j+1))
			}
		}
		s := mat.NewSymDense(d, nil)
		s.SymOuterK(1, b.T())
		cases[fmt.Sprintf("scatter d=%d", d)] = s
	}
	for name, s := range cases {
		d := s.SymmetricDim()
		a := make([]float64, d*d)
		for i := 0; i < d; i++ {
			for j := 0; j < d; j++ {
				a[i*d+j] = s.At(i, j)
			}
		}
		vals, vecs, ok := symEigen(a, d)
		if !ok {
			t.Fatalf("%s: did not converge", name)
		}
		var eig mat.EigenSym
		if !eig.Factorize(s, false) {
			t.Fatalf("%s: gonum did not converge", name)
		}
		ref := eig.Values(nil)
		scale := math.Max(math.Abs(ref[0]), math.Abs(ref[d-1]))
		for j := 0; j < d; j++ {
			if math.Abs(vals[j]-ref[d-1-j]) > 1e-12*scale {
				t.Errorf("%s: value %d = %v, gonum %v", name, j, vals[j], ref[d-1-j])
			}
			if j > 0 && vals[j] > vals[j-1] {
				t.Errorf("%s: values not decreasing: %v", name, vals)
			}
			vj := mat.NewVecDense(d, vecs[j*d:(j+1)*d])
			var av mat.VecDense
			av.MulVec(s, vj)
			for i := 0; i < d; i++ {
				if math.Abs(av.AtVec(i)-vals[j]*vj.AtVec(i)) > 1e-12*scale {
					t.Fatalf("%s: A v ≠ λ v for value %d", name, j)
				}
			}
			for k := 0; k <= j; k++ {
				dot := mat.Dot(vj, mat.NewVecDense(d, vecs[k*d:(k+1)*d]))
				if want := map[bool]float64{true: 1, false: 0}[k == j]; math.Abs(dot-want) > 1e-13 {
					t.Fatalf("%s: vectors %d and %d: dot %v, want %v", name, j, k, dot, want)
				}
			}
		}
	}
}
