package embed

import (
	"math"
	"testing"
)

// repelTerms gives the one-by-one results whatever the batch holds:
// distances of zero, padding lanes and fallbacks included.
func TestRepelTermsOneByOne(t *testing.T) {
	// Any positive parameters will do: both sides use the same ones.
	const a, b, repel, alpha = 1.58, 0.9, 1.8, 0.5
	cases := [][]float64{{0.3, 2, 7, 0.01}, {0.3, 0, 7, 1}, {4, 9}, {1e-310, 2, 3, 4}, {1}}
	for _, d2s := range cases {
		var bt repelBatch
		for q, d2 := range d2s {
			bt.dx[q], bt.dy[q], bt.d2[q] = math.Sqrt(d2), 0, d2
		}
		bt.repelTerms(len(d2s), a, b, repel, alpha)
		for q, d2 := range d2s {
			wx, wy := 4*alpha, 4*alpha
			if d2 > 0 {
				coef := repel / ((0.001 + d2) * (a*powPos(d2, b) + 1))
				wx, wy = clip(coef*math.Sqrt(d2))*alpha, clip(coef*0)*alpha
			}
			if bt.tx[q] != wx || bt.ty[q] != wy {
				t.Errorf("d2s %v lane %d: (%v, %v), want (%v, %v)", d2s, q, bt.tx[q], bt.ty[q], wx, wy)
			}
		}
	}
}
