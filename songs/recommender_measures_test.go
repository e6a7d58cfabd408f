package songs

import (
	"fmt"
	"math"
	"reflect"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
	"github.com/songcohorts/cohorts/songs/internal/goldentest"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
)

// goldenRecommender is testdata/golden_recommender.json, written by
// testdata/gen_golden_recommender.py with SciPy 1.10.1 and scikit-learn
// 1.2.1 (NumPy 1.24.2). Each record's Source names the call that produced
// its numbers.
type goldenRecommender struct {
	Versions map[string]string `json:"versions"`
	Skewness []struct {
		Counts []int   `json:"counts"`
		Skew   float64 `json:"skew"`
		Source string  `json:"source"`
	} `json:"skewness"`
	NDCG []struct {
		Hits     []bool  `json:"hits"`
		Relevant int     `json:"relevant"`
		K        int     `json:"k"`
		NDCG     float64 `json:"ndcg"`
		Source   string  `json:"source"`
	} `json:"ndcg"`
	IntraListDiversity struct {
		Rows   [][]float64 `json:"rows"`
		ILD    float64     `json:"ild"`
		Source string      `json:"source"`
	} `json:"intra_list_diversity"`
	LocalScaling struct {
		Points      [][]float64 `json:"points"`
		K           int         `json:"k"`
		N           int         `json:"n"`
		Sigma       []float64   `json:"sigma"`
		PlainLists  [][]int     `json:"plain_lists"`
		LSLists     [][]int     `json:"ls_lists"`
		PlainCounts []int       `json:"plain_counts"`
		LSCounts    []int       `json:"ls_counts"`
		PlainSkew   float64     `json:"plain_skew"`
		LSSkew      float64     `json:"ls_skew"`
		Source      string      `json:"source"`
	} `json:"local_scaling"`
}

// loadGoldenRecommender reads the recommender's references
// (testdata/golden_recommender.json, written by testdata/gen_golden_recommender.py).
func loadGoldenRecommender(t *testing.T) goldenRecommender {
	t.Helper()
	return goldentest.Read[goldenRecommender](t, "testdata/golden_recommender.json")
}

func TestRPrecision(t *testing.T) {
	// Hand-computed: R-precision counts the hits among the first R places.
	for _, c := range []struct {
		hits     []bool
		relevant int
		want     float64
	}{
		{[]bool{true, false, true, true}, 3, 2.0 / 3}, // hits at ranks 1 and 3 of the first 3
		{[]bool{false, false, false, true}, 3, 0},     // the hit at rank 4 is past R
		{[]bool{true, true}, 4, 0.5},                  // a list shorter than R: missing places miss
		{[]bool{true}, 1, 1},
	} {
		if got := RPrecision(c.hits, c.relevant); !scalar.EqualWithinAbs(got, c.want, 1e-15) {
			t.Errorf("RPrecision(%v, %d) = %v, want %v", c.hits, c.relevant, got, c.want)
		}
	}
	mustPanic(t, "RPrecision with no relevant item", func() { RPrecision(nil, 0) })
}

func TestNDCG(t *testing.T) {
	g := loadGoldenRecommender(t)
	for _, c := range g.NDCG {
		if got := NDCG(c.Hits, c.Relevant, c.K); !scalar.EqualWithinAbs(got, c.NDCG, 1e-12) {
			t.Errorf("NDCG(%v, %d, %d) = %v, want %v (%s)", c.Hits, c.Relevant, c.K, got, c.NDCG, c.Source)
		}
	}
	// Hand-computed: one hit at rank 2 of 2 relevant items, k = 10:
	// DCG = 1/log2(3), IDCG = 1 + 1/log2(3).
	want := (1 / math.Log2(3)) / (1 + 1/math.Log2(3))
	if got := NDCG([]bool{false, true}, 2, 10); !scalar.EqualWithinAbs(got, want, 1e-15) {
		t.Errorf("NDCG one hit at rank 2 = %v, want %v", got, want)
	}
	mustPanic(t, "NDCG with k = 0", func() { NDCG([]bool{true}, 1, 0) })
}

