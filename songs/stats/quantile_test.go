package stats

import (
	"math"
	"testing"

	"github.com/songcohorts/cohorts/songs/internal/goldentest"
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

// sameBits reports whether a and b are the same float64, NaN equal to NaN.
func sameBits(a, b float64) bool {
	return math.Float64bits(a) == math.Float64bits(b) || (math.IsNaN(a) && math.IsNaN(b))
}

// TestQuantileNumPy compares Quantile, TukeyFences and Fences.Outside with
// NumPy bit for bit, and RobustZ to 1e-15 (NumPy divides the scaled
// deviations in another order), on the cases of the golden file.
func TestQuantileNumPy(t *testing.T) {
	g := goldentest.Read[quantileGolden](t, "testdata/quantiles.json")
	if len(g.Cases) == 0 || g.Source == "" {
		t.Fatal("empty golden file")
	}
	for _, c := range g.Cases {
		x := nanSlice(c.X)
		orig := append([]float64(nil), x...)
		for k, p := range c.Probs {
			if got := Quantile(x, p); !sameBits(got, c.Quantiles[k]) {
				t.Errorf("%s: Quantile(%v) = %v; numpy %v", c.Name, p, got, c.Quantiles[k])
			}
		}
		for i := range x {
			if !sameBits(x[i], orig[i]) {
				t.Fatalf("%s: Quantile modified its input", c.Name)
			}
		}
		f := TukeyFences(x)
		want := Fences{Q1: c.Q1, Median: c.Median, Q3: c.Q3, Lower: c.Lower, Upper: c.Upper}
		if f != want {
			t.Errorf("%s: fences %+v; numpy %+v", c.Name, f, want)
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
				if !sameBits(z, want[i]) && !(math.Abs(z-want[i]) <= 1e-15*math.Abs(want[i])) {
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

// TestQuantileEdges covers no values, all-NaN input, a bad probability and
// the zero-MAD cases of RobustZ.
func TestQuantileEdges(t *testing.T) {
	if !math.IsNaN(Quantile(nil, 0.5)) || !math.IsNaN(Quantile([]float64{math.NaN()}, 0.5)) {
		t.Error("Quantile of no values is not NaN")
	}
	if f := TukeyFences(nil); !math.IsNaN(f.Q1) || f.Outside(0) {
		t.Errorf("fences of no values %+v flag 0", f)
	}
	// MAD 0: values at the median score 0, others infinity with their
	// sign, NaN stays NaN.
	z := RobustZ([]float64{5, 5, 5, 6, 4, math.NaN()})
	if z[0] != 0 || !math.IsInf(z[3], 1) || !math.IsInf(z[4], -1) || !math.IsNaN(z[5]) {
		t.Errorf("RobustZ with MAD 0 = %v", z)
	}
	defer func() {
		if recover() == nil {
			t.Error("Quantile(x, 1.5) did not panic")
		}
	}()
	Quantile([]float64{1}, 1.5)
}
