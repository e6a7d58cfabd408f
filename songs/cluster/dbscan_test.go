package cluster

import (
	"runtime"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/blobtest"
	"github.com/songcohorts/cohorts/songs/internal/goldentest"
)

type dbscanGolden struct {
	Cases []struct {
		Name       string
		Source     string
		Data       [][]float64
		Eps        float64
		MinSamples int `json:"min_samples"`
		Labels     []int
		KdistK     int `json:"kdist_k"`
		Kdist      []float64
	}
}

// Reference: sklearn.cluster.DBSCAN(eps, min_samples) and the k-distance
// column of NearestNeighbors.kneighbors (scikit-learn 1.2.1), written by
// testdata/gen_golden_density.py. DBSCAN numbers clusters as scikit-learn
// does, so the labels must be identical, not only up to relabelling.
func TestDBSCANGolden(t *testing.T) {
	var g dbscanGolden
	goldentest.ReadInto(t, "testdata/golden_density_dbscan.json", &g)
	for _, c := range g.Cases {
		x := goldentest.Dense(c.Data)
		m := DBSCAN{Eps: c.Eps, MinSamples: c.MinSamples}
		if err := m.Fit(x); err != nil {
			t.Fatal(err)
		}
		got := m.Labels()
		clusters := 0
		for i, l := range c.Labels {
			if got[i] != l {
				t.Fatalf("%s: row %d label %d, want %d", c.Name, i, got[i], l)
			}
			clusters = max(clusters, l+1)
		}
		if m.NClusters() != clusters {
			t.Errorf("%s: %d clusters, want %d", c.Name, m.NClusters(), clusters)
		}
		kd, err := KDistance(x, c.KdistK)
		if err != nil {
			t.Fatal(err)
		}
		for i, v := range c.Kdist {
			if !scalar.EqualWithinAbsOrRel(kd[i], v, 1e-12, 1e-12) {
				t.Fatalf("%s: k-distance %d is %v, want %v", c.Name, i, kd[i], v)
			}
		}
	}
}

// Hand-made rows where a border point (row 4, at 1.2, with 3 rows within
// Eps) is within Eps of core points of two clusters: scikit-learn's
// expansion gives it to the cluster found first, the one holding row 0.
func TestDBSCANBorderTie(t *testing.T) {
	x := mat.NewDense(9, 1, []float64{2.1, 2.2, 2.3, 2.4, 1.2, 0, 0.1, 0.2, 0.3})
	m := DBSCAN{Eps: 0.95, MinSamples: 4}
	if err := m.Fit(x); err != nil {
		t.Fatal(err)
	}
	want := []int{0, 0, 0, 0, 0, 1, 1, 1, 1}
	for i, l := range m.Labels() {
		if l != want[i] {
			t.Fatalf("labels %v, want %v", m.Labels(), want)
		}
	}
	// With a bigger MinSamples everything is noise.
	m.MinSamples = 10
	if err := m.Fit(x); err != nil {
		t.Fatal(err)
	}
	for _, l := range m.Labels() {
		if l != -1 || m.NClusters() != 0 {
			t.Fatalf("labels %v, want all noise", m.Labels())
		}
	}
}

func TestDBSCANIndependentOfCores(t *testing.T) {
	x := blobtest.Blobs(3000, 4, 3)
	eps, _, err := SuggestEps(x, 8)
	if err != nil {
		t.Fatal(err)
	}
	fit := func(procs int) []int {
		prev := runtime.GOMAXPROCS(procs)
		defer runtime.GOMAXPROCS(prev)
		m := DBSCAN{Eps: eps, MinSamples: 8}
		if err := m.Fit(x); err != nil {
			t.Fatal(err)
		}
		return m.Labels()
	}
	one, two := fit(1), fit(2)
	for i := range one {
		if one[i] != two[i] {
			t.Fatalf("row %d: %d with 1 core, %d with 2", i, one[i], two[i])
		}
	}
}

func TestConvexIncreasingKnee(t *testing.T) {
	// y = x^4 on 0..1: the maximum of x - x^4 is at x = 4^(-1/3) = 0.63.
	y := make([]float64, 101)
	for i := range y {
		v := float64(i) / 100
		y[i] = v * v * v * v
	}
	i, ok := convexIncreasingKnee(y)
	if !ok || i != 63 {
		t.Fatalf("knee at %d (%v), want 63", i, ok)
	}
	if _, ok := convexIncreasingKnee([]float64{1, 1, 1}); ok {
		t.Fatal("flat curve has a knee")
	}
}
