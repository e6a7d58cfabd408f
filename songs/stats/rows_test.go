package stats

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/songcohorts/cohorts/songs/internal/goldentest"
)

// goldenRows is testdata/golden_rows.json, written by
// testdata/gen_golden_rows.py with SciPy 1.10.1: each statistic of the
// data and its scipy.stats.bootstrap interval (paired=True, BCa, 9,999
// resamples, SciPy's own random numbers).
type goldenRows struct {
	Resamples int           `json:"resamples"`
	X         []float64     `json:"x"`
	Y         []float64     `json:"y"`
	Group     []int         `json:"group"`
	XGroup    []float64     `json:"x_group"`
	First     []bool        `json:"first"`
	A         []int         `json:"a"`
	B         []int         `json:"b"`
	Table     [][]float64   `json:"table"`
	Spearman  goldenRowStat `json:"spearman"`
	Eps2      goldenRowStat `json:"kruskal_eps2"`
	RankBis   goldenRowStat `json:"rank_biserial"`
	CramersV  goldenRowStat `json:"cramers_v"`
}

type goldenRowStat struct {
	Source string     `json:"source"`
	Value  float64    `json:"value"`
	CI95   [2]float64 `json:"ci95"`
}

// loadGoldenRows reads the reference numbers of the row statistics
// (testdata/golden_rows.json,
// written by testdata/gen_golden_rows.py).
func loadGoldenRows(t *testing.T) goldenRows {
	t.Helper()
	return goldentest.Read[goldenRows](t, "testdata/golden_rows.json")
}

// expand repeats x[i] w[i] times.
func expand[T any](x []T, w []float64) []T {
	var out []T
	for i, v := range x {
		for range int(w[i]) {
			out = append(out, v)
		}
	}
	return out
}

// randomCounts returns bootstrap-like counts of n rows (some rows 0).
func randomCounts(n int, seed uint64) []float64 {
	rng := rand.New(rand.NewPCG(seed, 1))
	w := make([]float64, n)
	for range n {
		w[rng.IntN(n)]++
	}
	return w
}

// TestRowStatisticsAgainstSciPy checks each row statistic on the data
// (nil counts) against SciPy's value of the same statistic.
func TestRowStatisticsAgainstSciPy(t *testing.T) {
	g := loadGoldenRows(t)
	sp, err := SpearmanRows(g.X, g.Y)
	if err != nil {
		t.Fatal(err)
	}
	eps, err := KruskalEpsilonSquaredRows(g.XGroup, g.Group)
	if err != nil {
		t.Fatal(err)
	}
	rb, err := RankBiserialRows(g.X, g.First)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		got  float64
		want goldenRowStat
	}{
		{"Spearman", sp(nil), g.Spearman},
		{"Kruskal epsilon squared", eps(nil), g.Eps2},
		{"rank-biserial", rb(nil), g.RankBis},
	} {
		if !scalar.EqualWithinAbsOrRel(c.got, c.want.Value, 1e-12, 1e-12) {
			t.Errorf("%s = %.15g, want %.15g (%s)", c.name, c.got, c.want.Value, c.want.Source)
		}
	}
}

