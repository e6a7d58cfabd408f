package songs

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/songcohorts/cohorts/songs/report"
	"github.com/songcohorts/cohorts/songs/stats"
)

// ClaimTests tests the claims a reader of the original study would make,
// each with an effect size and a confidence interval, and adjusts the
// family's p-values with Holm's method:
//
//   - live recordings (by title or album) differ in popularity from studio
//     ones (Mann-Whitney U, rank-biserial r with a BCa bootstrap interval);
//   - popularity differs across release decades (Kruskal-Wallis, epsilon
//     squared) and between the earlier and later half of the catalogue
//     (Mann-Whitney U at the median release year);
//   - popularity differs across albums with at least 5 tracks
//     (Kruskal-Wallis, epsilon squared);
//   - each audio feature and duration is associated with popularity
//     (Spearman's rho with a Fisher-z interval).
//
// The seed drives the bootstrap intervals. A catalog without popularity
// has no claims to test: the error is a *MissingColumnError.
func ClaimTests(cat *Catalog, seed uint64) ([]stats.Result, error) {
	if err := cat.Require("the tests of the popularity claims", Popularity); err != nil {
		return nil, err
	}
	boot := stats.Bootstrap{Method: stats.BCa, Resamples: 2000, Seed: seed}
	var out []stats.Result
	add := func(r stats.Result, err error) error {
		if err != nil {
			return err
		}
		out = append(out, r)
		return nil
	}
	live, studio := splitBy(cat, func(t *Track) bool { return LiveByTitle(t) })
	if err := add(twoGroups(live, studio, "a live recording", "a studio recording", boot)); err != nil {
		return nil, fmt.Errorf("live vs studio: %w", err)
	}
	if cat.Has["decade"] {
		groups, names := groupBy(cat, func(t *Track) string {
			if t.Decade == 0 {
				return ""
			}
			return fmt.Sprintf("%ds", t.Decade)
		}, 2)
		if err := add(severalGroups(groups, names...)); err != nil {
			return nil, fmt.Errorf("decades: %w", err)
		}
	}
	if cat.Has["release_date"] {
		years := make([]float64, 0, len(cat.Tracks))
		for i := range cat.Tracks {
			years = append(years, float64(cat.Tracks[i].ReleaseDate.Year))
		}
		mid := int(stats.Quantile(years, 0.5))
		early, late := splitBy(cat, func(t *Track) bool { return t.ReleaseDate.Year <= mid })
		if err := add(twoGroups(late, early, fmt.Sprintf("a track released after %d", mid), fmt.Sprintf("a track released in %d or earlier", mid), boot)); err != nil {
			return nil, fmt.Errorf("early vs late: %w", err)
		}
	}
	if cat.Has["album"] {
		groups, names := groupBy(cat, func(t *Track) string { return t.Album }, 5)
		if err := add(severalGroups(groups, fmt.Sprintf("%d albums with 5 or more tracks", len(names)))); err != nil {
			return nil, fmt.Errorf("albums: %w", err)
		}
	}
	pop := cat.Column(Popularity)
	for _, f := range append(append([]string(nil), AudioFeatures...), DurationMS) {
		r, err := stats.Spearman(cat.Column(f), pop, stats.TwoSided, 0.95)
		if err := add(r.WithGroups(f, Popularity), err); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
	}
	stats.AdjustResults(out, stats.Holm)
	return out, nil
}

// twoGroups compares popularity in two groups by Mann-Whitney U with the
// rank-biserial correlation and its bootstrap interval.
func twoGroups(x, y []float64, nx, ny string, boot stats.Bootstrap) (stats.Result, error) {
	r, err := stats.MannWhitneyU(x, y, stats.TwoSided, stats.MWUAuto, true)
	if err != nil {
		return r, err
	}
	ci, err := boot.Interval2(x, y, stats.RankBiserial)
	if err != nil {
		return r, err
	}
	r = r.WithEffect("rank-biserial r", stats.RankBiserial(x, y), ci).WithGroups(nx, ny)
	r.Measure = Popularity
	return r, nil
}

