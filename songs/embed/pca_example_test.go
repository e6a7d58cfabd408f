package embed_test

import (
	"fmt"
	"log"

	"github.com/songcohorts/cohorts/songs/embed"
	"gonum.org/v1/gonum/mat"
)

func ExamplePCA() {
	// The numbers agree with sklearn.decomposition.PCA, signs included.
	x := mat.NewDense(6, 3, []float64{
		2.5, 2.4, 0.5,
		0.5, 0.7, 1.9,
		2.2, 2.9, 0.8,
		1.9, 2.2, 1.1,
		3.1, 3.0, 0.2,
		2.3, 2.7, 0.9,
	})
	var p embed.PCA
	var scores mat.Dense
	if err := p.FitTransform(&scores, x); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("variance ratio %.4f\n", p.ExplainedVarianceRatio())
	fmt.Printf("cumulative     %.4f\n", p.CumulativeRatio())
	fmt.Println("components for 95%:", p.ComponentsFor(0.95))
	fmt.Printf("first scores   %.4f\n", mat.Row(nil, 0, &scores))

	// Keep two components: project and reconstruct.
	p2 := embed.PCA{NComponents: 2}
	if err := p2.Fit(x); err != nil {
		log.Fatal(err)
	}
	var z, back mat.Dense
	p2.Transform(&z, x)
	p2.InverseTransform(&back, &z)
	fmt.Printf("reconstructed  %.4f\n", mat.Row(nil, 0, &back))
	// Output:
	// variance ratio [0.9615 0.0364 0.0022]
	// cumulative     [0.9615 0.9978 1.0000]
	// components for 95%: 1
	// first scores   [-0.4960 -0.3038 0.0472]
	// reconstructed  [2.5302 2.3927 0.5355]
}
