package chart

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestHistogramBoxCatalog(t *testing.T) {
	num, _ := readCatalog(t)
	o := Options{Title: "Distribution of tempo", XLabel: "Tempo (BPM)"}
	fig, err := HistogramBox(num["tempo"], o)
	if err != nil {
		t.Fatal(err)
	}
	checkPNG(t, "histbox_tempo", fig)
	if !strings.Contains(fig.Alt, "Tempo (BPM)") || !strings.Contains(fig.Alt, "1610 values") {
		t.Errorf("alt text %q lacks the label or count", fig.Alt)
	}

	feats := []string{"acousticness", "danceability", "energy", "instrumentalness", "liveness",
		"loudness", "speechiness", "tempo", "valence", "popularity", "duration_ms"}
	xs := make([][]float64, len(feats))
	for i, f := range feats {
		xs[i] = num[f]
	}
	g, err := HistogramBoxGrid(xs, feats, 3, Options{Title: "Audio features"})
	if err != nil {
		t.Fatal(err)
	}
	checkPNG(t, "histbox_grid", g)
}

func TestHistogramBoxPlots(t *testing.T) {
	x := []float64{1, 2, 2, 3, 3, 3, 4, 4, 5, 40}
	top, bottom, f, err := histBoxPlots(x, "X (units)", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if bottom.X.Label.Text != "X (units)" || top.Y.Label.Text != "count" {
		t.Errorf("labels: x %q y %q", bottom.X.Label.Text, top.Y.Label.Text)
	}
	if top.X.Min != bottom.X.Min || top.X.Max != bottom.X.Max {
		t.Errorf("x ranges differ: [%v %v] vs [%v %v]", top.X.Min, top.X.Max, bottom.X.Min, bottom.X.Max)
	}
	// numpy.quantile(x, [.25, .5, .75]) = 2.25, 3, 4 ; fences -0.375, 6.625.
	if f.Q1 != 2.25 || f.Median != 3 || f.Q3 != 4 || f.Low != 1 || f.High != 5 || len(f.Outliers) != 1 || f.Outliers[0] != 40 {
		t.Errorf("tukey summary %+v", f)
	}
}

func TestHistogramBoxRejects(t *testing.T) {
	for name, x := range map[string][]float64{
		"nil":   nil,
		"empty": {},
		"nan":   {1, math.NaN()},
		"inf":   {math.Inf(1), 2},
	} {
		_, err := HistogramBox(x, Options{Title: name})
		if err == nil {
			t.Errorf("%s: no error", name)
		}
		want := ErrNaN
		if len(x) == 0 {
			want = ErrNoData
		}
		if !errors.Is(err, want) {
			t.Errorf("%s: error %v does not wrap %v", name, err, want)
		}
	}
	if _, err := HistogramBoxGrid([][]float64{{1, 2}}, []string{"a", "b"}, 2, Options{}); !errors.Is(err, ErrShape) {
		t.Errorf("mismatched names: %v", err)
	}
}

func TestHistogramBoxConstant(t *testing.T) {
	fig, err := HistogramBox([]float64{3, 3, 3}, Options{Title: "c", XLabel: "x"})
	if err != nil {
		t.Fatal(err)
	}
	checkPNG(t, "histbox_constant", fig)
}
