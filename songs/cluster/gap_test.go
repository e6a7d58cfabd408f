package cluster

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestGapSeparated checks the 1-SE rule on three well separated blobs
// (std 0.5, centres at least several units apart): the gap statistic must
// pick k = 3, and Gap must equal RefLogW - LogW with LogW the log WCSS.
func TestGapSeparated(t *testing.T) {
	x := kmGapBlobs()
	res, err := Gap(x, 1, 5, 8, 1, KMeans{NInit: 3, Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	if res.Best != 3 {
		t.Errorf("gap picks k=%d, want 3 (gap %v, se %v)", res.Best, res.Gap, res.SE)
	}
	for i := range res.K {
		if math.Abs(res.Gap[i]-(res.RefLogW[i]-res.LogW[i])) > 1e-12 || res.SE[i] <= 0 {
			t.Errorf("k=%d: inconsistent gap row", res.K[i])
		}
	}
	again, _ := Gap(x, 1, 5, 8, 1, KMeans{NInit: 3, Seed: 2})
	if again.Gap[2] != res.Gap[2] {
		t.Error("same seed gave a different gap")
	}
}

// TestStability checks that k = 3 on three separated blobs is perfectly
// stable (ARI 1 on every pair) while k = 5 splits blobs arbitrarily.
func TestStability(t *testing.T) {
	x := kmGapBlobs()
	s3, aris, err := Stability(x, 3, 4, 5, KMeans{NInit: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(aris) != 6 || s3 != 1 {
		t.Errorf("k=3 stability %v over %d pairs, want 1 over 6", s3, len(aris))
	}
	s5, _, err := Stability(x, 5, 4, 5, KMeans{NInit: 3})
	if err != nil || s5 >= s3 {
		t.Errorf("k=5 stability %v not below k=3 (%v)", s5, err)
	}
}

// TestSweepGMM checks that a Sweep with a LikelihoodClusterer fills BIC
// and AIC, that BIC is lowest at the true k = 3, and that metrics are NaN
// at k = 1.
func TestSweepGMM(t *testing.T) {
	x := kmGapBlobs()
	rows, err := Sweep(x, 1, 4, GaussianMixture{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	best := 0
	for i, r := range rows {
		if math.IsNaN(r.BIC) || math.IsNaN(r.AIC) {
			t.Fatalf("k=%d: BIC/AIC missing", r.K)
		}
		if r.BIC < rows[best].BIC {
			best = i
		}
	}
	if rows[best].K != 3 {
		t.Errorf("BIC lowest at k=%d, want 3", rows[best].K)
	}
	if !math.IsNaN(rows[0].Silhouette) || math.IsNaN(rows[1].Silhouette) {
		t.Error("silhouette NaN pattern wrong")
	}
}

func kmGapBlobs() *mat.Dense {
	rng := kmRand(9)
	centres := [][2]float64{{0, 0}, {6, 0}, {3, 6}}
	x := mat.NewDense(150, 2, nil)
	for i := 0; i < 150; i++ {
		c := centres[i%3]
		x.Set(i, 0, c[0]+0.5*rng.NormFloat64())
		x.Set(i, 1, c[1]+0.5*rng.NormFloat64())
	}
	return x
}

// TestGapBest checks Tibshirani's rule on hand-made gap curves: the
// smallest k with Gap(k) >= Gap(k+1) - s_{k+1}, and 0 when the gap grows
// by more than its standard error up to the end of the range.
func TestGapBest(t *testing.T) {
	k := []int{1, 2, 3, 4}
	for _, c := range []struct {
		name    string
		gap, se []float64
		want    int
	}{
		// 0.10 < 0.50 - 0.01; 0.50 >= 0.45 - 0.01: k = 2.
		{"peak at 2", []float64{0.10, 0.50, 0.45, 0.40}, []float64{0.01, 0.01, 0.01, 0.01}, 2},
		// Every step rises by 0.1 > 0.01: no k, not the last one.
		{"never peaks", []float64{0.1, 0.2, 0.3, 0.4}, []float64{0.01, 0.01, 0.01, 0.01}, 0},
		// The same rises within one standard error (0.2): k = 1.
		{"rise within the error", []float64{0.1, 0.2, 0.3, 0.4}, []float64{0.2, 0.2, 0.2, 0.2}, 1},
		// 0.30 < 0.40 - 0.05, 0.40 < 0.50 - 0.05, 0.50 >= 0.52 - 0.05: k = 3.
		{"flattens at 3", []float64{0.30, 0.40, 0.50, 0.52}, []float64{0.05, 0.05, 0.05, 0.05}, 3},
	} {
		if got := GapBest(k, c.gap, c.se); got != c.want {
			t.Errorf("%s: GapBest = %d, want %d", c.name, got, c.want)
		}
	}
	if got := GapBest([]int{5}, []float64{1}, []float64{0}); got != 0 {
		t.Errorf("one k: GapBest = %d, want 0 (the rule needs k+1)", got)
	}
}

// TestBootstrapAgreement checks the per-resample agreement with a
// reference clustering: three separated blobs are reproduced by every
// refit (ARI 1), a reference labelled at random is not (mean ARI near 0),
// relabelling the reference changes nothing, and one seed gives one
// answer.
func TestBootstrapAgreement(t *testing.T) {
	x := kmGapBlobs()
	ref := make([]int, 150)
	for i := range ref {
		ref[i] = i % 3 // kmGapBlobs puts row i in blob i%3
	}
	c := KMeans{NInit: 3, Seed: 2}
	aris, err := BootstrapAgreement(x, ref, 3, 20, 5, c)
	if err != nil {
		t.Fatal(err)
	}
	for r, a := range aris {
		if a != 1 {
			t.Fatalf("resample %d: ARI %v with the true blobs, want 1", r, a)
		}
	}
	rng := kmRand(3)
	random := make([]int, 150)
	for i := range random {
		random[i] = rng.IntN(3)
	}
	aris, err = BootstrapAgreement(x, random, 3, 20, 5, c)
	if err != nil {
		t.Fatal(err)
	}
	var sum float64
	for _, a := range aris {
		sum += a
	}
	if m := sum / 20; math.Abs(m) > 0.05 {
		t.Errorf("mean ARI %v with random labels, want about 0", m)
	}
	swapped := make([]int, 150)
	for i, l := range random {
		swapped[i] = (l + 1) % 3
	}
	again, _ := BootstrapAgreement(x, swapped, 3, 20, 5, c)
	for r := range aris {
		if again[r] != aris[r] {
			t.Fatalf("resample %d: ARI %v after relabelling the reference, %v before", r, again[r], aris[r])
		}
	}
}
