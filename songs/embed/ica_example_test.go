package embed_test

import (
	"fmt"
	"log"
	"math"

	"github.com/songcohorts/cohorts/songs/embed"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

func ExampleFastICA() {
	// Two sources, a sine and a square wave, mixed into two signals.
	const n = 500
	x := mat.NewDense(n, 2, nil)
	sine := make([]float64, n)
	square := make([]float64, n)
	for i := 0; i < n; i++ {
		t := float64(i) / 50
		sine[i] = math.Sin(2 * t)
		square[i] = math.Copysign(1, math.Sin(3*t))
		x.Set(i, 0, sine[i]+0.5*square[i])
		x.Set(i, 1, 0.4*sine[i]+square[i])
	}
	f := embed.FastICA{Seed: 1}
	var s mat.Dense
	if err := f.FitTransform(&s, x); err != nil {
		log.Fatal(err)
	}
	// Order the sources for display: least Gaussian first, positive skew.
	order, signs := embed.SourceOrder(&s)
	var shown mat.Dense
	embed.ReorderColumns(&shown, &s, order, signs)
	fmt.Println("converged:", f.Converged())
	for j := 0; j < 2; j++ {
		c := mat.Col(nil, j, &shown)
		fmt.Printf("source %d: |corr| with sine %.4f, with square %.4f\n", j,
			math.Abs(stat.Correlation(c, sine, nil)), math.Abs(stat.Correlation(c, square, nil)))
	}
	// Output:
	// converged: true
	// source 0: |corr| with sine 0.0242, with square 0.9998
	// source 1: |corr| with sine 0.9997, with square 0.0202
}
