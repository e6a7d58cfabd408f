package songs

import (
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/studytest"
)

// TestFitScalingConstantColumn standardises as scikit-learn's
// StandardScaler, whose scale_ is 1 for a constant column. By hand:
// column 0 (1, 2, 3, 4) has mean 2.5 and population sd sqrt(1.25);
// column 1 is constant 5; column 2 (2, 3, 4, 9) has mean 4.5 and sd
// sqrt(7.25).
func TestFitScalingConstantColumn(t *testing.T) {
	x := mat.NewDense(4, 3, []float64{1, 5, 2, 2, 5, 3, 3, 5, 4, 4, 5, 9})
	s, err := FitScaling(x)
	if err != nil {
		t.Fatal(err)
	}
	wantMean, wantScale := []float64{2.5, 5, 4.5}, []float64{1.118033988749895, 1, 2.692582403567252}
	for j := range wantMean {
		if !studytest.Near(s.Mean[j], wantMean[j], 1e-15) || !studytest.Near(s.Scale[j], wantScale[j], 1e-15) {
			t.Errorf("column %d: mean %v scale %v, want %v %v", j, s.Mean[j], s.Scale[j], wantMean[j], wantScale[j])
		}
	}
	z := s.Apply(x)
	if z.At(0, 1) != 0 || z.At(3, 1) != 0 || !studytest.Near(z.At(3, 2), 4.5/2.692582403567252, 1e-15) {
		t.Errorf("standardised %v", mat.Formatted(z))
	}
}
