package songs

import (
	"errors"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
)

// TestClaimTestsRealCatalog compares every test of the claims family on
// the cleaned course catalog with SciPy (mannwhitneyu two-sided with the
// continuity correction, kruskal, spearmanr; the live split replicates
// LiveByTitle's patterns) and the Holm-adjusted p-values with statsmodels'
// multipletests over the same family (testdata/gen_golden_domain.py).
func TestClaimTestsRealCatalog(t *testing.T) {
	cat := studytest.RealCleaned(t).Tracks
	g := readGoldenDomain(t).Real.Claims
	rs, err := ClaimTests(cat, 42)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != len(g.Tests) {
		t.Fatalf("%d results, want %d", len(rs), len(g.Tests))
	}
	for i, w := range g.Tests {
		r := rs[i]
		if !strings.HasPrefix(r.Test, w.Test) {
			t.Errorf("test %d is %q, want %q (%s)", i, r.Test, w.Test, w.Claim)
			continue
		}
		// The statistics are sums of ranks and exact to rounding; p-values
		// far in the tail depend on the distribution functions' precision.
		if !studytest.Near(r.Statistic, w.Statistic, 1e-10) || !studytest.Near(r.P, w.P, 1e-8) || !studytest.Near(r.PAdjusted, w.PHolm, 1e-8) {
			t.Errorf("%s: statistic %v p %v Holm %v, want %v %v %v (%s)", w.Claim, r.Statistic, r.P, r.PAdjusted,
				w.Statistic, w.P, w.PHolm, g.Source)
		}
	}
	live := rs[0]
	if live.Groups[0] != "a live recording" || live.Groups[1] != "a studio recording" || live.EffectName != "rank-biserial r" {
		t.Errorf("live vs studio result: %+v", live)
	}
	if !(live.CI.Lo <= live.Effect && live.Effect <= live.CI.Hi) {
		t.Errorf("rank-biserial r %v outside its interval [%v, %v]", live.Effect, live.CI.Lo, live.CI.Hi)
	}
	if testing.Short() {
		return // PopularityDrivers runs the family again, with its bootstrap intervals
	}
	drivers, err := PopularityDrivers(cat, 42)
	if err != nil || len(drivers) != 2 || !strings.HasPrefix(drivers[1], "Strongest single correlate:") {
		t.Errorf("PopularityDrivers = %q, %v", drivers, err)
	}
}

// TestClaimTestsNeedPopularity checks that a catalog without popularity
// (as the hit-predictor catalog) has no claims to test.
func TestClaimTestsNeedPopularity(t *testing.T) {
	cat := studytest.MustLoad(t, catalogtest.CSVText(catalogtest.HitHeader, 20, false, nil))
	_, err := ClaimTests(cat, 1)
	var mc *catalog.MissingColumnError
	if !errors.As(err, &mc) || len(mc.Columns) != 1 || mc.Columns[0] != catalog.Popularity {
		t.Fatalf("ClaimTests without popularity: %v (%T), want a *MissingColumnError naming popularity", err, err)
	}
	if d, err := PopularityDrivers(cat, 1); d != nil || err != nil {
		t.Errorf("PopularityDrivers without popularity = %q, %v; want nothing", d, err)
	}
}
