package catalog

import (
	"encoding/json"
	"math"
	"os"
	"testing"

	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
	"gonum.org/v1/gonum/floats/scalar"
)

// quantileGolden is testdata/quantiles.json, written by
// testdata/gen_quantiles.py from numpy.nanquantile (type 7).
type quantileGolden struct {
	Source   string            `json:"source"`
	Versions map[string]string `json:"versions"`
	Cases    []struct {
		Name        string     `json:"name"`
		X           []*float64 `json:"x"`
		Probs       []float64  `json:"probs"`
		Quantiles   []float64  `json:"quantiles"`
		Q1          float64    `json:"q1"`
		Median      float64    `json:"median"`
		Q3          float64    `json:"q3"`
		Lower       float64    `json:"lower"`
		Upper       float64    `json:"upper"`
		IQROutliers int        `json:"iqr_outliers"`
		RobustZ     []*float64 `json:"robust_z"`
	} `json:"cases"`
}

func readQuantileGolden(t *testing.T) quantileGolden {
	t.Helper()
	b, err := os.ReadFile("testdata/quantiles.json")
	if err != nil {
		t.Fatal(err)
	}
	var g quantileGolden
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	if len(g.Cases) == 0 || g.Source == "" {
		t.Fatal("empty golden file")
	}
	return g
}

// nanSlice turns JSON nulls into NaN.
func nanSlice(p []*float64) []float64 {
	out := make([]float64, len(p))
	for i, v := range p {
		out[i] = math.NaN()
		if v != nil {
			out[i] = *v
		}
	}
	return out
}

// TestQuantileNumPy compares Quantile, TukeyFences, Fences.Outside and
// RobustZ with NumPy (see the golden file's source field).
func TestQuantileNumPy(t *testing.T) {
	const tol = 1e-12
	g := readQuantileGolden(t)
	for _, c := range g.Cases {
		x := nanSlice(c.X)
		orig := append([]float64(nil), x...)
		for k, p := range c.Probs {
			if got := Quantile(x, p); !scalar.EqualWithinAbsOrRel(got, c.Quantiles[k], tol, tol) {
				t.Errorf("%s: Quantile(%v) = %v; numpy %v", c.Name, p, got, c.Quantiles[k])
			}
		}
		for i := range x {
			if !sameFloat(x[i], orig[i]) {
				t.Fatalf("%s: Quantile modified its input", c.Name)
			}
		}
		f := TukeyFences(x)
		for _, v := range []struct {
			name      string
			got, want float64
		}{{"q1", f.Q1, c.Q1}, {"median", f.Median, c.Median}, {"q3", f.Q3, c.Q3}, {"lower", f.Lower, c.Lower}, {"upper", f.Upper, c.Upper}} {
			if !scalar.EqualWithinAbsOrRel(v.got, v.want, tol, tol) {
				t.Errorf("%s: %s = %v; numpy %v", c.Name, v.name, v.got, v.want)
			}
		}
		n := 0
		for _, v := range x {
			if !math.IsNaN(v) && f.Outside(v) {
				n++
			}
		}
		if n != c.IQROutliers {
			t.Errorf("%s: %d values outside the fences; numpy %d", c.Name, n, c.IQROutliers)
		}
		if c.RobustZ != nil {
			want := nanSlice(c.RobustZ)
			for i, z := range RobustZ(x) {
				if !sameFloat(z, want[i]) && !scalar.EqualWithinAbsOrRel(z, want[i], tol, tol) {
					t.Errorf("%s: robust z[%d] = %v; numpy %v", c.Name, i, z, want[i])
				}
			}
		}
	}
}

// TestFencesInclusive checks that a value exactly on a fence is an outlier,
// as in the original study: for 1, 2, 3, 4, 7 the quartiles are 2 and 4
// (type 7 at h = 1 and 3), so the fences are -1 and 7.
func TestFencesInclusive(t *testing.T) {
	f := TukeyFences([]float64{1, 2, 3, 4, 7})
	if f.Q1 != 2 || f.Q3 != 4 || f.Lower != -1 || f.Upper != 7 {
		t.Fatalf("fences %+v; want Q1 2, Q3 4, -1..7", f)
	}
	for v, want := range map[float64]bool{7: true, -1: true, math.Nextafter(7, 0): false, math.Nextafter(-1, 0): false, 3: false, 100: true, -5: true} {
		if got := f.Outside(v); got != want {
			t.Errorf("Outside(%v) = %v; want %v", v, got, want)
		}
	}
}

// TestQuantileEdges covers no values and all-NaN input.
func TestQuantileEdges(t *testing.T) {
	if !math.IsNaN(Quantile(nil, 0.5)) || !math.IsNaN(Quantile([]float64{math.NaN()}, 0.5)) {
		t.Error("Quantile of no values is not NaN")
	}
	if f := TukeyFences(nil); !math.IsNaN(f.Q1) || f.Outside(0) {
		t.Errorf("fences of no values %+v flag 0", f)
	}
	// MAD 0: values at the median score 0, others infinity with their sign.
	z := RobustZ([]float64{5, 5, 5, 6, 4})
	if z[0] != 0 || !math.IsInf(z[3], 1) || !math.IsInf(z[4], -1) {
		t.Errorf("RobustZ with MAD 0 = %v", z)
	}
}

// TestOutliersReport counts per column on a small catalog and leaves
// popularity out when the catalog has none.
func TestOutliersReport(t *testing.T) {
	cat := mustLoad(t, catalogtest.CSVText(catalogtest.CourseHeader, 9, false, func(i int, r map[string]string) {
		if i == 9 {
			r["duration_ms"] = "981866"
		}
	}))
	rep := Outliers(cat)
	if len(rep) != len(OriginalFeatures) {
		t.Fatalf("%d columns; want %d", len(rep), len(OriginalFeatures))
	}
	for k, r := range rep {
		if r.Column != OriginalFeatures[k] {
			t.Errorf("column %d is %s; want %s", k, r.Column, OriginalFeatures[k])
		}
		x := cat.Column(r.Column)
		f := TukeyFences(x)
		n := 0
		for _, v := range x {
			if f.Outside(v) {
				n++
			}
		}
		if r.IQR != n || r.Fences != f {
			t.Errorf("%s: IQR count %d fences %+v; want %d, %+v", r.Column, r.IQR, r.Fences, n, f)
		}
	}
	dur := rep[len(rep)-1]
	if dur.Column != DurationMS || dur.IQR != 1 || dur.Max != 981866 || dur.Min != 200001 || dur.RobustZ != 1 {
		t.Errorf("duration report %+v; want one outlier, 200001..981866", dur)
	}
}
