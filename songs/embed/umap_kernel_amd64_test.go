//go:build !noasm

package embed

import (
	"math"
	"math/rand/v2"
	"testing"
)

// The vector kernel gives the portable code's (repelTermsGo's) repulsive
// moves bit for bit, and declines batches with a lane powPos would hand to
// math.Pow.
func TestRepelBatchMatchesPortable(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	// a and b are close to the curve parameters of min_dist 0.1
	// (testdata/golden_manifold.json: a = 1.5769434601962196 from
	// umap-learn's find_ab_params), repel is 2 gamma b with gamma 1, and
	// alpha a learning rate part-way through the epochs; the kernel must
	// match the portable code for any such values.
	const a, b, repel, alpha = 1.576943460405378, 0.8950608781603486, 2 * 0.8950608781603486, 0.73
	vector := 0
	for trial := 0; trial < 200000; trial++ {
		var bt repelBatch
		for q := range 4 {
			bt.dx[q] = rng.NormFloat64() * math.Exp(rng.NormFloat64()*3)
			bt.dy[q] = rng.NormFloat64() * math.Exp(rng.NormFloat64()*3)
			bt.d2[q] = bt.dx[q]*bt.dx[q] + bt.dy[q]*bt.dy[q]
		}
		want := bt
		if !repel4(&bt, b, a, repel, alpha) {
			continue
		}
		vector++
		want.repelTermsGo(4, a, b, repel, alpha)
		for q := range 4 {
			if math.Float64bits(bt.tx[q]) != math.Float64bits(want.tx[q]) || math.Float64bits(bt.ty[q]) != math.Float64bits(want.ty[q]) {
				t.Fatalf("d2 %v dx %v dy %v: kernel (%v, %v), portable (%v, %v)",
					want.d2[q], want.dx[q], want.dy[q], bt.tx[q], bt.ty[q], want.tx[q], want.ty[q])
			}
		}
	}
	if useAVX2FMA && vector == 0 {
		t.Fatal("the kernel declined every batch")
	}
	// Subnormal and infinite distances need math.Pow: the kernel declines.
	for _, d2 := range []float64{5e-324, 1e-310, math.Inf(1)} {
		bt := repelBatch{d2: [4]float64{1, d2, 1, 1}}
		if repel4(&bt, b, a, repel, alpha) {
			t.Errorf("d2 = %g: the kernel did not decline", d2)
		}
	}
}
