package songs

import (
	"math"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs/internal/studytest"
)

// TestDegenerate checks the degeneracy rule on hand-made labelings.
func TestDegenerate(t *testing.T) {
	split := make([]int, 1000)
	for i := 994; i < 1000; i++ {
		split[i] = 1 // Mean Shift's 99.4% / 0.6% split of the course catalog
	}
	noise := make([]int, 100)
	for i := range noise {
		switch {
		case i < 90:
			noise[i] = -1
		case i < 95:
			noise[i] = 0
		default:
			noise[i] = 1
		}
	}
	for _, c := range []struct {
		name     string
		labels   []int
		minShare float64
		share    float64
		clusters int
		want     bool
	}{
		{"99.4% / 0.6% under 2%", split, 0.02, 0.006, 2, true},
		{"99.4% / 0.6% under 0.5%", split, 0.005, 0.006, 2, false},
		{"halves", []int{0, 0, 1, 1}, 0.02, 0.5, 2, false},
		// Noise counts among the rows: the clusters hold 5% each.
		{"two clusters of 5 among 90 noise rows, 2%", noise, 0.02, 0.05, 2, false},
		{"two clusters of 5 among 90 noise rows, 10%", noise, 0.1, 0.05, 2, true},
		{"one cluster and noise", []int{-1, 0, 0}, 0.5, 2.0 / 3, 1, false},
		{"noise only", []int{-1, -1}, 0.5, 0, 0, false},
	} {
		share, clusters := SmallestShare(c.labels)
		if math.Abs(share-c.share) > 1e-15 || clusters != c.clusters || Degenerate(c.labels, c.minShare) != c.want {
			t.Errorf("%s: share %v, %d clusters, degenerate %v; want %v, %d, %v", c.name, share, clusters, Degenerate(c.labels, c.minShare), c.share, c.clusters, c.want)
		}
	}
}

// TestReferenceSummary checks the Monte Carlo p-value and summary of a
// structureless reference by hand.
func TestReferenceSummary(t *testing.T) {
	// Draws 0.1, 0.2, 0.3: mean 0.2, sd 0.1 (divisor n-1). Observed 0.25
	// has one draw at or above it: p = (1+1)/(3+1) = 0.5; observed 0.35
	// none: p = 1/4.
	r := newReference([]float64{0.1, 0.2, 0.3}, 0.25)
	if !studytest.Near(r.Mean, 0.2, 1e-15) || !studytest.Near(r.SD, 0.1, 1e-15) || r.P != 0.5 || r.Beaten() {
		t.Errorf("reference %+v", r)
	}
	if r := newReference([]float64{0.1, 0.2, 0.3}, 0.35); r.P != 0.25 || r.Beaten() {
		t.Errorf("above every draw of 3: p %v, beaten %v; want 0.25, false", r.P, r.Beaten())
	}
	// Above every one of 20 draws: p = 1/21 < 0.05.
	draws := make([]float64, 20)
	for i := range draws {
		draws[i] = 0.1 + 0.001*float64(i)
	}
	if r := newReference(draws, 0.2); !studytest.Near(r.P, 1.0/21, 1e-15) || !r.Beaten() {
		t.Errorf("above 20 draws: p %v, beaten %v", r.P, r.Beaten())
	}
	// A draw without a silhouette (NaN) counts against the observed one.
	draws[3] = math.NaN()
	if r := newReference(draws, 0.2); !studytest.Near(r.P, 2.0/21, 1e-15) {
		t.Errorf("with a NaN draw: p %v, want 2/21", r.P)
	}
}

// TestResampledSummary checks the stability interval against NumPy:
// numpy.percentile(np.arange(1, 101) / 100, [2.5, 97.5]) = [0.03475,
// 0.97525] (linear interpolation, type 7), mean 0.505.
func TestResampledSummary(t *testing.T) {
	ari := make([]float64, 100)
	for i := range ari {
		ari[i] = float64(i+1) / 100
	}
	r := newResampled(ari)
	if !studytest.Near(r.Mean, 0.505, 1e-12) || !studytest.Near(r.CI95[0], 0.03475, 1e-12) || !studytest.Near(r.CI95[1], 0.97525, 1e-12) {
		t.Errorf("resampled %v %v", r.Mean, r.CI95)
	}
}

// TestPlanCheck refuses, before any work, the plans and k Validate cannot
// run.
func TestPlanCheck(t *testing.T) {
	if err := DefaultPlan().Check(); err != nil {
		t.Fatalf("DefaultPlan: %v", err)
	}
	for _, c := range []struct {
		name string
		edit func(*Plan)
		want string
	}{
		{"one feature set", func(p *Plan) { p.Sets = p.Sets[1:] }, "Sets"},
		{"other columns", func(p *Plan) { p.Sets[1].Columns = p.Sets[1].Columns[:3] }, "Sets"},
		{"two algorithms", func(p *Plan) { p.Algorithms = p.Algorithms[:2] }, "Algorithms"},
		{"k to 12", func(p *Plan) { p.KMax = 12 }, "k must run"},
		{"no restarts", func(p *Plan) { p.GMMRestarts = 0 }, "restarts"},
		{"one draw", func(p *Plan) { p.NullDraws = 1 }, "NullDraws"},
		{"one resample", func(p *Plan) { p.StabilityResamples = 1 }, "StabilityResamples"},
		{"k 7 before 6", func(p *Plan) { p.SensitivityK = []int{2, 7, 6} }, "SensitivityK"},
		{"k 11 checked", func(p *Plan) { p.SensitivityK = []int{11} }, "SensitivityK"},
		{"half the rows", func(p *Plan) { p.MinClusterShare = 0.5 }, "MinClusterShare"},
		{"stability 2", func(p *Plan) { p.MinStability = 2 }, "MinStability"},
		{"quantile 1", func(p *Plan) { p.MeanShiftQuantiles = []float64{1} }, "quantile"},
		{"eps factor 0", func(p *Plan) { p.DBSCANEpsFactors = []float64{0} }, "eps"},
		{"50 rows", func(p *Plan) { p.MaxRows = 50 }, "MaxRows"},
	} {
		p := DefaultPlan().clone()
		c.edit(&p)
		err := p.Check()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v; want an error naming %s", c.name, err, c.want)
		}
		if _, verr := Validate(studytest.BlobCatalog(40, 1), p, 1, 0); verr == nil || verr.Error() != err.Error() {
			t.Errorf("%s: Validate ran the plan (%v)", c.name, verr)
		}
	}
	if _, err := Validate(studytest.BlobCatalog(40, 1), DefaultPlan(), 1, 11); err == nil || !strings.Contains(err.Error(), "outside the validated range") {
		t.Errorf("k = 11: %v", err)
	}
}

// TestParentsOf traces clusters to the previous solution by hand: cluster
// 0 holds rows 0-1 (both from 0), cluster 1 rows 2-3 (one from 0, one
// from 1: the tie goes to 0), cluster 2 row 4 (from 1).
func TestParentsOf(t *testing.T) {
	from, share := parentsOf([]int{0, 0, 1, 1, 2}, []int{0, 0, 0, 1, 1}, 3)
	if from[0] != 0 || from[1] != 0 || from[2] != 1 || share[0] != 1 || share[1] != 0.5 || share[2] != 1 {
		t.Errorf("parentsOf = %v %v", from, share)
	}
}
