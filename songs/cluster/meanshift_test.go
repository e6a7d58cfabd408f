package cluster

import (
	"runtime"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/blobtest"
	"github.com/songcohorts/cohorts/songs/internal/goldentest"
)

type meanShiftGolden struct {
	Cases []struct {
		Name       string
		Source     string
		Quantile   float64
		Bandwidth  float64
		ClusterAll bool `json:"cluster_all"`
		Data       [][]float64
		Centers    [][]float64
		Labels     []int
		NIter      int `json:"n_iter"`
	}
}

// Reference: sklearn.cluster.estimate_bandwidth(X, quantile) and
// MeanShift(bandwidth, bin_seeding=True, cluster_all) (scikit-learn 1.2.1),
// written by testdata/gen_golden_density.py. Centres come in scikit-learn's
// order, so labels must be identical.
func TestMeanShiftGolden(t *testing.T) {
	var g meanShiftGolden
	goldentest.ReadInto(t, "testdata/golden_density_meanshift.json", &g)
	for _, c := range g.Cases {
		x := goldentest.Dense(c.Data)
		bw, err := EstimateBandwidth(x, c.Quantile, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		if !scalar.EqualWithinAbsOrRel(bw, c.Bandwidth, 1e-12, 1e-12) {
			t.Errorf("%s: bandwidth %.15g, want %.15g", c.Name, bw, c.Bandwidth)
		}
		m := MeanShift{Bandwidth: c.Bandwidth, BinSeeding: true, ClusterAll: c.ClusterAll}
		if err := m.Fit(x); err != nil {
			t.Fatal(err)
		}
		got := m.Centers()
		if r, _ := got.Dims(); r != len(c.Centers) {
			t.Fatalf("%s: %d centres, want %d", c.Name, r, len(c.Centers))
		}
		for i, row := range c.Centers {
			for j, v := range row {
				if !scalar.EqualWithinAbsOrRel(got.At(i, j), v, 1e-6, 1e-6) {
					t.Errorf("%s: centre %d[%d] = %.10g, want %.10g", c.Name, i, j, got.At(i, j), v)
				}
			}
		}
		for i, l := range c.Labels {
			if m.Labels()[i] != l {
				t.Fatalf("%s (cluster_all=%v): row %d label %d, want %d", c.Name, c.ClusterAll, i, m.Labels()[i], l)
			}
		}
		if m.NIter() != c.NIter {
			t.Errorf("%s: n_iter %d, want %d", c.Name, m.NIter(), c.NIter)
		}
	}
}

func TestMeanShiftLimitsAndCores(t *testing.T) {
	m := MeanShift{Bandwidth: 1}
	if err := m.Fit(mat.NewDense(MeanShiftMaxN+1, 1, nil)); err == nil {
		t.Fatal("more than MeanShiftMaxN rows accepted")
	}
	x := blobtest.Blobs(600, 3, 5)
	bw, err := EstimateBandwidth(x, 0.2, 300, 1)
	if err != nil {
		t.Fatal(err)
	}
	fit := func(procs int) *mat.Dense {
		prev := runtime.GOMAXPROCS(procs)
		defer runtime.GOMAXPROCS(prev)
		m := MeanShift{Bandwidth: bw, BinSeeding: true, ClusterAll: true}
		if err := m.Fit(x); err != nil {
			t.Fatal(err)
		}
		return m.Centers()
	}
	if !mat.Equal(fit(1), fit(2)) {
		t.Fatal("centres depend on the number of cores")
	}
}
