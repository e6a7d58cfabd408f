package chart

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// update rewrites the committed images instead of comparing with them:
// `make golden`, after a change to a chart's look that is intended.
var update = flag.Bool("update", false, "rewrite the golden images in testdata/images")

// imageCases are the figures compared pixel for pixel with the images in
// testdata/images, one per chart function and layout feature, drawn from
// fixed data so that they render identically on every run.
func imageCases(t *testing.T) map[string]func() (Figure, error) {
	g := readGolden(t)
	years := []float64{1964, 1965, 1966, 1967, 1968, 1970, 1971, 1972, 1975, 1976, 1977}
	mean := []float64{18.2, 17.6, 35.1, 27.9, 24.4, 19.5, 27.8, 23.7, 29.6, 30.0, 12.9}
	lo, hi := make([]float64, len(mean)), make([]float64, len(mean))
	for i, m := range mean {
		lo[i], hi[i] = m-3-float64(i%3), m+3+float64(i%2)
	}
	k := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	wcss := make([]float64, len(k))
	for i, v := range k {
		wcss[i] = 17000/math.Sqrt(v) - 400*v
	}
	feats, corr := testCorrelation()
	cohorts := []string{"0: studio, calm, danceable", "1: live, energetic, less danceable, recorded in front of an audience"}
	decades := []string{"1960s (n=380)", "1970s (n=336)", "1980s (n=118)", "1990s (n=102)", "2000s (n=62)", "2010s (n=414)", "2020s (n=188)"}
	live := []float64{8, 35.4, 37.3, 46.1, 80.6, 73.4, 76.1}
	studio := make([]float64, len(live))
	for i, v := range live {
		studio[i] = 100 - v
	}
	// Minutes from the golden sample, shifted to a song's length.
	minutes := make([]float64, len(g.KDE.X))
	for i, v := range g.KDE.X {
		minutes[i] = 4 + 0.4*v
	}
	return map[string]func() (Figure, error){
		"bars": func() (Figure, error) {
			return Bars([]string{"Sticky Fingers", "Let It Bleed", "Beggars Banquet", "Some Girls (Deluxe Version) with a title longer than the limit"},
				[]float64{7, 9, 4, 35000}, Options{Title: "Popular songs per album", XLabel: "songs with popularity ≥ 50 (count)"})
		},
		"grouped": func() (Figure, error) {
			return GroupedBars([]string{"cohort 0", "cohort 1", "cohort 2"}, []string{"energy", "valence", "danceability", "acousticness"},
				[][]float64{{0.9, 0.5, 0.7}, {0.4, 0.6, 0.3}, {0.5, 0.55, 0.4}, {0.1, 0.3, 0.8}},
				Options{Title: "Cohort profiles", XLabel: "cohort", YLabel: "mean value (0-1)"})
		},
		"stacked": func() (Figure, error) {
			return StackedShares(decades, cohorts, [][]float64{studio, live},
				Options{Title: "Cohort mix by release decade", XLabel: "release decade", YLabel: "share of the decade's tracks (%)"})
		},
		"interval_bars": func() (Figure, error) {
			nan := math.NaN()
			return IntervalBars([]string{"1960s (380)", "1970s (228)", "2000s (62)"}, []string{"studio recordings", "live recordings"},
				[][]float64{{20.3, 33.5, 27.1}, {8.9, 17.2, nan}}, [][]float64{{18.5, 31, 22}, {6, 15, nan}}, [][]float64{{22.1, 36, 32.2}, {11.8, 19.4, nan}},
				[]string{"peak: Let It Bleed (release 2 of 2)", "", "peak: A Bigger Bang (mean popularity 27.1)"},
				Options{Title: "Popularity by release decade", XLabel: "mean popularity (0-100)", YLabel: "first released (recordings)"})
		},
		"heatmap_corr": func() (Figure, error) {
			return Heatmap(corr, feats, feats, HeatmapOptions{Options: Options{Title: "Pearson correlation"}, Diverging: true})
		},
		"heatmap_rows": func() (Figure, error) {
			return Heatmap([][]float64{{0.23, 0.56, -0.59, -0.02}, {-0.27, -0.66, 0.69, 0.02}}, cohorts, feats[:4],
				HeatmapOptions{Options: Options{Title: "Cohort profiles: mean of each feature in standard deviations from the catalog mean"}, Diverging: true})
		},
		"lineband_gaps": func() (Figure, error) {
			return LineBand(years, mean, lo, hi, "mean popularity", "95% confidence interval",
				Options{Title: "Popularity by release year", XLabel: "release year", YLabel: "mean popularity (0-100)", XStep: 1})
		},
		"lines_nan": func() (Figure, error) {
			return Lines([]float64{2, 3, 4, 5, 6}, [][]float64{{0.21, 0.17, math.NaN(), 0.15, 0.14}, {0.14, 0.16, 0.13, 0.11, 0.11}, {0.19, 0.04, 0.07, -0.01, -0.01}},
				[]string{"K-Means", "Ward (agglomerative, Ward linkage)", "GMM"},
				Options{Title: "Mean silhouette by k (higher is better)", XLabel: "number of clusters k", YLabel: "mean silhouette (-1 to 1)"})
		},
		"elbow": func() (Figure, error) {
			return Elbow(k, wcss, 3, Options{Title: "Elbow of K-Means: knee at k = 3", XLabel: "number of clusters k", YLabel: "within-cluster sum of squares"})
		},
		"bic": func() (Figure, error) {
			return InfoCriteria(k[1:], []float64{31000, 30500, 30120, 30300, 30250, 30400, 30550, 30700, 30900},
				[]float64{30000, 29200, 28700, 28500, 28300, 28200, 28150, 28100, 28050},
				Options{Title: "Gaussian mixture information criteria", XLabel: "number of components k", YLabel: "criterion (lower is better)"})
		},
		"kdist": func() (Figure, error) {
			d := make([]float64, 1436)
			for i := range d {
				d[i] = 1 + float64(i)/1436 + math.Exp(float64(i-1380)/12)
			}
			return KDistance(d, 2.685, Options{Title: "DBSCAN k-distance (k = 20)", XLabel: "points sorted by distance", YLabel: "distance to the 20th neighbour"})
		},
		"histbox": func() (Figure, error) {
			return HistogramBox(minutes, Options{Title: "Duration", XLabel: "duration (min)", YLabel: "tracks"})
		},
		"histbox_grid": func() (Figure, error) {
			return HistogramBoxGrid([][]float64{g.KDE.X, minutes, g.Silhouette.Values}, []string{"x (units)", "duration (min)", "silhouette"}, 2,
				Options{Title: "Distributions", YLabel: "tracks"})
		},
		"silhouette": func() (Figure, error) {
			return Silhouette(g.Silhouette.Values, g.Silhouette.Labels, []string{"0: studio, calm, danceable", "1: live, energetic, less danceable"}, Options{Title: "Silhouette of K-Means, k = 3"})
		},
		"dendrogram": func() (Figure, error) {
			return Dendrogram(g.Dendrogram.Icoord, g.Dendrogram.Dcoord, g.Dendrogram.Leaves, g.Dendrogram.Cut, Options{Title: "Ward dendrogram", YLabel: "Ward merge distance"})
		},
		"scatter": func() (Figure, error) {
			return ScatterClusters(g.Silhouette.X, g.Silhouette.Y, g.Silhouette.Labels, cohorts,
				Options{Title: "UMAP map of the catalog, coloured by cohort (static view of the explorer), with a title longer than one line",
					XLabel: "UMAP 1 (arbitrary units)", YLabel: "UMAP 2 (arbitrary units)"})
		},
		"scatter_grid": func() (Figure, error) {
			labels := append([]int(nil), g.Silhouette.Labels...)
			labels[0] = -1
			return ScatterGrid([]Panel{
				{Title: "PCA", X: g.Silhouette.X, Y: g.Silhouette.Y, XLabel: "PC1", YLabel: "PC2", Caption: "trustworthiness 0.9876"},
				{Title: "t-SNE", X: g.Silhouette.Y, Y: g.Silhouette.X, Caption: "trustworthiness 0.9912"},
				{Title: "UMAP", X: g.Silhouette.X, Y: g.Silhouette.X, Caption: "trustworthiness 0.9801"},
				{Title: "ICA", X: g.Silhouette.Y, Y: g.Silhouette.Y, Caption: "trustworthiness 0.9700"},
			}, labels, cohorts, Options{Title: "Cohorts in 2-D"})
		},
	}
}

