package songs

import (
	"math"
	"strconv"
	"testing"

	"github.com/songcohorts/cohorts/songs/internal/goldentest"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
)

// goldenCohorts is testdata/golden_cohorts.json (gen_golden_cohorts.py).
type goldenCohorts struct {
	Recordings int `json:"recordings"`
	Cohorts    struct {
		Sizes      []int   `json:"sizes"`
		Silhouette float64 `json:"silhouette"`
		Source     string  `json:"source"`
	} `json:"cohorts"`
	Reference []goldenReference `json:"reference"`
	Sides     []struct {
		Recordings int                `json:"recordings"`
		Silhouette map[string]float64 `json:"silhouette"`
		BestK      int                `json:"best_k"`
		Reference  goldenReference    `json:"reference"`
		Source     string             `json:"source"`
	} `json:"sides"`
}

// goldenReference is scikit-learn's structureless reference: mean M and
// sd S of the silhouettes of Draws draws.
type goldenReference struct {
	K      int     `json:"k"`
	Draws  int     `json:"draws"`
	M      float64 `json:"mean"`
	S      float64 `json:"sd"`
	Source string  `json:"source"`
}

// readGoldenCohorts reads the scikit-learn cohort references
// (testdata/golden_cohorts.json, written by testdata/gen_golden_cohorts.py).
func readGoldenCohorts(t *testing.T) goldenCohorts {
	t.Helper()
	return goldentest.Read[goldenCohorts](t, "testdata/golden_cohorts.json")
}

// sameReference reports whether our structureless reference agrees with
// scikit-learn's: Monte Carlo means of two sets of draws, within 4
// standard errors of their difference.
func sameReference(r Reference, g goldenReference) bool {
	se := math.Sqrt(r.SD*r.SD/float64(len(r.Draws)) + g.S*g.S/float64(g.Draws))
	return math.Abs(r.Mean-g.M) <= 4*se
}

// TestCohortHierarchyRealCatalog checks the choice of the cohorts and
// sub-cohorts of the course catalog against scikit-learn 1.2.1
// (testdata/gen_golden_cohorts.py): the cohorts' sizes and silhouette, the
// structureless reference at k = 2..6, and each cohort clustered alone:
// its K-Means silhouettes for k = 2..5 (within 5e-3: K-Means' restarts
// may end in other local optima, and from k = 6 on they do, by up to
// 0.03), its best k of 2..10 and its reference.
func TestCohortHierarchyRealCatalog(t *testing.T) {
	_, v := realValidation(t)
	g := readGoldenCohorts(t)
	if v.Improved.N != g.Recordings || v.Chosen.Algorithm != AlgKMeans || v.Chosen.K != 2 {
		t.Fatalf("validated %d recordings, chose %+v; sklearn: %d recordings, K-Means k = 2", v.Improved.N, v.Chosen, g.Recordings)
	}
	if sizes := clusterSizes(v.ChosenLabels()); sizes[0] != g.Cohorts.Sizes[0] || sizes[1] != g.Cohorts.Sizes[1] ||
		!studytest.Near(v.Chosen.Silhouette, g.Cohorts.Silhouette, 1e-9) {
		t.Errorf("cohorts %v, silhouette %.10f; sklearn %v, %.10f (%s)", sizes, v.Chosen.Silhouette, g.Cohorts.Sizes, g.Cohorts.Silhouette, g.Cohorts.Source)
	}
	for _, gr := range g.Reference {
		c, ok := v.Check(gr.K)
		if !ok || !sameReference(c.Null, gr) {
			t.Errorf("k = %d: reference %.4f ± %.4f over %d draws; sklearn %.4f ± %.4f over %d (%s)", gr.K, c.Null.Mean, c.Null.SD, len(c.Null.Draws), gr.M, gr.S, gr.Draws, gr.Source)
		}
		if !c.Null.Beaten() || c.Stability.CI95[0] > c.Stability.Mean || c.Stability.Mean > c.Stability.CI95[1] || len(c.Stability.ARI) != 100 {
			t.Errorf("k = %d: reference p %v, stability %v %v", gr.K, c.Null.P, c.Stability.Mean, c.Stability.CI95)
		}
	}
	for c, gs := range g.Sides {
		s := v.Sides[c]
		if s.N != gs.Recordings || s.Best.K != gs.BestK || s.K != gs.BestK {
			t.Errorf("cohort %d: %d recordings, best k %d, %d sub-cohorts; sklearn %d recordings, best k %d", c, s.N, s.Best.K, s.K, gs.Recordings, gs.BestK)
		}
		for _, r := range s.Validation.Sweeps[AlgKMeans] {
			if w := gs.Silhouette[strconv.Itoa(r.K)]; r.K <= 5 && math.Abs(r.Silhouette-w) > 5e-3 {
				t.Errorf("cohort %d alone, k = %d: silhouette %.5f, sklearn %.5f (%s)", c, r.K, r.Silhouette, w, gs.Source)
			}
		}
		if !sameReference(s.Check.Null, gs.Reference) {
			t.Errorf("cohort %d alone: reference %.4f ± %.4f, sklearn %.4f ± %.4f (%s)", c, s.Check.Null.Mean, s.Check.Null.SD, gs.Reference.M, gs.Reference.S, gs.Reference.Source)
		}
	}
	// The flagged degenerate solution: Mean Shift's 99.4% / 0.6% split at
	// the 0.2 and 0.3 quantiles (ORIGINAL-STUDY's silhouette 0.375 comes
	// from it), and Tibshirani's rule indicating no k (the gap grows up to
	// k = 10).
	for _, r := range v.Improved.MeanShift[1:] {
		if !r.Degenerate || math.Abs(r.LargestShare-0.994) > 5e-4 {
			t.Errorf("Mean Shift at the %v quantile: %+v, want a degenerate 99.4%% split", r.Quantile, r)
		}
	}
	if v.Improved.Gap.Best != 0 {
		t.Errorf("gap statistic indicates k = %d; its curve %v grows to k = 10", v.Improved.Gap.Best, v.Improved.Gap.Gap)
	}
}
