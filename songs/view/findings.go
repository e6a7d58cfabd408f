package view

import (
	"fmt"
	"sort"
	"strings"

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
