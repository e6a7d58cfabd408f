package chart

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestLineCharts(t *testing.T) {
	years := []float64{1964, 1965, 1966, 1967, 1968, 1969, 1970, 1971}
	mean := []float64{30, 28, 35, 31, 40, 42, 38, 45}
	lo, hi := make([]float64, len(mean)), make([]float64, len(mean))
	for i, m := range mean {
		lo[i], hi[i] = m-4-float64(i%3), m+4+float64(i%2)
	}
	o := Options{Title: "Popularity by release year", XLabel: "Release year", YLabel: "Popularity (0-100)"}
	fig, err := LineBand(years, mean, lo, hi, "mean popularity", "95% CI", o)
	if err != nil {
		t.Fatal(err)
	}
	checkPNG(t, "lineband", fig)
	if !strings.Contains(fig.Alt, "highest 45 at 1971") {
		t.Errorf("alt %q", fig.Alt)
	}
	lo[2] = 36
	if _, err := LineBand(years, mean, lo, hi, "m", "b", o); err == nil {
		t.Errorf("band not containing its line accepted")
	}

	k := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	wcss := make([]float64, len(k))
	for i, v := range k {
		wcss[i] = 1000/v + 50*v
	}
	e, err := Elbow(k, wcss, 4, Options{Title: "K-Means elbow", XLabel: "Number of clusters k", YLabel: "WCSS (squared standard units)"})
	if err != nil {
		t.Fatal(err)
	}
	checkPNG(t, "elbow", e)
	if !strings.Contains(e.Alt, "knee is marked at k = 4") {
		t.Errorf("alt %q", e.Alt)
	}

	bic := []float64{900, 700, 650, 640, 660, 700, 720, 760, 800, 850}
	aic := []float64{880, 670, 610, 590, 595, 610, 615, 640, 660, 690}
	ic, err := InfoCriteria(k, bic, aic, Options{Title: "GMM information criteria", XLabel: "Components k", YLabel: "Criterion (lower is better)"})
	if err != nil {
		t.Fatal(err)
	}
	checkPNG(t, "bic", ic)
	if !strings.Contains(ic.Alt, "BIC is lowest at k = 4 and AIC at k = 4") {
		t.Errorf("alt %q", ic.Alt)
	}

	ys := [][]float64{{0.3, 0.35, 0.32}, {0.28, 0.31, 0.3}, {0.25, 0.33, 0.29}}
	l, err := Lines([]float64{2, 3, 4}, ys, []string{"K-Means", "Ward", "GMM"}, Options{Title: "Silhouette by k", XLabel: "k", YLabel: "Mean silhouette"})
	if err != nil {
		t.Fatal(err)
	}
	checkPNG(t, "lines", l)

	d := make([]float64, 200)
	for i := range d {
		d[i] = math.Exp(float64(i) / 60)
	}
	kd, err := KDistance(d, 20, Options{Title: "5-distance", XLabel: "Points sorted by distance", YLabel: "Distance to 5th neighbour (standard units)"})
	if err != nil {
		t.Fatal(err)
	}
	checkPNG(t, "kdist", kd)
	// exp(i/60) > 20 for i > 60 ln 20 = 179.7, so 20 points lie above.
	if !strings.Contains(kd.Alt, "20 points lie above") {
		t.Errorf("alt %q", kd.Alt)
	}
}

func TestLineChartsReject(t *testing.T) {
	if _, err := Lines([]float64{1, 2}, [][]float64{{1, math.Inf(1)}}, []string{"a"}, Options{}); !errors.Is(err, ErrNaN) {
		t.Errorf("Lines Inf: %v", err)
	}
	if _, err := Lines([]float64{1, 2}, [][]float64{{math.NaN(), math.NaN()}}, []string{"a"}, Options{}); !errors.Is(err, ErrNoData) {
		t.Errorf("Lines all NaN: %v", err)
	}
	if _, err := Lines([]float64{math.NaN(), 2}, [][]float64{{1, 2}}, []string{"a"}, Options{}); !errors.Is(err, ErrNaN) {
		t.Errorf("Lines NaN x: %v", err)
	}
	if _, err := Lines([]float64{1, 2}, nil, nil, Options{}); !errors.Is(err, ErrNoData) {
		t.Errorf("Lines empty: %v", err)
	}
	if _, err := Elbow([]float64{1, 2}, []float64{1}, 1, Options{}); !errors.Is(err, ErrShape) {
		t.Errorf("Elbow shape: %v", err)
	}
	if _, err := KDistance(nil, 1, Options{}); !errors.Is(err, ErrNoData) {
		t.Errorf("KDistance empty: %v", err)
	}
	if _, err := ScatterClusters([]float64{1}, []float64{math.Inf(-1)}, []int{0}, nil, Options{}); !errors.Is(err, ErrNaN) {
		t.Errorf("Scatter Inf: %v", err)
	}
}
