package cluster

import (
	"strconv"
	"testing"

	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// densityBlobs returns n rows in d dimensions drawn around 8 Gaussian centres
// in [-4, 4]^d with standard deviations in [1.5, 3], shaped like the
// project's bench catalogs.
func densityBlobs(n, d int, seed uint64) *mat.Dense {
	rng := rand.New(rand.NewPCG(seed, 99))
	const k = 8
	centres := make([]float64, k*d)
	stds := make([]float64, k)
	for c := range stds {
		stds[c] = 1.5 + 1.5*rng.Float64()
		for j := 0; j < d; j++ {
			centres[c*d+j] = -4 + 8*rng.Float64()
		}
	}
	x := mat.NewDense(n, d, nil)
	for i := 0; i < n; i++ {
		c := i % k
		for j := 0; j < d; j++ {
			x.Set(i, j, centres[c*d+j]+stds[c]*rng.NormFloat64())
		}
	}
	return x
}

func BenchmarkLinkageTree(b *testing.B) {
	for _, method := range []Linkage{Ward, Single, Average} {
		for _, n := range []int{1600, 5000, 20000} {
			if method == Average && n > 5000 {
				continue
			}
			x := densityBlobs(n, 11, 1)
			b.Run(method.String()+"/n="+strconv.Itoa(n), func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if _, err := LinkageTree(x, method, 0); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func BenchmarkDBSCAN(b *testing.B) {
	for _, n := range []int{1600, 20000} {
		x := densityBlobs(n, 11, 2)
		kd, err := KDistance(x, 22)
		if err != nil {
			b.Fatal(err)
		}
		eps := kd[n/2] // median 22-distance, as the bench's eps
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				m := DBSCAN{Eps: eps, MinSamples: 22}
				if err := m.Fit(x); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkMeanShift(b *testing.B) {
	for _, n := range []int{500, 1600, 5000} {
		x := densityBlobs(n, 11, 3)
		bw, err := EstimateBandwidth(x, 0.05, 2000, 0)
		if err != nil {
			b.Fatal(err)
		}
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				m := MeanShift{Bandwidth: bw, BinSeeding: true, ClusterAll: true}
				if err := m.Fit(x); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