// TestImages renders every case and compares it pixel for pixel with its
// committed image (no tolerance, as gonum/plot's cmpimg.Equal for PNG);
// with -update it rewrites the images instead. A difference writes the
// new image and a diff (changed pixels in red) to a temporary directory.
func TestImages(t *testing.T) {
	for name, build := range imageCases(t) {
		t.Run(name, func(t *testing.T) {
			fig, err := build()
			if err != nil {
				t.Fatal(err)
			}
			checkPNG(t, name, fig)
			path := filepath.Join("testdata", "images", name+".png")
			if *update {
				if err := os.WriteFile(path, fig.PNG, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run make golden to create it)", err)
			}
			if n, diff := comparePNG(t, want, fig.PNG); n > 0 {
				dir, err := os.MkdirTemp("", "chart-images-")
				if err != nil {
					t.Fatal(err)
				}
				got := filepath.Join(dir, name+".png")
				os.WriteFile(got, fig.PNG, 0o644)
				var b bytes.Buffer
				png.Encode(&b, diff)
				os.WriteFile(filepath.Join(dir, name+"-diff.png"), b.Bytes(), 0o644)
				t.Errorf("%s differs from %s in %d pixels; new image and diff in %s (run make golden if the change is intended)", name, path, n, dir)
			}
		})
	}
}

