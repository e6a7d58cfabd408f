package view_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
	"github.com/songcohorts/cohorts/songs/stats"
	"github.com/songcohorts/cohorts/songs/view"
)

// realClaims runs the claims on the cleaned course catalog once per test
// binary.
func realClaims(t *testing.T) *songs.Claims {
	t.Helper()
	cat := studytest.RealCleaned(t).Tracks
	return studytest.Cached(t, "claims of the course catalog", func() (*songs.Claims, error) { return songs.ClaimTests(cat, 50, 42) })
}

// TestClaimTable renders generic results: a dash, never an empty cell,
// where a test has no degrees of freedom or interval.
func TestClaimTable(t *testing.T) {
	r, err := stats.MannWhitneyU([]float64{1, 2, 3}, []float64{4, 5, 6}, stats.TwoSided, stats.MWUAuto, true)
	if err != nil {
		t.Fatal(err)
	}
	tb := view.ClaimTable([]stats.Result{r.WithGroups("a", "b")}, "claims")
	studytest.RendersBoth(t, tb)
	for _, c := range tb.Rows[0] {
		if c == "" || strings.Contains(c, "NaN") {
			t.Errorf("row %q has an empty or NaN cell", tb.Rows[0])
		}
	}
	if n := strings.Count(view.Readings([]stats.Result{r, r}), "\n- ") + 1; n != 2 {
		t.Errorf("%d readings for 2 results", n)
	}
}

// TestClaimViewsRealCatalog renders every view of the claims on the course
// catalog and checks the numbers the reader is told (from
// gen_golden_domain.py's records: 1,436 recordings; trend rho 0.054, Holm p
// 0.040; album epsilon squared 0.79 over 97 releases; liveness the
// strongest feature at -0.198).
func TestClaimViewsRealCatalog(t *testing.T) {
	if testing.Short() {
		t.Skip("bootstrap intervals of 16 tests")
	}
	cat := studytest.RealCleaned(t).Tracks
	c := realClaims(t)
	tb := view.ClaimFamiliesTable(c)
	studytest.RendersBoth(t, tb)
	if len(tb.Rows) != 16 || !strings.Contains(tb.Caption, "1436 recordings") {
		t.Errorf("%d rows (want 4 time + 1 live + 1 albums + 10 features), caption %q", len(tb.Rows), tb.Caption)
	}
	for _, row := range tb.Rows {
		for _, cell := range row {
			if cell == "" || strings.Contains(cell, "NaN") {
				t.Errorf("row %q has an empty or NaN cell", row)
			}
		}
	}
	r := view.ClaimReadings(cat, c)
	for _, want := range []string{"**How has popularity changed over time?**", "**Popularity has barely changed with release year**: across 1436 recordings it rose slightly (rho = 0.05",
		"Holm p = 0.040), a negligible association", "Within each kind of recording, studio recordings rose (rho = 0.22", "the mix changed",
		"**The album effect.**", "across 97 releases", "epsilon squared = 0.79", "liveness, has rho = -0.20", "Tumbling Dice"} {
		if !strings.Contains(r, want) {
			t.Errorf("readings lack %q:\n%s", want, r)
		}
	}
	pairs := view.DecadePairsTable(c.Time)
	studytest.RendersBoth(t, pairs)
	if len(pairs.Rows) != 21 || pairs.Rows[0][0] != "1960s vs 1970s" || pairs.Rows[0][5] != "the 1970s more popular" {
		t.Errorf("pairs: %d rows, first %q", len(pairs.Rows), pairs.Rows[0])
	}
	features, _ := c.Family(songs.QuestionFeatures)
	ft := view.FeatureTable(features)
	studytest.RendersBoth(t, ft)
	if len(ft.Rows) != 10 || ft.Rows[4][0] != "liveness" || ft.Rows[4][1] != "-0.198" {
		t.Errorf("feature rows %q", ft.Rows)
	}
	o := view.OriginalComparison(c.Time)
	for _, want := range []string{"1964-1968 (**19.83**)", "2018-2022 (**20.99**)", "18.24 (353 tracks)", "20.47 (352 tracks)", "21.81 (314 recordings)", "the 49 years between"} {
		if !strings.Contains(o, want) {
			t.Errorf("comparison %q lacks %q", o, want)
		}
	}
	fig, err := view.DecadeChart(c.Time)
	if err != nil || !bytes.HasPrefix(fig.PNG, []byte("\x89PNG")) {
		t.Fatalf("DecadeChart: %v", err)
	}
	if caption := fig.Caption; !strings.HasPrefix(caption, "Studio recordings are more popular than live ones in 7 of the 7 decades that have both.") || strings.Count(caption, ". ") > 1 {
		t.Errorf("caption %q: want two sentences, the first about 7 of 7 decades", caption)
	}
}
