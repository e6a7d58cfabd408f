package chart

import (
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/songcohorts/cohorts/songs/internal/goldentest"
)

// golden mirrors testdata/golden.json, written by testdata/gen_golden.py.
type golden struct {
	KDE struct {
		X, At, Density []float64
		Bandwidth      float64
	}
	Quantiles  struct{ Q []float64 }
	AutoBins   struct{ Bins int } `json:"auto_bins"`
	Dendrogram struct {
		Icoord, Dcoord [][]float64
		Leaves         []string
		Cut            float64
		Clusters       int `json:"clusters_at_cut"`
	}
	Silhouette struct {
		X, Y   []float64
		Labels []int
		Values []float64
	}
}

// readGolden reads the SciPy and scikit-learn reference numbers of the
// figures (testdata/golden.json, written by testdata/gen_golden.py).
func readGolden(t *testing.T) golden {
	t.Helper()
	return goldentest.Read[golden](t, "testdata/golden.json")
}

// TestKDEAgainstScipy compares Scott's bandwidth and the density with
// scipy.stats.gaussian_kde(x, bw_method="scott").
func TestKDEAgainstScipy(t *testing.T) {
	g := readGolden(t)
	h := scottBandwidth(g.KDE.X)
	if !scalar.EqualWithinAbsOrRel(h, g.KDE.Bandwidth, 1e-12, 1e-12) {
		t.Errorf("bandwidth %v, scipy %v", h, g.KDE.Bandwidth)
	}
	got := gaussianKDE(g.KDE.X, g.KDE.At, h)
	for i := range got {
		if !scalar.EqualWithinAbsOrRel(got[i], g.KDE.Density[i], 1e-12, 1e-10) {
			t.Errorf("density at %v = %v, scipy %v", g.KDE.At[i], got[i], g.KDE.Density[i])
		}
	}
}

// TestQuantilesAndBinsAgainstNumpy compares the box-plot quartiles with
// numpy.quantile and the bin count with numpy's bins="auto".
func TestQuantilesAndBinsAgainstNumpy(t *testing.T) {
	g := readGolden(t)
	f := tukey(g.KDE.X)
	for i, got := range []float64{f.Q1, f.Median, f.Q3} {
		if !scalar.EqualWithinAbsOrRel(got, g.Quantiles.Q[i], 1e-12, 1e-12) {
			t.Errorf("quantile %d = %v, numpy %v", i, got, g.Quantiles.Q[i])
		}
	}
	if b := autoBins(g.KDE.X, 1000); b != g.AutoBins.Bins {
		t.Errorf("auto bins %d, numpy %d", b, g.AutoBins.Bins)
	}
	// The data hold 12 and -7.5, far beyond the fences.
	if !slices.Contains(f.Outliers, 12.0) || !slices.Contains(f.Outliers, -7.5) {
		t.Errorf("outliers %v miss the planted values", f.Outliers)
	}
}

func TestDendrogramScipy(t *testing.T) {
	g := readGolden(t).Dendrogram
	o := Options{Title: "Ward dendrogram", YLabel: "Ward merge distance"}
	fig, err := Dendrogram(g.Icoord, g.Dcoord, g.Leaves, g.Cut, o)
	if err != nil {
		t.Fatal(err)
	}
	checkPNG(t, "dendrogram", fig)
	if !strings.Contains(fig.Alt, "into 3 clusters") {
		t.Errorf("alt %q: cut between the last merges must give 3 clusters", fig.Alt)
	}
	if _, err := Dendrogram(g.Icoord, g.Dcoord[1:], nil, 0, o); err == nil {
		t.Errorf("mismatched coordinates accepted")
	}
}

func TestSilhouetteSklearn(t *testing.T) {
	g := readGolden(t).Silhouette
	o := Options{Title: "Silhouette of K-Means, k = 3"}
	fig, err := Silhouette(g.Values, g.Labels, nil, o)
	if err != nil {
		t.Fatal(err)
	}
	checkPNG(t, "silhouette", fig)
	var mean float64
	for _, v := range g.Values {
		mean += v
	}
	mean /= float64(len(g.Values))
	// The mean of sklearn's silhouette_samples is silhouette_score.
	if want := "mean silhouette " + fmtFixed(mean, 3); !strings.Contains(fig.Alt, want) {
		t.Errorf("alt %q lacks %s", fig.Alt, want)
	}
	if _, err := Silhouette([]float64{0.5, 1.5}, []int{0, 1}, nil, o); err == nil {
		t.Errorf("silhouette value 1.5 accepted")
	}

	sc, err := ScatterClusters(g.X, g.Y, g.Labels, []string{"loud", "live", "quiet"}, Options{Title: "Blobs", XLabel: "x1", YLabel: "x2"})
	if err != nil {
		t.Fatal(err)
	}
	checkPNG(t, "scatter", sc)
	labels := slices.Clone(g.Labels)
	labels[0] = -1
	panels := []Panel{
		{Title: "PCA", X: g.X, Y: g.Y, XLabel: "PC1", YLabel: "PC2", Caption: "trustworthiness 0.9876"},
		{Title: "t-SNE", X: g.Y, Y: g.X, Caption: "trustworthiness 0.9912"},
		{Title: "UMAP", X: g.X, Y: g.X, Caption: "trustworthiness 0.9801"},
		{Title: "ICA", X: g.Y, Y: g.Y, Caption: "trustworthiness 0.9700"},
	}
	grid, err := ScatterGrid(panels, labels, nil, Options{Title: "Cohorts in 2-D"})
	if err != nil {
		t.Fatal(err)
	}
	checkPNG(t, "scatter_grid", grid)
	if !strings.Contains(grid.Alt, "UMAP (trustworthiness 0.9801)") {
		t.Errorf("alt %q lacks captions", grid.Alt)
	}
	panels[2].Y = panels[2].Y[1:]
	if _, err := ScatterGrid(panels, labels, nil, Options{}); err == nil {
		t.Errorf("short panel accepted")
	}
}
