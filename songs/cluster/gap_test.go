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
