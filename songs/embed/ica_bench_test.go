package embed

import (
	"fmt"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// BenchmarkFastICA times FitTransform with the reference's settings
// (parallel, logcosh, unit-variance whitening, Tol 1e-4, MaxIter 200) and
// reports the iterations and the time per iteration, since the iteration
// count depends on the data and the initial matrix.
func BenchmarkFastICA(b *testing.B) {
	for _, n := range benchSizes {
		x := benchICAData(n, 11)
		for _, w := range []struct {
			name   string
			solver WhitenSolver
		}{{"eigh", WhitenEigh}, {"svd", WhitenSVD}} {
			if w.solver == WhitenSVD && n > 100000 {
				continue
			}
			b.Run(fmt.Sprintf("%s/n=%d", w.name, n), func(b *testing.B) {
				var s mat.Dense
				iters := 0
				for i := 0; i < b.N; i++ {
					f := FastICA{Whiten: w.solver, MaxIter: 200}
					s.Reset()
					if err := f.FitTransform(&s, x); err != nil {
						b.Fatal(err)
					}
					iters += f.NIter()
				}
				b.ReportMetric(float64(iters)/float64(b.N), "iter/op")
				b.ReportMetric(b.Elapsed().Seconds()*1e3/float64(iters), "ms/iter")
			})
		}
	}
}

// benchICAData mixes d independent non-Gaussian sources (uniform, Laplace
// and squared-Gaussian) into n×d data.
func benchICAData(n, d int) *mat.Dense {
	z := benchData(n, d) // correlated Gaussian: mixing
	raw := z.RawMatrix().Data
	for i := range raw {
		switch i % 3 {
		case 0:
			raw[i] = raw[i] * raw[i] * raw[i]
		case 1:
			raw[i] = raw[i] * raw[i]
		}
	}
	return z
}
