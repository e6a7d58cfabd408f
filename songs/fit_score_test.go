package songs

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/studytest"
)

// TestScore checks the metrics of a clustering with a noise row against
// hand-computed values: rows 0, 1 (cluster A) and 10 (cluster B) on a
// line, 50 noise. Silhouettes: row 0 has a = 1, b = 10, s = 0.9; row 1
// a = 1, b = 9, s = 8/9; row 10 is alone in its cluster, s = 0 (Rousseeuw's
// rule, as scikit-learn). Davies-Bouldin: scatters 0.5 and 0, centres 0.5
// and 10, so (0.5 + 0) / 9.5 for both clusters. Calinski-Harabasz: between
// sum of squares 2*(0.5-11/3)^2 + (10-11/3)^2 = 60.1667, within 0.5, k = 2,
// n = 3: (60.1667 / 1) / (0.5 / 1).
func TestScore(t *testing.T) {
	x := mat.NewDense(4, 1, []float64{0, 1, 10, 50})
	s, err := Score(x, []int{1, 1, 0, -1})
	if err != nil {
		t.Fatal(err)
	}
	if s.K != 2 || s.Noise != 1 || s.Sizes[0] != 2 || s.Sizes[1] != 1 || s.Labels[0] != 0 || s.Labels[2] != 1 || s.Labels[3] != -1 {
		t.Fatalf("score %+v", s)
	}
	want := (0.9 + 8.0/9 + 0) / 3
	if !studytest.Near(s.Silhouette, want, 1e-15) || !math.IsNaN(s.Samples[3]) || !studytest.Near(s.Samples[1], 8.0/9, 1e-15) {
		t.Errorf("silhouette %v (samples %v), want %v", s.Silhouette, s.Samples, want)
	}
	if !studytest.Near(s.DaviesBouldin, 0.5/9.5, 1e-14) {
		t.Errorf("Davies-Bouldin %v, want %v", s.DaviesBouldin, 0.5/9.5)
	}
	if ch := (2*math.Pow(0.5-11.0/3, 2) + math.Pow(10-11.0/3, 2)) / 0.5; !studytest.Near(s.CalinskiHarabasz, ch, 1e-12) {
		t.Errorf("Calinski-Harabasz %v, want %v", s.CalinskiHarabasz, ch)
	}
	one, err := Score(x, []int{0, 0, 0, 0})
	if err != nil || one.K != 1 || !math.IsNaN(one.Silhouette) {
		t.Errorf("one cluster: %+v, %v", one, err)
	}
}
