package embed_test

import (
	"fmt"
	"math"

	"github.com/songcohorts/cohorts/songs/embed"
	"gonum.org/v1/gonum/mat"
)

// ringsData returns two well-separated groups of 60 points in 3-D.
func ringsData() *mat.Dense {
	x := mat.NewDense(120, 3, nil)
	for i := 0; i < 120; i++ {
		t := 2 * math.Pi * float64(i%60) / 60
		off := 0.0
		if i >= 60 {
			off = 20
		}
		x.SetRow(i, []float64{off + math.Cos(t), math.Sin(t), 0.1 * math.Sin(3*t)})
	}
	return x
}

// groupsApart reports whether every point of the first group is nearer to
// the first group's centre than to the second's, in an n×2 embedding.
func groupsApart(y *mat.Dense) bool {
	var c [2][2]float64
	for i := 0; i < 120; i++ {
		c[i/60][0] += y.At(i, 0) / 60
		c[i/60][1] += y.At(i, 1) / 60
	}
	for i := 0; i < 120; i++ {
		g := i / 60
		d := func(h int) float64 { return math.Hypot(y.At(i, 0)-c[h][0], y.At(i, 1)-c[h][1]) }
		if d(g) >= d(1-g) {
			return false
		}
	}
	return true
}

func ExampleTSNE() {
	ts := embed.NewTSNE(0)
	ts.Perplexity = 10
	if err := ts.Fit(ringsData()); err != nil {
		fmt.Println(err)
		return
	}
	var y mat.Dense
	ts.EmbeddingTo(&y)
	r, c := y.Dims()
	fmt.Printf("embedding %d×%d, iterations %d, groups apart: %v\n", r, c, ts.NIter()+1, groupsApart(&y))
	// Output:
	// embedding 120×2, iterations 1000, groups apart: true
}

func ExampleUMAP() {
	u := embed.NewUMAP(0)
	if err := u.Fit(ringsData()); err != nil {
		fmt.Println(err)
		return
	}
	var y mat.Dense
	u.EmbeddingTo(&y)
	a, b := u.AB()
	fmt.Printf("a = %.4f, b = %.4f, spectral start: %v, groups apart: %v\n", a, b, u.SpectralInit(), groupsApart(&y))
	// Output:
	// a = 1.5769, b = 0.8951, spectral start: true, groups apart: true
}