// comparePNG decodes two PNGs and returns the number of pixels that
// differ (all of them if the sizes differ) and an image of the new one
// with those pixels in red.
func comparePNG(t *testing.T, want, got []byte) (int, image.Image) {
	t.Helper()
	a, err := png.Decode(bytes.NewReader(want))
	if err != nil {
		t.Fatalf("golden image: %v", err)
	}
	b, err := png.Decode(bytes.NewReader(got))
	if err != nil {
		t.Fatalf("new image: %v", err)
	}
	if a.Bounds() != b.Bounds() {
		return a.Bounds().Dx() * a.Bounds().Dy(), b
	}
	diff := image.NewRGBA(b.Bounds())
	n := 0
	for y := b.Bounds().Min.Y; y < b.Bounds().Max.Y; y++ {
		for x := b.Bounds().Min.X; x < b.Bounds().Max.X; x++ {
			ca, cb := color.RGBAModel.Convert(a.At(x, y)), color.RGBAModel.Convert(b.At(x, y))
			if ca != cb {
				n++
				diff.Set(x, y, color.RGBA{R: 0xFF, A: 0xFF})
				continue
			}
			r, g, bl, _ := cb.RGBA()
			l := uint8((r + g + bl) / 3 >> 8)
			diff.Set(x, y, color.RGBA{R: l, G: l, B: l, A: 0x60})
		}
	}
	return n, diff
}

// TestImagesDeterministic draws one case twice: the same data give the
// same bytes.
func TestImagesDeterministic(t *testing.T) {
	cases := imageCases(t)
	a, err := cases["scatter_grid"]()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := cases["scatter_grid"]()
	if !bytes.Equal(a.PNG, b.PNG) {
		t.Errorf("two renderings of the same figure differ")
	}
}
