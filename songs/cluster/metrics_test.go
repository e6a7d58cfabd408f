package cluster

import (
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

func kmRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 1)) }

// TestMetricsGolden compares with sklearn.metrics.silhouette_score,
// silhouette_samples, davies_bouldin_score and calinski_harabasz_score
// (testdata/gen_golden_kmeans.py) to 1e-12.
func TestMetricsGolden(t *testing.T) {
	g := kmGolden(t)
	for _, c := range g.Metrics {
		x := kmDense(c.X)
		s, err := Silhouette(x, c.Labels)
		if err != nil || !scalar.EqualWithinAbsOrRel(s, c.Silhouette, 1e-12, 1e-12) {
			t.Errorf("%s: silhouette %.15g, sklearn %.15g (%v)", c.Name, s, c.Silhouette, err)
		}
		ss, _ := SilhouetteSamples(nil, x, c.Labels)
		for i, v := range c.SilhouetteSamples {
			if !scalar.EqualWithinAbsOrRel(ss[i], v, 1e-12, 1e-12) {
				t.Errorf("%s: silhouette sample %d %.15g, sklearn %.15g", c.Name, i, ss[i], v)
				break
			}
		}
		db, err := DaviesBouldin(x, c.Labels)
		if err != nil || !scalar.EqualWithinAbsOrRel(db, c.DaviesBouldin, 1e-12, 1e-12) {
			t.Errorf("%s: Davies-Bouldin %.15g, sklearn %.15g (%v)", c.Name, db, c.DaviesBouldin, err)
		}
		ch, err := CalinskiHarabasz(x, c.Labels)
		if err != nil || !scalar.EqualWithinAbsOrRel(ch, c.CalinskiHarabasz, 1e-12, 1e-12) {
			t.Errorf("%s: Calinski-Harabasz %.15g, sklearn %.15g (%v)", c.Name, ch, c.CalinskiHarabasz, err)
		}
	}
}

// TestPairsGolden compares with sklearn.metrics.adjusted_rand_score and
// normalized_mutual_info_score (testdata/gen_golden_kmeans.py) to 1e-12.
func TestPairsGolden(t *testing.T) {
	g := kmGolden(t)
	for _, c := range g.Pairs {
		if v := AdjustedRandIndex(c.A, c.B); !scalar.EqualWithinAbsOrRel(v, c.ARI, 1e-12, 1e-12) {
			t.Errorf("%s: ARI %.15g, sklearn %.15g", c.Name, v, c.ARI)
		}
		if v := NormalizedMutualInfo(c.A, c.B); !scalar.EqualWithinAbsOrRel(v, c.NMI, 1e-12, 1e-12) {
			t.Errorf("%s: NMI %.15g, sklearn %.15g", c.Name, v, c.NMI)
		}
	}
}

func TestSilhouetteErrors(t *testing.T) {
	x := kmBlobs(10, 2, 2, 1, 1)
	if _, err := Silhouette(x, make([]int, 10)); err == nil {
		t.Error("no error for one label")
	}
	lab := make([]int, 10)
	for i := range lab {
		lab[i] = i
	}
	if _, err := DaviesBouldin(x, lab); err == nil {
		t.Error("no error for n labels")
	}
}
