package cluster

import (
	"math"
	"runtime"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/blobtest"
	"github.com/songcohorts/cohorts/songs/internal/goldentest"
)

type linkageGolden struct {
	Cases []struct {
		Name     string
		Data     [][]float64
		K        int
		Height   float64
		Linkages map[string]linkageWant
	}
}

// linkageWant is SciPy's result for one linkage of a data set.
type linkageWant struct {
	Source           string
	Z                [][4]float64
	LabelsK          []int `json:"labels_k"`
	LabelsHeight     []int `json:"labels_height"`
	Dendrogram       dendroGolden
	DendrogramLastp6 dendroGolden `json:"dendrogram_lastp6"`
}

// linkageCase is one data set of golden_density_linkage.json with one of
// its linkages.
type linkageCase struct {
	name, linkage string
	x             *mat.Dense
	n, k          int
	height        float64
}

// forLinkageCases calls fn for every data set and linkage of
// golden_density_linkage.json (testdata/gen_golden_density.py).
func forLinkageCases(t *testing.T, fn func(c linkageCase, want linkageWant)) {
	var g linkageGolden
	goldentest.ReadInto(t, "testdata/golden_density_linkage.json", &g)
	for _, c := range g.Cases {
		x := goldentest.Dense(c.Data)
		for name, want := range c.Linkages {
			fn(linkageCase{name: c.Name, linkage: name, x: x, n: len(c.Data), k: c.K, height: c.Height}, want)
		}
	}
}

type dendroGolden struct {
	Leaves []int
	Ivl    []string
	Icoord [][4]float64
	Dcoord [][4]float64
}

var linkageByName = map[string]Linkage{"ward": Ward, "complete": Complete, "average": Average, "single": Single}

// Reference: scipy.cluster.hierarchy.linkage and
// sklearn.cluster.AgglomerativeClustering (SciPy 1.10.1, scikit-learn
// 1.2.1), written by testdata/gen_golden_density.py.
func TestLinkageTreeGolden(t *testing.T) {
	forLinkageCases(t, func(c linkageCase, want linkageWant) {
		x, n, name := c.x, c.n, c.linkage
		method := linkageByName[name]
		merges, err := LinkageTree(x, method, 0)
		if err != nil {
			t.Fatalf("%s %s: %v", c.name, name, err)
		}
		if len(merges) != n-1 {
			t.Fatalf("%s %s: %d merges, want %d", c.name, name, len(merges), n-1)
		}
		for i, z := range want.Z {
			m := merges[i]
			if !scalar.EqualWithinAbsOrRel(m.Height, z[2], 1e-10, 1e-10) {
				t.Errorf("%s %s merge %d: height %.15g, want %.15g", c.name, name, i, m.Height, z[2])
			}
			if m.A != int(z[0]) || m.B != int(z[1]) || m.Size != int(z[3]) {
				t.Errorf("%s %s merge %d: (%d, %d, size %d), want (%v, %v, size %v)", c.name, name, i, m.A, m.B, m.Size, z[0], z[1], z[3])
			}
		}
		a := Agglomerative{Linkage: method, NClusters: c.k}
		if err := a.Fit(x); err != nil {
			t.Fatal(err)
		}
		if !densitySameLabels(a.Labels(), want.LabelsK) {
			t.Errorf("%s %s: labels at k=%d differ from sklearn's", c.name, name, c.k)
		}
		h := Agglomerative{Linkage: method, Height: c.height}
		if err := h.Fit(x); err != nil {
			t.Fatal(err)
		}
		if !densitySameLabels(h.Labels(), want.LabelsHeight) {
			t.Errorf("%s %s: labels at height %v differ from fcluster's", c.name, name, c.height)
		}
	})
}

type realGolden struct {
	Source       string
	Data         [][]float64
	LabelsK2     []int     `json:"labels_k2"`
	SilhouetteK2 float64   `json:"silhouette_k2"`
	TopHeights   []float64 `json:"top_heights"`
}

// Reference: the original study's pipeline recomputed with scikit-learn
// 1.2.1 (AgglomerativeClustering(n_clusters=2, linkage="ward") on the
// 1600x9 PCA matrix; its silhouette is the study's published 0.15491).
func TestWardRealCatalogGolden(t *testing.T) {
	var g realGolden
	goldentest.ReadInto(t, "testdata/golden_density_real.json", &g)
	x := goldentest.Dense(g.Data)
	a := Agglomerative{Linkage: Ward, NClusters: 2}
	if err := a.Fit(x); err != nil {
		t.Fatal(err)
	}
	if !densitySameLabels(a.Labels(), g.LabelsK2) {
		t.Fatal("Ward k=2 labels differ from sklearn's")
	}
	m := a.Merges()
	for i, h := range g.TopHeights {
		got := m[len(m)-len(g.TopHeights)+i].Height
		if !scalar.EqualWithinAbsOrRel(got, h, 1e-10, 1e-10) {
			t.Errorf("top merge %d: height %.15g, want %.15g", i, got, h)
		}
	}
	if !scalar.EqualWithinAbsOrRel(g.SilhouetteK2, 0.15491, 1e-5, 0) {
		t.Errorf("golden silhouette %v is not the study's 0.15491", g.SilhouetteK2)
	}
}

func TestLinkageInvariants(t *testing.T) {
	x := mat.NewDense(5, 1, []float64{0, 1, 3, 7, 15})
	// Hand-computed: single linkage merges the gaps 1, 2, 4, 8 in order.
	merges, err := LinkageTree(x, Single, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i, h := range []float64{1, 2, 4, 8} {
		if merges[i].Height != h || merges[i].Size != i+2 {
			t.Fatalf("merge %d: %+v", i, merges[i])
		}
	}
	// Refit replaces results.
	a := Agglomerative{Linkage: Average, NClusters: 2}
	if err := a.Fit(x); err != nil {
		t.Fatal(err)
	}
	first := append([]int(nil), a.Labels()...)
	if err := a.Fit(mat.NewDense(3, 1, []float64{0, 10, 11})); err != nil {
		t.Fatal(err)
	}
	if len(a.Labels()) != 3 || len(first) != 5 {
		t.Fatal("refit did not replace the labels")
	}
	// Bad data and limits.
	if _, err := LinkageTree(mat.NewDense(2, 1, []float64{0, math.NaN()}), Ward, 0); err == nil {
		t.Fatal("NaN accepted")
	}
	_, err = LinkageTree(mat.NewDense(4, 1, []float64{0, 1, 2, 3}), Complete, 3)
	if err == nil || !strings.Contains(err.Error(), "limit is 3 rows") {
		t.Fatalf("condensed limit: %v", err)
	}
	if err := (&Agglomerative{NClusters: 4}).Fit(mat.NewDense(3, 1, nil)); err == nil {
		t.Fatal("more clusters than rows accepted")
	}
}

// The parallel searches must give the same tree on any number of cores.
func TestLinkageIndependentOfCores(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	x := blobtest.Blobs(linkageParallel+300, 5, 7)
	for _, method := range []Linkage{Ward, Single} {
		prev := runtime.GOMAXPROCS(1)
		one, _ := LinkageTree(x, method, 0)
		runtime.GOMAXPROCS(2)
		two, _ := LinkageTree(x, method, 0)
		runtime.GOMAXPROCS(prev)
		for i := range one {
			if one[i] != two[i] {
				t.Fatalf("%v merge %d: %+v with 1 core, %+v with 2", method, i, one[i], two[i])
			}
		}
	}
}
