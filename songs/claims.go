package songs

import (
	"fmt"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/stats"
)

// The questions the claims answer. Each question's tests form one family,
// Holm-adjusted on its own, so a finding has one verdict wherever it is
// shown.
const (
	// QuestionTime: how has popularity changed over time?
	// (PopularityOverTime)
	QuestionTime = "time"
	// QuestionLive: do live recordings differ in popularity from studio
	// ones?
	QuestionLive = "live"
	// QuestionAlbums: how much of popularity does the album explain?
	// (AlbumEffectOn)
	QuestionAlbums = "albums"
	// QuestionFeatures: which audio features go with popularity?
	// (FeatureTests)
	QuestionFeatures = "features"
)

// ClaimFamily is the tests that answer one question, with p-values
// Holm-adjusted within the family and BCa bootstrap intervals (over
// recordings) for every effect size.
type ClaimFamily struct {
	Question string
	// Recordings is the number of recordings the tests ran on.
	Recordings int
	Results    []stats.Result
}

// Claims are the tests of the study's claims on one row per recording
// (Recordings), one family per question.
type Claims struct {
	// Recordings is the number of recordings tested.
	Recordings int
	// Families are the questions the catalog allows, in the order hits,
	// time, live, albums, features.
	Families []ClaimFamily
	// Time is the time question in full (decades, pairs, windows); nil
	// without release dates.
	Time *PopularityTrend
	// Albums is the album effect in full; nil without albums, or when the
	// catalog has too few large releases to measure it, and then NoAlbums
	// says why (a *TooFewReleasesError).
	Albums   *AlbumEffect
	NoAlbums error
}

// Family returns the family answering a question, and whether there is
// one.
func (c *Claims) Family(question string) (ClaimFamily, bool) {
	for _, f := range c.Families {
		if f.Question == question {
			return f, true
		}
	}
	return ClaimFamily{}, false
}

// ClaimTests tests the claims a reader of the original study would make,
// on one row per recording, one family per question:
//
//   - time: PopularityOverTime's family (Spearman of release year and
//     popularity overall, for studio and for live recordings; decades by
//     Kruskal-Wallis);
//   - live: live recordings (by title or album) against studio ones,
//     Mann-Whitney U with the rank-biserial r;
//   - albums: AlbumEffectOn (Kruskal-Wallis across releases, epsilon
//     squared), left out with the reason in NoAlbums when the catalog has
//     too few large releases;
//   - features: FeatureTests (Spearman of each audio feature and duration
//     with popularity);
//   - hits, first, for a catalog with a hit flag: HitTests (each feature
//     between hits and the other recordings).
//
// The threshold picks each decade's peak release; the seed drives the
// bootstrap intervals. The same calls give the notebooks' other views of
// these questions the same numbers. A catalog without popularity tests the
// hits alone; one with neither popularity nor a hit flag has no claims to
// test: the error is a *catalog.MissingColumnError.
func ClaimTests(cat *catalog.Catalog, threshold float64, seed uint64) (*Claims, error) {
	recs := Recordings(cat)
	out := &Claims{Recordings: len(recs)}
	if _, ok, err := Hits(cat); err != nil {
		return nil, err
	} else if ok {
		f, err := HitTests(cat, seed)
		if err != nil {
			return nil, err
		}
		out.Families = append(out.Families, f)
	}
	if err := cat.Require("the test of the popularity claims", catalog.Popularity); err != nil {
		if len(out.Families) > 0 {
			return out, nil // a catalog with a hit flag but no popularity
		}
		return nil, err
	}
	if cat.Has[catalog.ReleaseDate] {
		t, err := PopularityOverTime(cat, threshold, seed)
		if err != nil {
			return nil, err
		}
		out.Time = t
		out.Families = append(out.Families, ClaimFamily{QuestionTime, t.Recordings, t.Family})
	}
	live, err := liveClaim(recs, seed)
	if err != nil {
		return nil, fmt.Errorf("live vs studio: %w", err)
	}
	out.Families = append(out.Families, ClaimFamily{QuestionLive, len(recs), []stats.Result{live}})
	if cat.Has[catalog.Album] {
		switch a, err := AlbumEffectOn(cat, seed); {
		case err == nil:
			out.Albums = a
			out.Families = append(out.Families, ClaimFamily{QuestionAlbums, a.Recordings, []stats.Result{a.Result}})
		case NotApplicable(err):
			out.NoAlbums = err
		default:
			return nil, err
		}
	}
	f, err := FeatureTests(cat, seed)
	if err != nil {
		return nil, err
	}
	out.Families = append(out.Families, f)
	return out, nil
}

// liveClaim compares the popularity of live and studio recordings
// (Mann-Whitney U, rank-biserial r with its BCa bootstrap interval): a
// family of one test.
func liveClaim(recs []Recording, seed uint64) (stats.Result, error) {
	var live, studio, pop []float64
	first := make([]bool, len(recs))
	for i, r := range recs {
		pop = append(pop, r.Popularity)
		first[i] = r.Live
		if r.Live {
			live = append(live, r.Popularity)
		} else {
			studio = append(studio, r.Popularity)
		}
	}
	r, err := stats.MannWhitneyU(live, studio, stats.TwoSided, stats.MWUAuto, true)
	if err != nil {
		return r, err
	}
	rows, err := stats.RankBiserialRows(pop, first)
	if err != nil {
		return r, err
	}
	ci, err := claimBootstrap(seed, streamLive).IntervalRows(len(pop), rows)
	if err != nil {
		return r, err
	}
	r = r.WithEffect("rank-biserial r", stats.RankBiserial(live, studio), ci).WithGroups("live recordings", "studio recordings")
	r.Measure = catalog.Popularity
	family := []stats.Result{r} // a family of one: the adjusted p is p
	stats.AdjustResults(family, stats.Holm)
	return family[0], nil
}

// OutcomeClaims returns the claims about the catalog's outcome (ClaimTests:
// popularity, or the hit flag), behind the key findings and the insights,
// or nil for a catalog with neither, whose insights then rest on the
// cohorts alone.
func OutcomeClaims(cat *catalog.Catalog, threshold float64, seed uint64) (*Claims, error) {
	_, hits, err := Hits(cat)
	if err != nil {
		return nil, err
	}
	if !hits && cat.Require("", catalog.Popularity) != nil {
		return nil, nil
	}
	return ClaimTests(cat, threshold, seed)
}
