package embed

import (
	"math"
	"math/rand/v2"
	"testing"
)

// The vector kernel gives the portable code's repulsive moves bit for bit,
// and declines batches with a lane powPos would hand to math.Pow.
func TestRepelBatchMatchesPortable(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	// a and b are close to the curve parameters of min_dist 0.1
	// (testdata/golden_manifold.json: a = 1.5769434601962196 from
	// umap-learn's find_ab_params), repel is 2 gamma b with gamma 1, and
	// alpha a learning rate part-way through the epochs; the kernel must
	// match the portable code for any such values.
	const a, b, repel, alpha = 1.576943460405378, 0.8950608781603486, 2 * 0.8950608781603486, 0.73
	portable := func(bt *repelBatch, m int) (tx, ty [4]float64) {
		for q := 0; q < m; q++ {
			pb := powPos(bt.d2[q], b)
			coef := repel / ((0.001 + bt.d2[q]) * (a*pb + 1))
			tx[q], ty[q] = clip(coef*bt.dx[q])*alpha, clip(coef*bt.dy[q])*alpha
		}
		return tx, ty
	}
	vector := 0
	for trial := 0; trial < 200000; trial++ {
		var bt repelBatch
		for q := range 4 {
			bt.dx[q] = rng.NormFloat64() * math.Exp(rng.NormFloat64()*3)
			bt.dy[q] = rng.NormFloat64() * math.Exp(rng.NormFloat64()*3)
			bt.d2[q] = bt.dx[q]*bt.dx[q] + bt.dy[q]*bt.dy[q]
		}
		want := bt
		if !repelBatch4(&bt, b, a, repel, alpha) {
			continue
		}
		vector++
		tx, ty := portable(&want, 4)
		for q := range 4 {
			if math.Float64bits(bt.tx[q]) != math.Float64bits(tx[q]) || math.Float64bits(bt.ty[q]) != math.Float64bits(ty[q]) {
				t.Fatalf("d2 %v dx %v dy %v: kernel (%v, %v), portable (%v, %v)",
					want.d2[q], want.dx[q], want.dy[q], bt.tx[q], bt.ty[q], tx[q], ty[q])
			}
		}
	}
	if hasAVX2 && vector == 0 {
		t.Fatal("the kernel declined every batch")
	}
	// Subnormal and infinite distances need math.Pow: the kernel declines.
	for _, d2 := range []float64{5e-324, 1e-310, math.Inf(1)} {
		bt := repelBatch{d2: [4]float64{1, d2, 1, 1}}
		if repelBatch4(&bt, b, a, repel, alpha) {
			t.Errorf("d2 = %g: the kernel did not decline", d2)
		}
	}
}

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
