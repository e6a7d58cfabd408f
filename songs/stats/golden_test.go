package stats

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/songcohorts/cohorts/songs/internal/goldentest"
)

// gf is a float64 that also decodes the strings "NaN", "+Inf" and "-Inf"
// written by testdata/gen_golden.py.
type gf float64

func (f *gf) UnmarshalJSON(b []byte) error {
	switch strings.Trim(string(b), `"`) {
	case "NaN":
		*f = gf(math.NaN())
		return nil
	case "+Inf":
		*f = gf(math.Inf(1))
		return nil
	case "-Inf":
		*f = gf(math.Inf(-1))
		return nil
	}
	var v float64
	err := json.Unmarshal(b, &v)
	*f = gf(v)
	return err
}

type ref struct {
	Stat   gf     `json:"stat"`
	DF     gf     `json:"df"`
	DF1    gf     `json:"df1"`
	DF2    gf     `json:"df2"`
	P      gf     `json:"p"`
	Lo     gf     `json:"lo"`
	Hi     gf     `json:"hi"`
	Eta2   gf     `json:"eta2"`
	Eps2   gf     `json:"eps2"`
	Odds   gf     `json:"odds"`
	Value  gf     `json:"value"`
	Adj    []gf   `json:"adj"`
	Error  string `json:"error"`
	Source string `json:"source"`
}

// pairCase is a record of two samples x and y with SciPy's results under
// each alternative hypothesis, by test.
type pairCase struct {
	Name string                    `json:"name"`
	X    []gf                      `json:"x"`
	Y    []gf                      `json:"y"`
	Alts map[string]map[string]ref `json:"alts"`
}

// eachAlt calls fn with the samples, each alternative and its references,
// tagged "<name>/<alternative>" for the error messages.
func (c pairCase) eachAlt(fn func(tag string, x, y []float64, alt Alternative, refs map[string]ref)) {
	x, y := fs(c.X), fs(c.Y)
	for altName, refs := range c.Alts {
		fn(c.Name+"/"+altName, x, y, altByName[altName], refs)
	}
}

type golden struct {
	TwoSample []struct {
		pairCase
		Effects struct {
			CohenD       gf `json:"cohen_d"`
			HedgesG      gf `json:"hedges_g"`
			RankBiserial gf `json:"rank_biserial"`
		} `json:"effects"`
	} `json:"two_sample"`
	KSLarge struct {
		X    []gf           `json:"x"`
		Y    []gf           `json:"y"`
		Alts map[string]ref `json:"alts"`
	} `json:"ks_large"`
	Groups []struct {
		Name         string `json:"name"`
		Groups       [][]gf `json:"groups"`
		Anova        ref    `json:"anova"`
		WelchAnova   ref    `json:"welch_anova"`
		Kruskal      ref    `json:"kruskal"`
		LeveneMedian ref    `json:"levene_median"`
		LeveneMean   ref    `json:"levene_mean"`
	} `json:"groups"`
	Paired []pairCase `json:"paired"`
	Tables []struct {
		Name    string      `json:"name"`
		Table   [][]float64 `json:"table"`
		Corr    ref         `json:"corr"`
		NoCorr  ref         `json:"nocorr"`
		CramerV ref         `json:"cramer_v"`
	} `json:"tables"`
	Fisher []struct {
		Table [2][2]float64  `json:"table"`
		Alts  map[string]ref `json:"alts"`
	} `json:"fisher"`
	Shapiro []struct {
		Name   string `json:"name"`
		X      []gf   `json:"x"`
		W      gf     `json:"w"`
		P      gf     `json:"p"`
		Source string `json:"source"`
	} `json:"shapiro"`
	Corrections []struct {
		Name       string    `json:"name"`
		P          []float64 `json:"p"`
		Bonferroni ref       `json:"bonferroni"`
		Holm       ref       `json:"holm"`
		BH         ref       `json:"bh"`
	} `json:"corrections"`
	Degenerate map[string]ref `json:"degenerate"`
}

// goldenFile is testdata/golden.json, written by testdata/gen_golden.py,
// decoded once per test binary.
var goldenFile = goldentest.Once[golden]{Path: "testdata/golden.json"}

func loadGolden(t *testing.T) *golden {
	t.Helper()
	g := goldenFile.Get(t)
	if g.TwoSample == nil {
		t.Fatal("golden file holds no two-sample cases")
	}
	return g
}

func fs(v []gf) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = float64(x)
	}
	return out
}

var altByName = map[string]Alternative{"two-sided": TwoSided, "less": Less, "greater": Greater}

// same reports whether got equals want within tol (absolute or relative),
// treating NaN as equal to NaN and infinities as equal to themselves.
func same(got float64, want gf, tol float64) bool {
	w := float64(want)
	if math.IsNaN(w) || math.IsNaN(got) {
		return math.IsNaN(w) && math.IsNaN(got)
	}
	if math.IsInf(w, 0) || math.IsInf(got, 0) {
		return got == w
	}
	return scalar.EqualWithinAbsOrRel(got, w, tol, tol)
}

func check(t *testing.T, what string, got float64, want gf, tol float64, source string) {
	t.Helper()
	if !same(got, want, tol) {
		t.Errorf("%s: got %.17g, want %.17g (tol %g; %s)", what, got, float64(want), tol, source)
	}
}

// checkTest requires a test's result, without error, to give the
// reference's statistic (to statTol) and p-value (to 1e-10).
func checkTest(t *testing.T, tag string, r Result, err error, want ref, statTol float64) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", tag, err)
	}
	check(t, tag+" statistic", r.Statistic, want.Stat, statTol, want.Source)
	check(t, tag+" p", r.P, want.P, 1e-10, want.Source)
}