func TestHubnessSkewness(t *testing.T) {
	g := loadGoldenRecommender(t)
	for _, c := range g.Skewness {
		if got := HubnessSkewness(c.Counts); !scalar.EqualWithinAbs(got, c.Skew, 1e-12) {
			t.Errorf("HubnessSkewness(%v) = %v, want %v (%s)", c.Counts, got, c.Skew, c.Source)
		}
	}
	// Equal counts: 0 by this package's convention (SciPy gives NaN).
	if got := HubnessSkewness([]int{4, 4, 4}); got != 0 {
		t.Errorf("equal counts: %v, want 0", got)
	}
	if !math.IsNaN(HubnessSkewness(nil)) {
		t.Error("no counts: want NaN")
	}
}

func TestCoverageAndOccurrence(t *testing.T) {
	// Hand-computed: 5 items, lists {0,1}, {1,2}, {1}: items 0, 1, 2 appear
	// (3 of 5); item 1 three times; items 3 and 4 never (2 of 5).
	lists := [][]int{{0, 1}, {1, 2}, {1}}
	if got := Coverage(lists, 5); got != 0.6 {
		t.Errorf("Coverage = %v, want 0.6", got)
	}
	counts := KOccurrence(lists, 5)
	if !reflect.DeepEqual(counts, []int{1, 3, 1, 0, 0}) {
		t.Errorf("KOccurrence = %v, want [1 3 1 0 0]", counts)
	}
	if got := NeverRecommendedShare(counts); got != 0.4 {
		t.Errorf("NeverRecommendedShare = %v, want 0.4", got)
	}
	mustPanic(t, "Coverage of no items", func() { Coverage(lists, 0) })
}

func TestIntraListDiversity(t *testing.T) {
	g := loadGoldenRecommender(t).IntraListDiversity
	rows := g.Rows
	dist := func(i, j int) float64 { return distance(rows[i], rows[j]) }
	if got := IntraListDiversity([]int{0, 1, 2, 3}, dist); !scalar.EqualWithinAbs(got, g.ILD, 1e-12) {
		t.Errorf("IntraListDiversity = %v, want %v (%s)", got, g.ILD, g.Source)
	}
	// Hand-computed: three points on a line at 0, 1 and 3: pairs 1, 3, 2.
	line := [][]float64{{0}, {1}, {3}}
	if got := IntraListDiversity([]int{0, 1, 2}, func(i, j int) float64 { return distance(line[i], line[j]) }); got != 2 {
		t.Errorf("IntraListDiversity on a line = %v, want 2", got)
	}
	if !math.IsNaN(IntraListDiversity([]int{0}, dist)) {
		t.Error("one item: want NaN")
	}
}

func TestNoveltyAndPopularityLift(t *testing.T) {
	// Hand-computed: popularity 20, 60 and a missing one: mean of 0.8 and 0.4.
	if got := Novelty([]float64{20, 60, math.NaN()}); !scalar.EqualWithinAbs(got, 0.6, 1e-15) {
		t.Errorf("Novelty = %v, want 0.6", got)
	}
	if !math.IsNaN(Novelty([]float64{math.NaN()})) {
		t.Error("Novelty without popularity: want NaN")
	}
	// Hand-computed: recommended means 30 and 50 (GAP 40), seed means 20
	// and 30 (GAP 25): lift (40 - 25) / 25 = 0.6.
	rec := [][]float64{{20, 40}, {50}}
	seeds := [][]float64{{20}, {10, 50}}
	if got := PopularityLift(rec, seeds); !scalar.EqualWithinAbs(got, 0.6, 1e-15) {
		t.Errorf("PopularityLift = %v, want 0.6", got)
	}
	// A query without popularity on one side is skipped.
	if got := PopularityLift(append(rec, []float64{math.NaN()}), append(seeds, []float64{10})); !scalar.EqualWithinAbs(got, 0.6, 1e-15) {
		t.Errorf("PopularityLift with a query to skip = %v, want 0.6", got)
	}
	mustPanic(t, "PopularityLift of unequal lengths", func() { PopularityLift(rec, seeds[:1]) })
}

