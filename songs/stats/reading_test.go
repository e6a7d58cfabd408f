package stats

import (
	"strings"
	"testing"
)

func TestReadingChiSquareHasNoSign(t *testing.T) {
	r, err := ChiSquareIndependence([][]float64{{30, 5}, {5, 30}}, false)
	if err != nil {
		t.Fatal(err)
	}
	got := r.WithGroups("cohort", "live flag").Reading()
	if strings.Contains(got, "positively") || !strings.HasPrefix(got, "cohort and live flag are associated") {
		t.Errorf("chi-square reading %q: want an unsigned association", got)
	}
}

func TestReadingCorrelationHasSign(t *testing.T) {
	x := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	y := []float64{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}
	r, err := Pearson(x, y, TwoSided, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.WithGroups("x", "y").Reading(); !strings.Contains(got, "negatively associated") {
		t.Errorf("Pearson reading %q: want a negative association", got)
	}
}

func TestReadingOneNameForManyGroups(t *testing.T) {
	r, err := KruskalWallis([]float64{1, 2, 3}, []float64{4, 5, 6}, []float64{7, 8, 9}, []float64{10, 11, 12})
	if err != nil {
		t.Fatal(err)
	}
	got := r.WithGroups("4 albums").Reading()
	if strings.Contains(got, "group 2") || !strings.HasPrefix(got, "4 albums differ") {
		t.Errorf("reading %q: want the one name given for all the groups", got)
	}
}
