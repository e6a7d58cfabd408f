package view

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/report"
	"github.com/songcohorts/cohorts/songs/stats"
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
		items = append(items, report.Markdownf("**%s of the kept tracks are later copies of %s recordings** (identical audio features and "+
			"duration, as remasters, other editions and repeated listings have): the clustering counts each recording once.", report.FormatInt(n), report.FormatInt(len(c.Reissues))))
	}
	out := append([]catalog.OutlierReport(nil), c.Outliers...)
	sort.SliceStable(out, func(a, b int) bool { return out[a].IQR > out[b].IQR })
	if len(out) > 1 && out[0].IQR > 0 {
		items = append(items, report.Markdownf("**Outliers are reported, not removed:** %s has %s values on or beyond Tukey's fences "+
			"and %s %s; they lie within the data dictionary's ranges, so they stay in the study.", out[0].Column, report.FormatInt(out[0].IQR),
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
		headline := "The release matters more than the sound:"
		if best.Effect*best.Effect >= e.Effect.Result.Effect {
			headline = "The sound matters as much as the release:"
		}
		items = append(items, report.Markdownf("**%s** the release explains epsilon squared = %.2f "+
			"of popularity ranks, the strongest audio feature (%s, rho = %.2f) %.1f%%.", headline, e.Effect.Result.Effect, best.Groups[0], best.Effect,
			100*best.Effect*best.Effect))
	}
	if s := notApplicableSentence(e.NoAlbums, e.NoTrend, e.NoFeatures, e.NoEffect); s != "" {
		items = append(items, report.EscapeMarkdown(s))
	}
	items = append(items, report.Markdownf("**%s and %s rise together most** (Pearson r = %+.2f); %s and %s move most against each other (r = %+.2f).",
		capitalised(e.Positive.A), e.Positive.B, e.Positive.R, e.Negative.A, e.Negative.B, e.Negative.R))
	items = append(items, report.Markdownf("The live flag from titles and liveness above %.1f agree on %.1f%% of tracks (%s).",
		catalog.LiveLiveness, 100*e.Live.Agreement(), kappaText(e.Live)))
	if len(items) < 6 {
		items = append(items, report.Markdownf("%d principal components keep 95%% of the variance (the first %.0f%%): the features do not reduce to a few directions.",
			e.Components, 100*e.First))
	}
	return bullets(items)
}

// notApplicableSentence says in one sentence which steps do not apply to
// the catalog and why: the steps that lack columns (each a
// *catalog.MissingColumnError) together, with the union of the columns
// they lack, then each other reason's own sentence. Nil reasons are
// skipped; "" when all are nil.
func notApplicableSentence(reasons ...error) string {
	var cols, steps, others []string
	seen := map[string]bool{}
	for _, err := range reasons {
		var mc *catalog.MissingColumnError
		switch {
		case err == nil:
		case errors.As(err, &mc):
			for _, c := range mc.Columns {
				if !seen[c] {
					seen[c] = true
					cols = append(cols, c)
				}
			}
			steps = append(steps, mc.Step)
		default:
			others = append(others, err.Error())
		}
	}
	var out []string
	if len(steps) > 0 {
		out = append(out, (&catalog.MissingColumnError{Step: joinNames(steps), Columns: cols}).Error())
		if len(steps) > 1 {
			out[0] = strings.Replace(out[0], " does not apply.", " do not apply.", 1)
		}
	}
	return strings.Join(append(out, others...), " ")
}

// capitalised returns s with its first letter in upper case.
func capitalised(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// ValidationFindings are notebook 03's key findings: the answers of the
// claims (hits, live against studio, time) with their effect sizes, the
// chosen cohorts with their checks and sub-cohorts, and how closely the
// cohorts follow the live flag (assoc: songs.CohortAssociation).
func ValidationFindings(claims *songs.Claims, v *songs.Validation, cs, subs []songs.Cohort, assoc []stats.Result) string {
	var items []string
	if claims != nil {
		if f, ok := claims.Family(songs.QuestionHits); ok {
			items = append(items, strings.TrimSpace(strings.TrimPrefix(hitInsight(f), "- ")))
		}
		if f, ok := claims.Family(songs.QuestionLive); ok {
			items = append(items, report.EscapeMarkdown(Reading(f.Results[0])))
		}
		if claims.Time != nil {
			items = append(items, TimeSummary(claims.Time))
		}
	}
	items = append(items, cohortAnswer(v, cs, subs))
	if len(assoc) > 0 {
		items = append(items, associationFinding(assoc))
	}
	return bullets(items)
}

// associated reports whether a chi-square result of cohort membership
// shows an association worth a reader's attention: Holm-adjusted p below
// Alpha and Cramér's V of at least 0.1 (less is negligible).
func associated(r stats.Result) bool {
	return r.PAdjusted < Alpha && r.Effect >= 0.1
}

// associationFinding says how closely cohort membership follows the
// title's live flag (assoc[0], songs.CohortAssociation) and, when another
// grouping (the release decade) goes with the cohorts more closely, that
// one too.
func associationFinding(assoc []stats.Result) string {
	r := assoc[0]
	var s string
	if associated(r) {
		s = report.Markdownf("Cohort membership follows the title's live flag with Cramér's V = %.2f (95%% CI %.2f to %.2f)",
			r.Effect, r.CI.Lo, r.CI.Hi)
	} else {
		s = report.Markdownf("Cohort membership barely depends on the title's live flag (Cramér's V = %.2f, 95%% CI %.2f to %.2f; Holm-adjusted p %s)",
			r.Effect, r.CI.Lo, r.CI.Hi, pProse(r.PAdjusted))
	}
	for _, o := range assoc[1:] {
		if associated(o) && o.Effect > r.Effect && len(o.Groups) > 1 {
			s += report.Markdownf("; it goes with the %s more closely (Cramér's V = %.2f, 95%% CI %.2f to %.2f)", o.Groups[1], o.Effect, o.CI.Lo, o.CI.Hi)
			break
		}
	}
	return s + "."
}
