package embed_test

import (
	"fmt"
	"log"

	"github.com/songcohorts/cohorts/songs/embed"
	"gonum.org/v1/gonum/mat"
)

func ExampleStandardScaler() {
	train := mat.NewDense(4, 2, []float64{
		1, 100,
		2, 200,
		3, 300,
		4, 400,
	})
	var s embed.StandardScaler
	if err := s.Fit(train); err != nil {
		log.Fatal(err)
	}
	var z mat.Dense
	if err := s.Transform(&z, mat.NewDense(1, 2, []float64{5, 250})); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("mean %.4f, std %.4f\n", s.Mean(), s.Scale())
	fmt.Printf("z = %.4f\n", mat.Row(nil, 0, &z))

	// A constant column is an error, not a division by zero.
	err := s.Fit(mat.NewDense(2, 2, []float64{1, 7, 2, 7}))
	fmt.Println(err)
	// Output:
	// mean [2.5000 250.0000], std [1.1180 111.8034]
	// z = [2.2361 0.0000]
	// embed: column 1 is constant (standard deviation is zero); drop it before scaling
}

func ExampleRobustScaler() {
	x := mat.NewDense(5, 1, []float64{1, 2, 3, 4, 100})
	var s embed.RobustScaler // median and interquartile range
	var z mat.Dense
	if err := s.FitTransform(&z, x); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("median %.4f, IQR %.4f\n", s.Center(), s.Scale())
	fmt.Printf("%.4f\n", mat.Col(nil, 0, &z))
	// Output:
	// median [3.0000], IQR [2.0000]
	// [-1.0000 -0.5000 0.0000 0.5000 48.5000]
}

func ExampleMinMaxScaler() {
	x := mat.NewDense(3, 1, []float64{-10, 0, 30})
	s := embed.MinMaxScaler{Min: -1, Max: 1}
	var z, back mat.Dense
	if err := s.FitTransform(&z, x); err != nil {
		log.Fatal(err)
	}
	if err := s.InverseTransform(&back, &z); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%.4f -> %.4f\n", mat.Col(nil, 0, &z), mat.Col(nil, 0, &back))
	// Output:
	// [-1.0000 -0.5000 1.0000] -> [-10.0000 0.0000 30.0000]
}
