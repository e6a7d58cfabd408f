package cluster

import (
	"testing"

	"github.com/songcohorts/cohorts/songs/internal/goldentest"
)

// TestKneeByHand checks curves whose knee is worked out by hand from the
// Kneedle steps (normalise, flip, difference curve, threshold).
func TestKneeByHand(t *testing.T) {
	// x_n = 0,.25,.5,.75,1; 1-y_n = 0,.6,.8,.9,1; y_d = 0,.35,.3,.15,0.
	// The maximum at index 1 gives threshold .35-.25 = .10, first crossed
	// by y_d[4] = 0: knee at index 1 (x = 1).
	x := []float64{0, 1, 2, 3, 4}
	if i, ok := Knee(x, []float64{10, 4, 2, 1, 0}, Convex, Decreasing, 1); !ok || i != 1 {
		t.Errorf("convex decreasing knee %d %v, want 1", i, ok)
	}
	// The mirror image, rising: y_n flipped gives the same difference
	// curve reversed, so the knee is at index 3.
	if i, ok := Knee(x, []float64{0, 1, 2, 4, 10}, Convex, Increasing, 1); !ok || i != 3 {
		t.Errorf("convex increasing knee %d %v, want 3", i, ok)
	}
	// A straight line has y_d = 0 everywhere: every point is a maximum
	// with threshold -.25 and nothing falls below it: no knee.
	if i, ok := Knee(x, []float64{4, 3, 2, 1, 0}, Convex, Decreasing, 1); ok {
		t.Errorf("line has knee %d", i)
	}
}

// TestKneeOriginalStudy checks the original study's WCSS curve (k = 1..10,
// sklearn KMeans(n_init=10) on the 1600 x 9 PCA scores, from
// testdata/golden_kmeans_catalog.json): the knee is k = 3, as kneed found.
func TestKneeOriginalStudy(t *testing.T) {
	var g kmGoldenCatalog
	goldentest.ReadInto(t, "testdata/golden_kmeans_catalog.json", &g)
	ks := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	i, ok := Knee(ks, g.WCSS, Convex, Decreasing, 1)
	if !ok || ks[i] != 3 {
		t.Errorf("knee at k=%v (%v), want 3", ks[i], ok)
	}
}
