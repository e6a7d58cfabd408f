package cluster

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"

	"github.com/songcohorts/cohorts/songs/internal/goldentest"
)

// goldenReference is testdata/golden_reference.json
// (gen_golden_reference.py).
type goldenReference struct {
	X     [][]float64 `json:"x"`
	Mean  []float64   `json:"mean"`
	Cov   [][]float64 `json:"cov"`
	Cases []struct {
		K      int     `json:"k"`
		Draws  int     `json:"draws"`
		Mean   float64 `json:"mean"`
		SD     float64 `json:"sd"`
		Source string  `json:"source"`
	} `json:"cases"`
}

func readGoldenReference(t *testing.T) goldenReference {
	var g goldenReference
	goldentest.ReadInto(t, "testdata/golden_reference.json", &g)
	return g
}

// TestGaussianFactor checks that the factor reproduces NumPy's covariance
// of the golden data (numpy.cov, divisor n-1) and that a large draw has
// that mean and covariance within its sampling error.
func TestGaussianFactor(t *testing.T) {
	g := readGoldenReference(t)
	x := goldentest.Dense(g.X)
	a, mean, err := gaussianFactor(x)
	if err != nil {
		t.Fatal(err)
	}
	var aat mat.Dense
	aat.Mul(a, a.T())
	for i := range g.Cov {
		if math.Abs(mean[i]-g.Mean[i]) > 1e-12 {
			t.Errorf("mean[%d] = %v, NumPy %v", i, mean[i], g.Mean[i])
		}
		for j := range g.Cov[i] {
			if math.Abs(aat.At(i, j)-g.Cov[i][j]) > 1e-12 {
				t.Errorf("A·Aᵀ[%d][%d] = %v, numpy.cov %v", i, j, aat.At(i, j), g.Cov[i][j])
			}
		}
	}
	const n = 200000
	draw := gaussianDraw(n, a, mean, rand.New(rand.NewPCG(1, 2)))
	var cov mat.SymDense
	stat.CovarianceMatrix(&cov, draw, nil)
	for i := range g.Cov {
		// The standard error of a sample mean is sd/sqrt(n); of a
		// sample covariance about sqrt((s_ii s_jj + s_ij²)/n).
		m := stat.Mean(mat.Col(nil, i, draw), nil)
		if se := math.Sqrt(g.Cov[i][i] / n); math.Abs(m-g.Mean[i]) > 5*se {
			t.Errorf("draw mean[%d] = %v, want %v within 5 standard errors (%v)", i, m, g.Mean[i], se)
		}
		for j := range g.Cov[i] {
			se := math.Sqrt((g.Cov[i][i]*g.Cov[j][j] + g.Cov[i][j]*g.Cov[i][j]) / n)
			if math.Abs(cov.At(i, j)-g.Cov[i][j]) > 5*se {
				t.Errorf("draw covariance[%d][%d] = %v, want %v within 5 standard errors (%v)", i, j, cov.At(i, j), g.Cov[i][j], se)
			}
		}
	}
}

// TestGaussianReferenceSilhouette compares the mean silhouette of K-Means
// on 100 Gaussian draws with scikit-learn's over 400 draws
// (gen_golden_reference.py): the difference must lie within 4 standard
// errors of the difference of two Monte Carlo means.
func TestGaussianReferenceSilhouette(t *testing.T) {
	g := readGoldenReference(t)
	x := goldentest.Dense(g.X)
	const draws = 100
	for _, c := range g.Cases {
		sil, err := GaussianReference(x, c.K, draws, 7, KMeans{NInit: 10, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		if len(sil) != draws {
			t.Fatalf("%d silhouettes, want %d", len(sil), draws)
		}
		m, sd := stat.MeanStdDev(sil, nil)
		se := math.Sqrt(sd*sd/draws + c.SD*c.SD/float64(c.Draws))
		if math.Abs(m-c.Mean) > 4*se {
			t.Errorf("k=%d: mean silhouette %.4f (sd %.4f), sklearn %.4f (sd %.4f; %s)", c.K, m, sd, c.Mean, c.SD, c.Source)
		}
		again, _ := GaussianReference(x, c.K, draws, 7, KMeans{NInit: 10, Seed: 3})
		for i := range sil {
			if sil[i] != again[i] {
				t.Fatalf("k=%d: draw %d differs between two runs with one seed", c.K, i)
			}
		}
	}
}

// TestGaussianReferenceSingular draws from data with a constant column (a
// singular covariance): the draws keep the constant and every silhouette
// is defined.
func TestGaussianReferenceSingular(t *testing.T) {
	rng := kmRand(4)
	x := mat.NewDense(120, 3, nil)
	for i := 0; i < 120; i++ {
		x.SetRow(i, []float64{rng.NormFloat64(), 5, rng.NormFloat64() * 2})
	}
	a, mean, err := gaussianFactor(x)
	if err != nil {
		t.Fatal(err)
	}
	d := gaussianDraw(50, a, mean, kmRand(5))
	for i := 0; i < 50; i++ {
		if math.Abs(d.At(i, 1)-5) > 1e-12 {
			t.Fatalf("row %d: constant column drawn as %v", i, d.At(i, 1))
		}
	}
	sil, err := GaussianReference(x, 2, 5, 1, KMeans{NInit: 3, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range sil {
		if math.IsNaN(s) || s <= 0 || s >= 1 {
			t.Errorf("draw %d: silhouette %v", i, s)
		}
	}
}
