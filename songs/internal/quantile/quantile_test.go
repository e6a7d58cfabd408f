package quantile

import (
	"math"
	"testing"
)

// TestSortedHandValues checks interpolation at hand-computed positions:
// for 1, 2, 4, 8 and p = 0.5, h = 1.5 and Q = 2 + 0.5·2 = 3; p = 0.25
// gives h = 0.75 and Q = 1 + 0.75·1 = 1.75 (computed as 2 - 0.25·1);
// p = 1 gives the maximum and p = 0 the minimum.
func TestSortedHandValues(t *testing.T) {
	s := []float64{1, 2, 4, 8}
	for _, c := range []struct{ p, want float64 }{{0, 1}, {0.25, 1.75}, {0.5, 3}, {2.0 / 3, 4}, {0.9, 6.8}, {1, 8}} {
		if got := Sorted(s, c.p); math.Abs(got-c.want) > 1e-15 {
			t.Errorf("Sorted(%v, %v) = %v, want %v", s, c.p, got, c.want)
		}
	}
	if got := Sorted([]float64{3.5}, 0.7); got != 3.5 {
		t.Errorf("one value: %v", got)
	}
	if !math.IsNaN(Sorted(nil, 0.5)) {
		t.Error("no values: not NaN")
	}
}

// TestSortedLerpForm checks NumPy's two-sided form bit for bit: NumPy
// 1.24.2 gives numpy.quantile([0.1, 0.7], 0.7) = 0.5199999999999999 (as
// 0.7 - 0.3·0.6), where the one-sided 0.1 + 0.7·0.6 rounds to 0.52.
func TestSortedLerpForm(t *testing.T) {
	s := []float64{0.1, 0.7}
	if got := Sorted(s, 0.7); got != 0.5199999999999999 {
		t.Errorf("Sorted(%v, 0.7) = %.17g, NumPy 0.5199999999999999", s, got)
	}
	if got := Sorted(s, 0.3); got != 0.28 {
		t.Errorf("Sorted(%v, 0.3) = %.17g, NumPy 0.28", s, got)
	}
}
