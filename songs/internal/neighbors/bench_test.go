package neighbors

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/blobtest"
)

// queriesOf picks m distinct rows of x, as the bench's knn op does.
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

// BenchmarkSearch times 1000 queries for 10 neighbours, by brute force and
// by the tree, on the study's size (1,600 rows) up to the bench's 1M.
func BenchmarkSearch(b *testing.B) {
	for _, n := range []int{1600, 20000, 1000000} {
		x := blobtest.Blobs(n, 11, 1)
		q := queriesOf(x, 1000)
		b.Run(fmt.Sprintf("brute/n=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				sink = Search(x, q, 10)
			}
		})
		if n > 20000 {
			continue
		}
		b.Run(fmt.Sprintf("tree/n=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				sink = NewTree(x).Search(q, 10)
			}
		})
	}
}

// BenchmarkSearchSelf times every row's neighbours, as t-SNE (k = 90) and
// UMAP (k = 14) ask them, at the study's size.
func BenchmarkSearchSelf(b *testing.B) {
	x := blobtest.Blobs(1600, 11, 1)
	for _, k := range []int{14, 90} {
		b.Run(fmt.Sprintf("brute/n=1600/k=%d", k), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				sink = SearchSelf(x, k)
			}
		})
		b.Run(fmt.Sprintf("tree/n=1600/k=%d", k), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				sink = NewTree(x).SearchSelf(k)
			}
		})
	}
}

// BenchmarkTileKernel times the tile kernels on one full tile of 11
// columns for four queries, the unit of every brute-force search: the
// values and mask of the k-NN screen and the two masks of the radius
// screen, as dispatched on this machine and build and in their portable
// forms.
func BenchmarkTileKernel(b *testing.B) {
	x := blobtest.Blobs(bruteTile, 11, 2)
	data, n, d := rowMajor(x)
	t := newTiles(data, n, d, bruteTile)
	s := newScreen4(t)
	s.set([4][]float64{x.RawRowView(1), x.RawRowView(2), x.RawRowView(3), x.RawRowView(4)})
	thr := &[4]float64{1, 2, 3, 4}
	thr8 := &[8]float64{1, 2, 3, 4, 0, 1, 2, 3}
	hi, lo := make([]uint8, bruteTile/2), make([]uint8, bruteTile/2)
	for _, c := range []struct {
		name string
		run  func()
	}{
		{"values/dispatch", func() { tileDist4(t.cols, s.qb, t.norms, s.out, bruteTile, d, bruteTile, thr, s.hits) }},
		{"values/portable", func() { tileDist4Go(t.cols, s.qb, t.norms, s.out, bruteTile, d, bruteTile, thr, s.hits) }},
		{"masks/dispatch", func() { tileMask4(t.cols, s.qb, t.norms, bruteTile, d, bruteTile, thr8, hi, lo) }},
		{"masks/portable", func() { tileMask4Go(t.cols, s.qb, t.norms, bruteTile, d, bruteTile, thr8, hi, lo) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				c.run()
			}
		})
	}
}
