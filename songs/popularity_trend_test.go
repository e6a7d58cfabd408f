package songs

import (
	"errors"
	"math"
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
)

// checkClaim compares a test with its reference: rho (or H and epsilon
// squared), p and the Holm-adjusted p.
func checkClaim(t *testing.T, name string, got goldenClaimGot, want goldenClaim, source string) {
	t.Helper()
	stat, eff := want.Rho, want.Rho
	if want.H != 0 {
		stat, eff = want.H, want.Eps2
	}
	if !studytest.Near(got.stat, stat, 1e-9) || !studytest.Near(got.effect, eff, 1e-9) || !studytest.Near(got.p, want.P, 1e-6) || !studytest.Near(got.pHolm, want.PHolm, 1e-6) {
		t.Errorf("%s: statistic %.10g effect %.10g p %.6g Holm %.6g; reference %.10g %.10g %.6g %.6g (%s)", name, got.stat, got.effect, got.p, got.pHolm, stat, eff, want.P, want.PHolm, source)
	}
}

type goldenClaimGot struct{ stat, effect, p, pHolm float64 }

// TestPopularityOverTimeRealCatalog compares the time question on the
// cleaned course catalog with SciPy and statsmodels on the pandas
// re-implementation of one row per recording (gen_golden_domain.py): the
// family, Dunn's pairs, the windows and the decades; the bootstrap
// interval within Monte Carlo tolerance of scipy.stats.bootstrap (9,999
// resamples against our 2,000); and the original study's published means
// of yearly means, 19.83 and 20.99 (ORIGINAL-STUDY.md).
func TestPopularityOverTimeRealCatalog(t *testing.T) {
	cat := studytest.RealCleaned(t).Tracks
	g := readGoldenDomain(t).Real.OverTime
	tr, err := PopularityOverTime(cat, 50, 42)
	if err != nil {
		t.Fatal(err)
	}
	if tr.Recordings != g.Recordings || len(tr.Family) != len(g.Family) {
		t.Fatalf("%d recordings, %d tests; reference %d, %d", tr.Recordings, len(tr.Family), g.Recordings, len(g.Family))
	}
	for i, w := range g.Family {
		r := tr.Family[i]
		checkClaim(t, r.Groups[0], goldenClaimGot{r.Statistic, r.Effect, r.P, r.PAdjusted}, w, g.Source)
	}
	if ci := tr.Family[TrendAll].CI; math.Abs(ci.Lo-g.CI95Trend[0]) > 0.01 || math.Abs(ci.Hi-g.CI95Trend[1]) > 0.01 {
		t.Errorf("trend interval %v, SciPy %v", ci, g.CI95Trend)
	}
	if len(tr.Pairs) != len(g.Dunn) {
		t.Fatalf("%d pairs, reference %d", len(tr.Pairs), len(g.Dunn))
	}
	for i, w := range g.Dunn {
		p := tr.Pairs[i]
		if p.A != g.Decades[w.I] || p.B != g.Decades[w.J] || !studytest.Near(p.Z, w.Z, 1e-9) || !studytest.Near(p.P, w.P, 1e-6) || !studytest.Near(p.PAdjusted, w.PHolm, 1e-6) {
			t.Errorf("pair %d: %+v, reference %+v", i, p, w)
		}
	}
	for k, w := range g.Windows {
		got := tr.Windows
		from := []int{got.FirstFrom, got.LastFrom}[k]
		if from != w.From || !studytest.Near(got.YearlyMeans[k], w.YearlyMeans, 1e-12) || !studytest.Near(got.TrackMeans[k], w.TrackMean, 1e-12) ||
			got.Tracks[k] != w.Tracks || !studytest.Near(got.RecordingMeans[k], w.RecordingMean, 1e-12) || got.Recordings[k] != w.Recordings {
			t.Errorf("window %d: %+v, reference %+v", k, got, w)
		}
	}
	if math.Round(100*tr.Windows.YearlyMeans[0]) != 1983 || math.Round(100*tr.Windows.YearlyMeans[1]) != 2099 {
		t.Errorf("means of yearly means %.4f, %.4f; the original published 19.83 and 20.99", tr.Windows.YearlyMeans[0], tr.Windows.YearlyMeans[1])
	}
	for i, w := range g.Describe {
		d := tr.Decades[i]
		if d.Decade != w.Decade || d.Peak.Album != w.Peak || d.All.N != w.All.N || !studytest.Near(d.All.Mean, *w.All.Mean, 1e-12) ||
			!studytest.Near(d.All.Lo, w.All.Lo, 1e-9) || !studytest.Near(d.Studio.Mean, *w.Studio.Mean, 1e-12) || d.Live.N != w.Live.N ||
			!studytest.Near(d.Live.Hi, w.Live.Hi, 1e-9) || d.All.Median != w.All.Median {
			t.Errorf("decade %d: %+v, reference %+v", w.Decade, d, w)
		}
	}
	again, _ := PopularityOverTime(cat, 50, 42)
	if again.Family[TrendAll].CI != tr.Family[TrendAll].CI {
		t.Errorf("same seed gave %v then %v", tr.Family[TrendAll].CI, again.Family[TrendAll].CI)
	}
}

// TestPopularityOverTimeNeedsDates: without release dates the question does
// not apply.
func TestPopularityOverTimeNeedsDates(t *testing.T) {
	cat := &catalog.Catalog{Has: map[string]bool{catalog.Popularity: true}}
	if _, err := PopularityOverTime(cat, 50, 1); !errors.As(err, new(*catalog.MissingColumnError)) {
		t.Errorf("without release dates: %v, want a MissingColumnError", err)
	}
}