// pointsRecommender is a recommender over the given rows (as its
// standardised features), one recording and one song per row, all in
// cohort 0 and without popularity.
func pointsRecommender(points [][]float64) *Recommender {
	cat := &catalog.Catalog{Has: map[string]bool{}}
	x := mat.NewDense(len(points), len(points[0]), nil)
	for i, p := range points {
		cat.Tracks = append(cat.Tracks, catalog.Track{ID: catalogtest.ID(i), Name: fmt.Sprintf("Song %d", i), Popularity: math.NaN()})
		x.SetRow(i, p)
	}
	return newRecommender(cat, make([]int, len(points)), x)
}

// Local scaling on twelve points with a crowded centre, against
// testdata/gen_golden_recommender.py: the scales, each point's nearest
// points by plain and by locally scaled distance, and the hubness before
// and after.
func TestLocalScaling(t *testing.T) {
	g := loadGoldenRecommender(t).LocalScaling
	r := pointsRecommender(g.Points)
	for i, s := range r.localScales(g.K).sigma {
		if !scalar.EqualWithinAbs(s, g.Sigma[i], 1e-12) {
			t.Errorf("sigma[%d] = %v, want %v (%s)", i, s, g.Sigma[i], g.Source)
		}
	}
	ids := func(ps []picked) []int {
		out := []int{}
		for _, p := range ps {
			out = append(out, p.i)
		}
		return out
	}
	for i := range g.Points {
		seed := []int{i}
		plain := ids(r.rank(seed, r.exclusion(seed, true), RecommendOptions{N: g.N}, nil))
		scaled := ids(r.rank(seed, r.exclusion(seed, true), RecommendOptions{N: g.N, LocalScaling: g.K}, nil))
		if !reflect.DeepEqual(plain, g.PlainLists[i]) || !reflect.DeepEqual(scaled, g.LSLists[i]) {
			t.Errorf("point %d: plain %v, scaled %v; want %v, %v", i, plain, scaled, g.PlainLists[i], g.LSLists[i])
		}
	}
	ev, err := EvaluateRecommender(r, Evaluation{N: g.N, SeedTracks: 1, MinSongs: 2, Resamples: 10, Seed: 1},
		[]Method{{Key: "plain"}, {Key: "scaled", Options: RecommendOptions{LocalScaling: g.K}}})
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range []struct {
		skew float64
		max  int
	}{{g.PlainSkew, 8}, {g.LSSkew, 4}} { // the largest counts of plain_counts and ls_counts
		m := ev.Methods[k]
		if !scalar.EqualWithinAbs(m.HubnessSkew, want.skew, 1e-12) || m.MaxOccurrence != want.max || m.NeverRecommended != 0 {
			t.Errorf("%s: skewness %v, largest count %d, never %v; want %v, %d, 0", m.Method.Key, m.HubnessSkew, m.MaxOccurrence, m.NeverRecommended, want.skew, want.max)
		}
	}
	// The scores are 1 - LS, from the seed's own scale: for point 0 and
	// its first local-scaling pick j, exp(-d^2 / (sigma_0 sigma_j)).
	recs := studytest.Must(r.Recommend([]string{catalogtest.ID(0)}, RecommendOptions{N: 1, LocalScaling: g.K}))(t)
	j := g.LSLists[0][0]
	d := distance(g.Points[0], g.Points[j])
	if want := math.Exp(-d * d / (g.Sigma[0] * g.Sigma[j])); !scalar.EqualWithinAbs(recs[0].Score, want, 1e-12) {
		t.Errorf("score %v, want %v", recs[0].Score, want)
	}
	if _, err := r.Recommend([]string{catalogtest.ID(0)}, RecommendOptions{LocalScaling: len(g.Points)}); err == nil {
		t.Error("local scaling with k = the number of recordings: no error")
	}
}

// mustPanic fails unless f panics.
func mustPanic(t *testing.T, what string, f func()) {
	t.Helper()
	defer func() {
		if recover() == nil {
			t.Errorf("%s: no panic", what)
		}
	}()
	f()
}