// severalGroups compares popularity across groups by Kruskal-Wallis with
// epsilon squared; names label the groups (one name may stand for all).
func severalGroups(groups [][]float64, names ...string) (stats.Result, error) {
	r, err := stats.KruskalWallis(groups...)
	if err != nil {
		return r, err
	}
	n := 0
	for _, g := range groups {
		n += len(g)
	}
	r = r.WithEffect("epsilon squared", stats.KruskalEpsilonSquared(r.Statistic, n), stats.Interval{}).WithGroups(names...)
	r.Measure = Popularity
	return r, nil
}

// splitBy splits popularity by a predicate.
func splitBy(cat *Catalog, in func(*Track) bool) (yes, no []float64) {
	for i := range cat.Tracks {
		if in(&cat.Tracks[i]) {
			yes = append(yes, cat.Tracks[i].Popularity)
		} else {
			no = append(no, cat.Tracks[i].Popularity)
		}
	}
	return yes, no
}

// groupBy groups popularity by a key (empty keys dropped), keeping groups
// of at least min tracks, in key order.
func groupBy(cat *Catalog, key func(*Track) string, min int) ([][]float64, []string) {
	by := map[string][]float64{}
	for i := range cat.Tracks {
		if k := key(&cat.Tracks[i]); k != "" {
			by[k] = append(by[k], cat.Tracks[i].Popularity)
		}
	}
	var names []string
	for k, v := range by {
		if len(v) >= min {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	groups := make([][]float64, len(names))
	for i, k := range names {
		groups[i] = by[k]
	}
	return groups, names
}

// ClaimTable tabulates test results under a caption.
func ClaimTable(rs []stats.Result, caption string) report.Table {
	var rows [][]string
	for _, r := range rs {
		ci := ""
		if r.CI.Level > 0 {
			ci = "[" + ftoa(r.CI.Lo, 3) + ", " + ftoa(r.CI.Hi, 3) + "]"
		}
		groups := ""
		for i, g := range r.Groups {
			if i > 0 {
				groups += " vs "
			}
			groups += g
		}
		rows = append(rows, []string{r.Test, shorten(groups, 60), ftoa(r.Statistic, 3), dfText(r), pText(r.P), pText(r.PAdjusted),
			r.EffectName + " = " + ftoa(r.Effect, 3), ci})
	}
	t := report.NewTable([]string{"test", "groups", "statistic", "df", "p", "Holm p", "effect size", "95% CI"}, rows)
	t.Caption = caption
	return t
}

func dfText(r stats.Result) string {
	if r.DF != r.DF {
		return ""
	}
	if r.DF2 == r.DF2 {
		return ftoa(r.DF, 0) + ", " + ftoa(r.DF2, 1)
	}
	return ftoa(r.DF, 0)
}

// Readings lists each result's plain-language reading as Markdown bullets.
func Readings(rs []stats.Result) string {
	s := ""
	for _, r := range rs {
		s += "- " + report.EscapeMarkdown(r.Reading()) + "\n"
	}
	return s
}

// PopularityDrivers runs ClaimTests and picks the readings that say what
// drives popularity: the live-versus-studio comparison and the feature most
// strongly correlated with popularity. A catalog without popularity has
// none.
func PopularityDrivers(cat *Catalog, seed uint64) ([]string, error) {
	if cat.Require("", Popularity) != nil {
		return nil, nil
	}
	rs, err := ClaimTests(cat, seed)
	if err != nil {
		return nil, err
	}
	var out []string
	best := -1
	for i, r := range rs {
		switch {
		case r.Test == "Mann-Whitney U" && len(r.Groups) == 2 && r.Groups[0] == "a live recording":
			out = append(out, r.Reading())
		case strings.HasPrefix(r.Test, "Spearman") && (best < 0 || math.Abs(r.Statistic) > math.Abs(rs[best].Statistic)):
			best = i
		}
	}
	if best >= 0 {
		out = append(out, "Strongest single correlate: "+rs[best].Reading())
	}
	return out, nil
}
