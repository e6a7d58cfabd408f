package knn_test

import (
	"fmt"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/knn"
)

func ExampleSearch() {
	x := mat.NewDense(5, 2, []float64{0, 0, 1, 0, 0, 2, 3, 3, 1, 1})
	q := mat.NewDense(1, 2, []float64{0.9, 0.2})
	r := knn.Search(x, q, 3)
	idx, dist := r.Row(0)
	for j := range idx {
		fmt.Printf("row %d at %.4f\n", idx[j], dist[j])
	}
	// Output:
	// row 1 at 0.2236
	// row 4 at 0.8062
	// row 0 at 0.9220
}

func ExampleTree_SearchSelf() {
	x := mat.NewDense(4, 1, []float64{0, 1, 3, 7})
	r := knn.NewTree(x).SearchSelf(2)
	for i := 0; i < r.Len(); i++ {
		idx, dist := r.Row(i)
		fmt.Printf("%d: %v %.4f\n", i, idx, dist)
	}
	// Output:
	// 0: [1 2] [1.0000 3.0000]
	// 1: [0 2] [1.0000 2.0000]
	// 2: [1 0] [2.0000 3.0000]
	// 3: [2 1] [4.0000 6.0000]
}
