package view

import (
	"math"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs/stats"
)

func TestReading(t *testing.T) {
	nan := math.NaN()
	r := stats.Result{Test: "Mann-Whitney U", Groups: []string{"Live", "Studio"}, Measure: "popularity",
		Statistic: 1000, P: 1e-6, PAdjusted: 2e-6, Correction: "Holm", Effect: -0.41, EffectName: "rank-biserial r",
		CI: stats.Interval{Lo: -0.5, Hi: -0.31, Level: 0.95}, Centers: []float64{12, 25}, CenterName: "median"}
	want := "Popularity is lower for Live than for Studio (median 12 vs 25; rank-biserial r = -0.41, 95% CI -0.50 to -0.31; Holm-adjusted p < 0.001)."
	if got := Reading(r); got != want {
		t.Errorf("Reading:\n got %s\nwant %s", got, want)
	}
	r.PAdjusted = 0.2
	if got := Reading(r); got[:30] != "There is no evidence that Live" {
		t.Errorf("non-significant reading: %s", got)
	}
	k := stats.Result{Test: "Kruskal-Wallis", DF2: nan, PAdjusted: nan, Effect: nan}
	k.Statistic, k.DF, k.P = 12.3, 2, 0.0021
	k.Groups = []string{"1960s", "1970s", "2000s"}
	want = "1960s, 1970s and 2000s differ (H = 12.3, df = 2; p = 0.002)."
	if got := Reading(k); got != want {
		t.Errorf("Reading:\n got %s\nwant %s", got, want)
	}
	c := stats.Result{Test: "Pearson correlation", PAdjusted: nan, Effect: nan}.WithGroups("liveness", "popularity")
	c.Statistic, c.P = -0.21, 1e-9
	if got := Reading(c); !strings.HasPrefix(got, "liveness and popularity show a small negative association") {
		t.Errorf("correlation reading: %s", got)
	}
}

func TestReadingChiSquareHasNoSign(t *testing.T) {
	r, err := stats.ChiSquareIndependence([][]float64{{30, 5}, {5, 30}}, false)
	if err != nil {
		t.Fatal(err)
	}
	got := Reading(r.WithGroups("cohort", "live flag"))
	if strings.Contains(got, "positively") || !strings.HasPrefix(got, "cohort and live flag are associated") {
		t.Errorf("chi-square reading %q: want an unsigned association", got)
	}
}

func TestReadingCorrelationHasSign(t *testing.T) {
	x := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	y := []float64{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}
	r, err := stats.Pearson(x, y, stats.TwoSided, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	if got := Reading(r.WithGroups("x", "y")); !strings.Contains(got, "large negative association") {
		t.Errorf("stats.Pearson reading %q: want a negative association", got)
	}
}

func TestReadingOneNameForManyGroups(t *testing.T) {
	r, err := stats.KruskalWallis([]float64{1, 2, 3}, []float64{4, 5, 6}, []float64{7, 8, 9}, []float64{10, 11, 12})
	if err != nil {
		t.Fatal(err)
	}
	got := Reading(r.WithGroups("4 albums"))
	if strings.Contains(got, "group 2") || !strings.HasPrefix(got, "4 albums differ") {
		t.Errorf("reading %q: want the one name given for all the groups", got)
	}
}