// TestRowStatisticsEqualExpandedSample checks that a statistic evaluated
// on counts equals the statistic of the expanded sample, computed by the
// package's own tests on plain samples (Spearman, KruskalWallis,
// RankBiserial).
func TestRowStatisticsEqualExpandedSample(t *testing.T) {
	g := loadGoldenRows(t)
	idx := make([]int, len(g.X))
	for i := range idx {
		idx[i] = i
	}
	sp, _ := SpearmanRows(g.X, g.Y)
	eps, _ := KruskalEpsilonSquaredRows(g.XGroup, g.Group)
	rb, _ := RankBiserialRows(g.X, g.First)
	for seed := range uint64(5) {
		w := randomCounts(len(g.X), seed)
		rows := expand(idx, w)
		var x, y, xg []float64
		groups := make([][]float64, 4)
		var in, out []float64
		for _, i := range rows {
			x, y, xg = append(x, g.X[i]), append(y, g.Y[i]), append(xg, g.XGroup[i])
			groups[g.Group[i]] = append(groups[g.Group[i]], g.XGroup[i])
			if g.First[i] {
				in = append(in, g.X[i])
			} else {
				out = append(out, g.X[i])
			}
		}
		r, err := Spearman(x, y, TwoSided, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		if got := sp(w); !scalar.EqualWithinAbsOrRel(got, r.Statistic, 1e-12, 1e-12) {
			t.Errorf("seed %d: Spearman on counts %.15g, expanded %.15g", seed, got, r.Statistic)
		}
		var present [][]float64
		for _, gr := range groups {
			if len(gr) > 0 {
				present = append(present, gr)
			}
		}
		k, err := KruskalWallis(present...)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := eps(w), KruskalEpsilonSquared(k.Statistic, len(xg)); !scalar.EqualWithinAbsOrRel(got, want, 1e-12, 1e-12) {
			t.Errorf("seed %d: epsilon squared on counts %.15g, expanded %.15g", seed, got, want)
		}
		if got, want := rb(w), RankBiserial(in, out); !scalar.EqualWithinAbsOrRel(got, want, 1e-12, 1e-12) {
			t.Errorf("seed %d: rank-biserial on counts %.15g, expanded %.15g", seed, got, want)
		}
	}
}

// TestIntervalRowsEqualsInterval checks that IntervalRows draws the same
// resamples as Interval over the row indices.
func TestIntervalRowsEqualsInterval(t *testing.T) {
	g := loadGoldenRows(t)
	sp, _ := SpearmanRows(g.X, g.Y)
	idx := make([]float64, len(g.X))
	for i := range idx {
		idx[i] = float64(i)
	}
	viaIndex := func(s []float64) float64 {
		w := make([]float64, len(g.X))
		for _, i := range s {
			w[int(i)]++
		}
		return sp(w)
	}
	for _, m := range []BootMethod{Percentile, BCa} {
		bs := Bootstrap{Method: m, Resamples: 999, Seed: 7}
		a, err := bs.IntervalRows(len(g.X), sp)
		if err != nil {
			t.Fatal(err)
		}
		b, err := bs.Interval(idx, viaIndex)
		if err != nil {
			t.Fatal(err)
		}
		if !scalar.EqualWithinAbs(a.Lo, b.Lo, 1e-12) || !scalar.EqualWithinAbs(a.Hi, b.Hi, 1e-12) {
			t.Errorf("method %d: IntervalRows %v, Interval over indices %v", m, a, b)
		}
	}
}

// TestIntervalRowsAgainstSciPy compares BCa intervals (9,999 resamples)
// with scipy.stats.bootstrap(paired=True, method='BCa'). The two draw
// different random numbers: the endpoints agree within 0.03, about three
// Monte Carlo standard errors of a BCa endpoint at this size.
func TestIntervalRowsAgainstSciPy(t *testing.T) {
	g := loadGoldenRows(t)
	sp, _ := SpearmanRows(g.X, g.Y)
	eps, _ := KruskalEpsilonSquaredRows(g.XGroup, g.Group)
	rb, _ := RankBiserialRows(g.X, g.First)
	bs := Bootstrap{Method: BCa, Resamples: g.Resamples, Seed: 11}
	for _, c := range []struct {
		name string
		stat RowStatistic
		want goldenRowStat
	}{
		{"Spearman", sp, g.Spearman},
		{"epsilon squared", eps, g.Eps2},
		{"rank-biserial", rb, g.RankBis},
	} {
		ci, err := bs.IntervalRows(len(g.X), c.stat)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(ci.Lo-c.want.CI95[0]) > 0.03 || math.Abs(ci.Hi-c.want.CI95[1]) > 0.03 {
			t.Errorf("%s: interval [%.4f, %.4f], SciPy [%.4f, %.4f] (%s)", c.name, ci.Lo, ci.Hi, c.want.CI95[0], c.want.CI95[1], c.want.Source)
		}
	}
}

// TestIntervalTable checks Cramer's V of the table against SciPy and its
// bootstrap interval against scipy.stats.bootstrap over the observations
// (paired, BCa, 9,999 resamples) within Monte Carlo tolerance.
func TestIntervalTable(t *testing.T) {
	g := loadGoldenRows(t)
	tab := g.Table
	if v := CramersV(tab); !scalar.EqualWithinAbsOrRel(v, g.CramersV.Value, 1e-12, 1e-12) {
		t.Errorf("Cramer's V = %.15g, SciPy %.15g", v, g.CramersV.Value)
	}
	bs := Bootstrap{Method: BCa, Resamples: g.Resamples, Seed: 5}
	ci, err := bs.IntervalTable(tab, CramersV)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(ci.Lo-g.CramersV.CI95[0]) > 0.03 || math.Abs(ci.Hi-g.CramersV.CI95[1]) > 0.03 {
		t.Errorf("Cramer's V interval [%.4f, %.4f], SciPy [%.4f, %.4f] (%s)", ci.Lo, ci.Hi, g.CramersV.CI95[0], g.CramersV.CI95[1], g.CramersV.Source)
	}
	again, _ := bs.IntervalTable(tab, CramersV)
	if again != ci {
		t.Errorf("same seed gave %v then %v", ci, again)
	}
	if _, err := bs.IntervalTable([][]float64{{1, -1}}, CramersV); err == nil {
		t.Error("a negative count: no error")
	}
}

func TestRowStatisticsRefuseBadData(t *testing.T) {
	if _, err := SpearmanRows([]float64{1, math.NaN()}, []float64{1, 2}); err == nil {
		t.Error("SpearmanRows with NaN: no error")
	}
	if _, err := KruskalEpsilonSquaredRows([]float64{1, 2}, []int{0, -1}); err == nil {
		t.Error("KruskalEpsilonSquaredRows with a negative group: no error")
	}
	if _, err := RankBiserialRows([]float64{1, 2}, []bool{true, true}); err == nil {
		t.Error("RankBiserialRows with one group: no error")
	}
	if _, err := (Bootstrap{}).IntervalRows(1, func([]float64) float64 { return 0 }); err == nil {
		t.Error("IntervalRows of one row: no error")
	}
}
