package knn

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// queriesOf picks m distinct rows of x, as the knn benchmark op does.
func queriesOf(x *mat.Dense, m int) *mat.Dense {
	n, d := x.Dims()
	rng := rand.New(rand.NewPCG(1, 1))
	perm := rng.Perm(n)[:m]
	q := mat.NewDense(m, d, nil)
	for i, r := range perm {
		q.SetRow(i, x.RawRowView(r))
	}
	return q
}

var sink *Result

func BenchmarkSearch(b *testing.B) {
	for _, n := range []int{1600, 20000, 100000, 1000000} {
		x := randMatrix(n, 11, 1)
		q := queriesOf(x, 1000)
		b.Run(fmt.Sprintf("brute/n=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				sink = Search(x, q, 10)
			}
		})
		b.Run(fmt.Sprintf("tree/n=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				sink = NewTree(x).Search(q, 10)
			}
		})
	}
}

func BenchmarkSearchSelf(b *testing.B) {
	for _, n := range []int{1600, 20000} {
		x := randMatrix(n, 11, 1)
		b.Run(fmt.Sprintf("brute/n=%d/k=90", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				sink = SearchSelf(x, 90)
			}
		})
		b.Run(fmt.Sprintf("tree/n=%d/k=90", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				sink = NewTree(x).SearchSelf(90)
			}
		})
	}
	x := randMatrix(100000, 11, 1)
	b.Run("tree/n=100000/k=15", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sink = NewTree(x).SearchSelf(15)
		}
	})
}
