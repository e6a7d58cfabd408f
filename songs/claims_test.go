package songs

import (
	"errors"
	"math"
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
	"github.com/songcohorts/cohorts/songs/stats"
)

// TestClaimTestsRealCatalog compares every family of the claims on the
// cleaned course catalog with SciPy and statsmodels on the pandas
// re-implementation of one row per recording (gen_golden_domain.py), the
// bootstrap intervals within Monte Carlo tolerance of
// scipy.stats.bootstrap, and checks that each question's family is the one
// the notebooks' other calls (PopularityOverTime, FeatureTests,
// AlbumEffectOn) report: one verdict per finding.
func TestClaimTestsRealCatalog(t *testing.T) {
	if testing.Short() {
		t.Skip("bootstrap intervals of 16 tests")
	}
	cat := studytest.RealCleaned(t).Tracks
	g := readGoldenDomain(t).Real.RecordingClaims
	c, err := ClaimTests(cat, 50, 42)
	if err != nil {
		t.Fatal(err)
	}
	if c.Recordings != g.Recordings {
		t.Errorf("%d recordings, reference %d", c.Recordings, g.Recordings)
	}
	live, _ := c.Family(QuestionLive)
	r := live.Results[0]
	if !studytest.Near(r.Statistic, g.Live.U, 1e-12) || !studytest.Near(r.P, g.Live.P, 1e-6) || !studytest.Near(r.Effect, g.Live.RankBiserial, 1e-12) ||
		math.Abs(r.CI.Lo-g.Live.CI95[0]) > 0.01 || math.Abs(r.CI.Hi-g.Live.CI95[1]) > 0.01 {
		t.Errorf("live: U %v p %v r %v CI %v; reference %+v (%s)", r.Statistic, r.P, r.Effect, r.CI, g.Live, g.Source)
	}
	a := c.Albums
	if a.Releases != g.Albums.Releases || a.Recordings != g.Albums.Recordings || !studytest.Near(a.Result.Statistic, g.Albums.H, 1e-9) ||
		!studytest.Near(a.Result.Effect, g.Albums.Eps2, 1e-9) || math.Abs(a.Result.CI.Lo-g.Albums.CI95[0]) > 0.02 || math.Abs(a.Result.CI.Hi-g.Albums.CI95[1]) > 0.02 {
		t.Errorf("albums: %d releases %d recordings H %v eps2 %v CI %v; reference %+v", a.Releases, a.Recordings, a.Result.Statistic, a.Result.Effect, a.Result.CI, g.Albums)
	}
	if a.Reissued != g.Albums.Reissued || a.MedianCopyRange != g.Albums.MedianCopyRange || cat.Tracks[a.Widest.High].Name != g.Albums.Widest.Title ||
		cat.Tracks[a.Widest.High].Popularity-cat.Tracks[a.Widest.Low].Popularity != g.Albums.Widest.Range {
		t.Errorf("copies: %d reissued, median range %v, widest %q; reference %+v", a.Reissued, a.MedianCopyRange, cat.Tracks[a.Widest.High].Name, g.Albums)
	}
	features, _ := c.Family(QuestionFeatures)
	for i, w := range g.Features {
		r := features.Results[i]
		if r.Groups[0] != w.Feature {
			t.Fatalf("feature %d is %s, reference %s", i, r.Groups[0], w.Feature)
		}
		checkClaim(t, w.Feature, goldenClaimGot{r.Statistic, r.Effect, r.P, r.PAdjusted}, w.goldenClaim, g.Source)
	}
	// The same families from the notebooks' other calls: one verdict each.
	tr, _ := PopularityOverTime(cat, 50, 42)
	f, _ := FeatureTests(cat, 42)
	e, _ := AlbumEffectOn(cat, 42)
	time, _ := c.Family(QuestionTime)
	albums, _ := c.Family(QuestionAlbums)
	for _, pair := range []struct {
		name      string
		got, want []float64
	}{
		{"time", pvalues(time), pvaluesOf(tr.Family)},
		{"features", pvalues(features), pvaluesOf(f.Results)},
		{"albums", pvalues(albums), []float64{e.Result.PAdjusted, e.Result.CI.Lo, e.Result.CI.Hi}},
	} {
		for i := range pair.got {
			if pair.got[i] != pair.want[i] {
				t.Errorf("%s: ClaimTests gives %v, its own call %v", pair.name, pair.got, pair.want)
				break
			}
		}
	}
}

func pvalues(f ClaimFamily) []float64 { return pvaluesOf(f.Results) }

// pvaluesOf lists each result's adjusted p and interval.
func pvaluesOf(rs []stats.Result) []float64 {
	var out []float64
	for _, r := range rs {
		out = append(out, r.PAdjusted, r.CI.Lo, r.CI.Hi)
	}
	return out
}

// TestClaimTestsNeedPopularity checks that a catalog without popularity
// has no claims, and that PopularityDrivers then returns none.
func TestClaimTestsNeedPopularity(t *testing.T) {
	cat := &catalog.Catalog{Has: map[string]bool{}}
	var mc *catalog.MissingColumnError
	if _, err := ClaimTests(cat, 50, 1); !errors.As(err, &mc) || mc.Columns[0] != catalog.Popularity {
		t.Fatalf("ClaimTests without popularity: %v (%T), want a *MissingColumnError naming popularity", err, err)
	}
	if d, err := PopularityDrivers(cat, 50, 1); d != nil || err != nil {
		t.Errorf("PopularityDrivers without popularity = %v, %v; want nothing", d, err)
	}
}
