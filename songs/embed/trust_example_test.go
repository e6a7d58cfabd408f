package embed_test

import (
	"fmt"
	"log"
	"math"

	"github.com/songcohorts/cohorts/songs/embed"
	"gonum.org/v1/gonum/mat"
)

func ExampleTrustworthiness() {
	// Unevenly spaced points on a line in 3-D, embedded in 1-D by their
	// position on the line (which keeps every neighbourhood) and in a
	// scrambled order. Values agree with sklearn.manifold.trustworthiness.
	const n = 20
	x := mat.NewDense(n, 3, nil)
	good := mat.NewDense(n, 1, nil)
	bad := mat.NewDense(n, 1, nil)
	for i := 0; i < n; i++ {
		t := math.Pow(float64(i), 1.5)
		x.SetRow(i, []float64{t, 2 * t, 0})
		good.Set(i, 0, t)
		bad.Set(i, 0, math.Pow(float64((i*7)%n), 1.5))
	}
	for _, y := range []*mat.Dense{good, bad} {
		t, err := embed.Trustworthiness(x, y, 3)
		if err != nil {
			log.Fatal(err)
		}
		p, err := embed.KNNPreservation(x, y, 3)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("trustworthiness %.4f, k-NN preservation %.4f\n", t, p)
	}
	// Output:
	// trustworthiness 1.0000, k-NN preservation 1.0000
	// trustworthiness 0.6622, k-NN preservation 0.0333
}
