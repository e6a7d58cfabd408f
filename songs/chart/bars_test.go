package chart

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
)

func TestBarsManyLongLabels(t *testing.T) {
	n := 90
	names := make([]string, n)
	vals := make([]float64, n)
	for i := range names {
		names[i] = fmt.Sprintf("Album %02d: a very long deluxe remastered edition title with bonus tracks", i)
		vals[i] = float64((i * 37) % 23)
	}
	names[5] = `<img src=x onerror=alert(1)> {{7*7}}`
	vals[5] = 30
	o := Options{Title: "Popular songs per album", XLabel: "Songs with popularity ≥ 50 (count)", YLabel: "Album"}
	fig, err := Bars(names, vals, o)
	if err != nil {
		t.Fatal(err)
	}
	checkPNG(t, "bars90", fig)
	if want := 90*0.17*vg.Inch + 1.2*vg.Inch; fig.Height != want || fig.Width != DefaultWidth {
		t.Errorf("90 bars drawn %v x %v, want %v x %v", fig.Width, fig.Height, DefaultWidth, want)
	}
	if !strings.Contains(fig.Alt, "largest is <img src=x onerror=alert(1)> {{7*7}} (30)") {
		t.Errorf("alt %q does not name the largest bar", fig.Alt)
	}
}

func TestTruncate(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"Exile on Main Street", 8, "Exile o…"},
		{"日本語のアルバム", 4, "日本語…"},
	} {
		if got := Truncate(c.in, c.n); got != c.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}

func TestGroupedBarsAndHeatmap(t *testing.T) {
	groups := []string{"cohort 0", "cohort 1", "cohort 2"}
	series := []string{"energy", "valence", "danceability", "acousticness"}
	vals := [][]float64{{0.9, 0.5, 0.7}, {0.4, 0.6, 0.3}, {0.5, 0.55, 0.4}, {0.1, 0.3, 0.8}}
	o := Options{Title: "Cohort profiles", XLabel: "Cohort", YLabel: "Mean value (0-1)"}
	fig, err := GroupedBars(groups, series, vals, o)
	if err != nil {
		t.Fatal(err)
	}
	checkPNG(t, "grouped", fig)

	feats, corr := testCorrelation()
	ho := HeatmapOptions{Options: Options{Title: "Pearson correlation", XLabel: "Feature", YLabel: "Feature"}, Diverging: true}
	h, err := Heatmap(corr, feats, feats, ho)
	if err != nil {
		t.Fatal(err)
	}
	checkPNG(t, "heatmap_corr", h)
	if !strings.Contains(h.Alt, "centred on 0") {
		t.Errorf("alt %q", h.Alt)
	}
	seq := HeatmapOptions{Options: Options{Title: "Loadings"}, Decimals: 3}
	h2, err := Heatmap([][]float64{{1, 2, 3}, {4, 5, 6}}, []string{"PC1", "PC2"}, []string{"a", "b", "c"}, seq)
	if err != nil {
		t.Fatal(err)
	}
	checkPNG(t, "heatmap_seq", h2)
}

func TestBarsHeatmapReject(t *testing.T) {
	if _, err := Bars([]string{"a"}, []float64{math.NaN()}, Options{}); !errors.Is(err, ErrNaN) {
		t.Errorf("Bars NaN: %v", err)
	}
	if _, err := Bars([]string{"a", "b"}, []float64{1}, Options{}); !errors.Is(err, ErrShape) {
		t.Errorf("Bars shape: %v", err)
	}
	if _, err := Bars(nil, nil, Options{}); !errors.Is(err, ErrNoData) {
		t.Errorf("Bars empty: %v", err)
	}
	if _, err := Heatmap([][]float64{{1, 2}, {3}}, []string{"a", "b"}, []string{"x", "y"}, HeatmapOptions{}); !errors.Is(err, ErrShape) {
		t.Errorf("Heatmap ragged: %v", err)
	}
	if _, err := Heatmap([][]float64{{1, math.Inf(1)}}, []string{"a"}, []string{"x", "y"}, HeatmapOptions{}); !errors.Is(err, ErrNaN) {
		t.Errorf("Heatmap Inf: %v", err)
	}
	if _, err := GroupedBars([]string{"g"}, []string{"s"}, nil, Options{}); !errors.Is(err, ErrNoData) {
		t.Errorf("GroupedBars empty: %v", err)
	}
}

// testFeatures are the catalog's numeric columns.
var testFeatures = []string{"acousticness", "danceability", "energy", "instrumentalness", "liveness",
	"loudness", "speechiness", "tempo", "valence", "popularity", "duration_ms"}

// testCorrelation returns the features and a symmetric matrix shaped like
// a correlation matrix (1 on the diagonal, signed values off it).
func testCorrelation() ([]string, [][]float64) {
	corr := make([][]float64, len(testFeatures))
	for i := range corr {
		corr[i] = make([]float64, len(testFeatures))
		for j := range corr[i] {
			corr[i][j] = math.Cos(float64(i-j)) * math.Exp(-0.1*math.Abs(float64(i-j)))
		}
	}
	return testFeatures, corr
}
