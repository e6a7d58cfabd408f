package view

import (
	"fmt"
	"sort"
	"strings"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/report"
)

// bullets writes findings as a markdown list.
func bullets(items []string) string {
	return "- " + strings.Join(items, "\n- ")
}

// CleaningFindings are notebook 01's key findings: how many tracks were
// loaded and kept and why the others went, the reissued recordings, and
// the outliers.
func CleaningFindings(c *catalog.Cleaned) string {
	loaded, kept := len(c.Loaded.Tracks), len(c.Tracks.Tracks)
	in := catalog.Inspect(c.Loaded)
	var items []string
	removed := report.Markdownf("**%s tracks loaded, %s kept.**", report.FormatInt(loaded), report.FormatInt(kept))
	counts := tracksByRule(c)
	var why []string
	for _, r := range []struct{ rule, words string }{
		{catalog.RuleMissing, "with a missing value"}, {catalog.RuleOutOfRange, "out of the dictionary's range"},
		{catalog.RuleEmptyTitle, "without a title"}, {catalog.RuleBadDate, "with an invalid date"},
		{catalog.RuleExactDuplicate, "exact duplicates"}, {catalog.RuleDuplicateID, "repeating an id"},
		{catalog.RuleConflictingID, "repeating an id with other data"}, {catalog.RuleOriginalExtreme, "dropped by the original study's hand-picked rules"},
	} {
		if n := counts[r.rule]; n > 0 {
			why = append(why, fmt.Sprintf("%s %s", report.FormatInt(n), r.words))
		}
	}
	if len(why) == 0 {
		removed += " No track was removed."
	} else {
		removed += report.Markdownf(" Removed tracks (one can have several reasons): %s.", strings.Join(why, "; "))
	}
	items = append(items, removed)
	if in.ExactDuplicates == 0 && in.MissingCells == 0 && in.DuplicateIDs+in.ConflictingIDs == 0 {
		items = append(items, "The file has no duplicate rows, no missing values and no repeated ids; every `uri` matches its id.")
	}
	if n := catalog.ReissueCount(c.Reissues); n > 0 {
		items = append(items, report.Markdownf("**%s of the kept tracks are later copies of %s recordings** (remasters and other editions "+
			"with identical audio): the clustering counts each recording once.", report.FormatInt(n), report.FormatInt(len(c.Reissues))))
	}
	out := append([]catalog.OutlierReport(nil), c.Outliers...)
	sort.SliceStable(out, func(a, b int) bool { return out[a].IQR > out[b].IQR })
	if len(out) > 1 && out[0].IQR > 0 {
		items = append(items, report.Markdownf("**Outliers are reported, not removed:** %s has %s values on or beyond Tukey's fences "+
			"and %s %s; they are real recordings (long live jams, spoken intros).", out[0].Column, report.FormatInt(out[0].IQR),
			out[1].Column, report.FormatInt(out[1].IQR)))
	}
	return bullets(items)
}

// tracksByRule counts the distinct tracks the cleaning log removes under
// each rule.
func tracksByRule(c *catalog.Cleaned) map[string]int {
	seen := map[[3]string]bool{}
	out := map[string]int{}
	for _, e := range c.Log {
		k := [3]string{e.Rule, e.Source, fmt.Sprint(e.Record)}
		if !seen[k] {
			seen[k] = true
			out[e.Rule]++
		}
	}
	return out
}

// ExplorationFindings are notebook 02's key findings (songs.Explore): the
// two albums and the time trend where the catalog allows them, what goes
// with popularity against the album effect, the strongest correlation of
// two features, the live flags and the principal components.
func ExplorationFindings(e *songs.Exploration) string {
	var items []string
	if e.Albums != nil {
		items = append(items, AlbumSummary(*e.Albums))
	}
	if e.Trend != nil {
		items = append(items, TimeSummary(e.Trend))
	}
	if e.Features != nil && e.Effect != nil {
		best := strongest(*e.Features)
		items = append(items, report.Markdownf("**The release matters more than the sound:** the release explains epsilon squared = %.2f "+
			"of popularity ranks, the strongest audio feature (%s, rho = %.2f) %.1f%%.", e.Effect.Result.Effect, best.Groups[0], best.Effect,
			100*best.Effect*best.Effect))
	}
	items = append(items, report.Markdownf("**%s and %s rise together most** (Pearson r = %+.2f); %s and %s move most against each other (r = %+.2f).",
		capitalised(e.Positive.A), e.Positive.B, e.Positive.R, e.Negative.A, e.Negative.B, e.Negative.R))
	items = append(items, report.Markdownf("The live flag from titles and liveness above %.1f agree on %.1f%% of tracks (Cohen's kappa %.2f).",
		catalog.LiveLiveness, 100*e.Live.Agreement(), e.Live.Kappa()))
	if len(items) < 6 {
		items = append(items, report.Markdownf("%d principal components keep 95%% of the variance (the first %.0f%%): the features do not reduce to a few directions.",
			e.Components, 100*e.First))
	}
	return bullets(items)
}

// capitalised returns s with its first letter in upper case.
func capitalised(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
