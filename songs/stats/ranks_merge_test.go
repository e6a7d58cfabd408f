package stats

import (
	"math/rand/v2"
	"testing"
)

// The merge count of U1 equals the rank-sum definition, ties included.
func TestRankBiserialMergeEqualsRanks(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 2000; trial++ {
		n1, n2 := 1+rng.IntN(30), 1+rng.IntN(30)
		x, y := make([]float64, n1), make([]float64, n2)
		for i := range x {
			x[i] = float64(rng.IntN(8))
		}
		for i := range y {
			y[i] = float64(rng.IntN(8))
		}
		ranks := Rank(nil, concat(x, y))
		var r1 float64
		for _, v := range ranks[:n1] {
			r1 += v
		}
		want := r1 - float64(n1)*float64(n1+1)/2
		if got := mannWhitneyU1(x, y); got != want {
			t.Fatalf("x=%v y=%v: U1 %v, ranks give %v", x, y, got, want)
		}
	}
}
