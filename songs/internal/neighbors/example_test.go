package neighbors_test

import (
	"fmt"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/neighbors"
)

func ExampleSearch() {
	x := mat.NewDense(5, 2, []float64{0, 0, 1, 0, 0, 2, 3, 3, 1, 1})
	q := mat.NewDense(1, 2, []float64{0.9, 0.2})
	r := neighbors.Search(x, q, 3)
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
	r := neighbors.NewTree(x).SearchSelf(2)
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

func ExampleGroup() {
	// Rows within distance 1.5 of (0, 0) and of (3, 3).
	data := []float64{0, 0, 1, 0, 0, 2, 3, 3, 1, 1}
	rt := neighbors.NewTiles(data, 5, 2)
	g := rt.NewGroup(1.5 * 1.5)
	g.Set([4][]float64{{0, 0}, {3, 3}})
	count := g.Screen(0, [4]bool{true, true})
	fmt.Println(count[0], count[1])
	// Output:
	// 3 1
}
