package embed

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"

	"github.com/songcohorts/cohorts/songs/internal/blobtest"
)

// benchData returns n×d correlated Gaussian data from a fixed seed.
func benchData(n, d int) *mat.Dense {
	rng := rand.New(rand.NewPCG(7, uint64(n)))
	mix := blobtest.Normal(rng, d*d, 1)
	x := mat.NewDense(n, d, nil)
	raw := x.RawMatrix().Data
	z := make([]float64, d)
	for i := 0; i < n; i++ {
		for j := range z {
			z[j] = rng.NormFloat64()
		}
		for j := 0; j < d; j++ {
			s := 0.0
			for k := 0; k < d; k++ {
				s += z[k] * mix[k*d+j]
			}
			raw[i*d+j] = s
		}
	}
	return x
}

var benchSizes = []int{1600, 20000, 100000, 1000000}

// BenchmarkPCA times FitTransform of all 11 components, as the reference
// PCA().fit_transform(Z), for both solvers, and gonum's stat.PC for
// comparison (which computes the axes only).
func BenchmarkPCA(b *testing.B) {
	for _, n := range benchSizes {
		x := benchData(n, 11)
		for _, s := range []struct {
			name   string
			solver PCASolver
		}{{"cov", PCACovariance}, {"svd", PCASVD}} {
			b.Run(fmt.Sprintf("%s/n=%d", s.name, n), func(b *testing.B) {
				var scores mat.Dense
				for i := 0; i < b.N; i++ {
					p := PCA{Solver: s.solver}
					scores.Reset()
					if err := p.FitTransform(&scores, x); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		b.Run(fmt.Sprintf("statPC/n=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				var pc stat.PC
				if !pc.PrincipalComponents(x, nil) {
					b.Fatal("stat.PC failed")
				}
			}
		})
	}
}
