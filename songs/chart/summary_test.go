package chart

import (
	"slices"
	"testing"
)

// TestTukeyValuesOnAFence checks the box plot's rule against the outlier
// tables' (stats.Fences.Outside): for 1, 2, 3, 4, 7 the type-7 quartiles
// are 2 and 4, so the fences are -1 and 7 (hand-computed); 7 lies on the
// upper fence and is an outlier, and the upper whisker ends at 4, the
// largest value strictly inside.
func TestTukeyValuesOnAFence(t *testing.T) {
	f := tukey([]float64{7, 1, 3, 2, 4})
	if f.Q1 != 2 || f.Q3 != 4 || f.Low != 1 || f.High != 4 || !slices.Equal(f.Outliers, []float64{7}) {
		t.Errorf("summary %+v; want quartiles 2 and 4, whiskers 1 and 4, outlier 7", f)
	}
	// With no spread every value is on a fence: all are outliers and the
	// whiskers stay at the box.
	f = tukey([]float64{5, 5, 5})
	if f.Low != 5 || f.High != 5 || len(f.Outliers) != 3 {
		t.Errorf("constant sample %+v; want whiskers at 5 and three outliers", f)
	}
}
