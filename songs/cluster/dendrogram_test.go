package cluster

import (
	"math"
	"reflect"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/songcohorts/cohorts/songs/internal/goldentest"
)

// mergesFromZ converts a SciPy linkage matrix to merges.
func mergesFromZ(z [][4]float64) []Merge {
	m := make([]Merge, len(z))
	for i, r := range z {
		m[i] = Merge{A: int(r[0]), B: int(r[1]), Height: r[2], Size: int(r[3])}
	}
	return m
}

// checkDendrogram compares d with SciPy's output; tol 0 asks for exact
// coordinates.
func checkDendrogram(t *testing.T, what string, d DendrogramData, want dendroGolden, tol float64) {
	t.Helper()
	if !reflect.DeepEqual(d.Leaves, want.Leaves) {
		t.Errorf("%s: leaves %v, want %v", what, d.Leaves, want.Leaves)
	}
	if got := d.LeafLabels(); !reflect.DeepEqual(got, want.Ivl) {
		t.Errorf("%s: leaf labels %v, want %v", what, got, want.Ivl)
	}
	if len(d.Icoord) != len(want.Icoord) || len(d.Dcoord) != len(want.Dcoord) {
		t.Fatalf("%s: %d/%d links, want %d", what, len(d.Icoord), len(d.Dcoord), len(want.Icoord))
	}
	for i := range want.Icoord {
		for k := 0; k < 4; k++ {
			if d.Icoord[i][k] != want.Icoord[i][k] {
				t.Errorf("%s link %d: icoord %v, want %v", what, i, d.Icoord[i], want.Icoord[i])
				break
			}
			if g, w := d.Dcoord[i][k], want.Dcoord[i][k]; g != w && !(tol > 0 && scalar.EqualWithinAbsOrRel(g, w, tol, tol)) {
				t.Errorf("%s link %d: dcoord %v, want %v", what, i, d.Dcoord[i], want.Dcoord[i])
				break
			}
		}
	}
}

// TestDendrogramGolden compares Dendrogram with
// scipy.cluster.hierarchy.dendrogram(Z, no_plot=True), full and with
// truncate_mode="lastp", p=6 (SciPy 1.10.1, testdata/gen_golden_density.py):
// exactly from SciPy's own linkage matrix, and from LinkageTree's tree with
// heights to 1e-10.
func TestDendrogramGolden(t *testing.T) {
	forLinkageCases(t, func(c linkageCase, want linkageWant) {
		x, n, name := c.x, c.n, c.linkage
		z := mergesFromZ(want.Z)
		checkDendrogram(t, c.name+" "+name+" full", Dendrogram(z, n, 0), want.Dendrogram, 0)
		checkDendrogram(t, c.name+" "+name+" p=n", Dendrogram(z, n, n), want.Dendrogram, 0)
		lastp := Dendrogram(z, n, 6)
		checkDendrogram(t, c.name+" "+name+" lastp6", lastp, want.DendrogramLastp6, 0)
		total := 0
		for i, id := range lastp.Leaves {
			size := 1
			if id >= n {
				size = int(want.Z[id-n][3])
			}
			if lastp.LeafSizes[i] != size {
				t.Errorf("%s %s lastp6: leaf %d size %d, want %d", c.name, name, id, lastp.LeafSizes[i], size)
			}
			total += lastp.LeafSizes[i]
		}
		if total != n {
			t.Errorf("%s %s lastp6: leaf sizes sum to %d, want %d", c.name, name, total, n)
		}

		merges, err := LinkageTree(x, linkageByName[name], 0)
		if err != nil {
			t.Fatal(err)
		}
		checkDendrogram(t, c.name+" "+name+" ours", Dendrogram(merges, n, 0), want.Dendrogram, 1e-10)
		checkDendrogram(t, c.name+" "+name+" ours lastp6", Dendrogram(merges, n, 6), want.DendrogramLastp6, 1e-10)
	})
}

func TestDendrogramSmall(t *testing.T) {
	d := Dendrogram(nil, 1, 0)
	if !reflect.DeepEqual(d.Leaves, []int{0}) || len(d.Icoord) != 0 {
		t.Errorf("single row: %+v", d)
	}
	// Rows 0 and 2 merge at 1, then row 1 joins at 3.
	m := []Merge{{A: 0, B: 2, Height: 1, Size: 2}, {A: 1, B: 3, Height: 3, Size: 3}}
	d = Dendrogram(m, 3, 0)
	if !reflect.DeepEqual(d.Leaves, []int{1, 0, 2}) {
		t.Errorf("leaves %v, want [1 0 2]", d.Leaves)
	}
	wantI := [][]float64{{15, 15, 25, 25}, {5, 5, 20, 20}}
	wantD := [][]float64{{0, 1, 1, 0}, {0, 3, 3, 1}}
	if !reflect.DeepEqual(d.Icoord, wantI) || !reflect.DeepEqual(d.Dcoord, wantD) {
		t.Errorf("links %v %v, want %v %v", d.Icoord, d.Dcoord, wantI, wantD)
	}
	d = Dendrogram(m, 3, 2)
	if !reflect.DeepEqual(d.Leaves, []int{1, 3}) || !reflect.DeepEqual(d.LeafSizes, []int{1, 2}) ||
		!reflect.DeepEqual(d.LeafLabels(), []string{"1", "(2)"}) {
		t.Errorf("lastp 2: %+v", d)
	}
}

// TestCutHeightFor checks that CutHeight at the returned height gives k
// clusters, the same partition as CutTree, on the golden trees (whose
// heights are distinct).
func TestCutHeightFor(t *testing.T) {
	var g linkageGolden
	goldentest.ReadInto(t, "testdata/golden_density_linkage.json", &g)
	for _, c := range g.Cases {
		n := len(c.Data)
		for name, want := range c.Linkages {
			z := mergesFromZ(want.Z)
			for _, k := range []int{1, 2, 3, c.K, n / 2, n - 1, n} {
				h := CutHeightFor(z, k)
				if math.IsNaN(h) || h < 0 {
					t.Fatalf("%s %s k=%d: height %v", c.Name, name, k, h)
				}
				got := CutHeight(z, n, h)
				if !densitySameLabels(got, CutTree(z, n, k)) {
					t.Errorf("%s %s k=%d: CutHeight(%v) differs from CutTree", c.Name, name, k, h)
				}
				if k > 1 && k < n && !(h > z[n-k-1].Height && h < z[n-k].Height) {
					t.Errorf("%s %s k=%d: height %v not strictly between merges %v and %v", c.Name, name, k, h, z[n-k-1].Height, z[n-k].Height)
				}
			}
		}
	}
}
