package cluster

import (
	"math"
	"math/rand/v2"
	"runtime"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/songcohorts/cohorts/songs/internal/goldentest"
)

func kmRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 1)) }

// TestMetricsGolden compares with sklearn.metrics.silhouette_score,
// silhouette_samples, davies_bouldin_score and calinski_harabasz_score
// (testdata/gen_golden_kmeans.py) to 1e-12.
func TestMetricsGolden(t *testing.T) {
	g := kmGolden(t)
	for _, c := range g.Metrics {
		x := goldentest.Dense(c.X)
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

// TestSilhouetteDeterministic checks that the tiled, parallel silhouette
// gives bit-identical results on one core and agrees with a direct
// O(n²) evaluation of the definition.
func TestSilhouetteDeterministic(t *testing.T) {
	x := kmBlobs(1500, 4, 5, 2, 8)
	labels := make([]int, 1500)
	for i := range labels {
		labels[i] = (i * 7 / 3) % 5
	}
	ref, err := SilhouetteSamples(nil, x, labels)
	if err != nil {
		t.Fatal(err)
	}
	prev := runtime.GOMAXPROCS(1)
	one, _ := SilhouetteSamples(nil, x, labels)
	runtime.GOMAXPROCS(prev)
	for i := range ref {
		if ref[i] != one[i] {
			t.Fatalf("row %d: %v with GOMAXPROCS=1, %v otherwise", i, one[i], ref[i])
		}
	}
	n, _ := x.Dims()
	for _, i := range []int{0, 17, 1499} {
		sums := make([]float64, 5)
		counts := make([]float64, 5)
		for j := 0; j < n; j++ {
			var s float64
			for f := 0; f < 4; f++ {
				e := x.At(i, f) - x.At(j, f)
				s += e * e
			}
			sums[labels[j]] += math.Sqrt(s)
			counts[labels[j]]++
		}
		a := sums[labels[i]] / (counts[labels[i]] - 1)
		b := math.Inf(1)
		for c := range sums {
			if c != labels[i] {
				b = math.Min(b, sums[c]/counts[c])
			}
		}
		want := (b - a) / math.Max(a, b)
		if !scalar.EqualWithinAbsOrRel(ref[i], want, 1e-12, 1e-12) {
			t.Errorf("row %d: %v, direct %v", i, ref[i], want)
		}
	}
}
