package view

import (
	"fmt"
	"strings"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/report"
	"github.com/songcohorts/cohorts/songs/stats"
)

// SplitSummary says plainly what the top-level split is: each cohort's
// name, size and live share, and how closely membership follows the live
// flag (assoc: songs.CohortAssociation, the live flag first).
func SplitSummary(cs []songs.Cohort, assoc []stats.Result) string {
	settings := map[string]bool{}
	for _, c := range cs {
		settings[c.Setting] = true
	}
	liveStudio := settings[songs.SettingLive] && settings[songs.SettingStudio]
	what := "live recordings against studio recordings"
	if !liveStudio {
		what = "not live against studio; it separates sounds"
	}
	out := report.Markdownf("**The top-level split is %s.** ", what)
	for i, c := range cs {
		word, sep := "cohort", "; "
		if i == 0 {
			word = "Cohort"
		}
		if i == len(cs)-1 {
			sep = ". "
		}
		out += report.Markdownf("%s %d, **%s**, holds %s tracks (%s recordings), %.0f%% of them live by title or album", word, c.ID, c.Name,
			report.FormatInt(c.Size), report.FormatInt(c.Recordings), 100*c.LiveShare) + sep
	}
	if len(assoc) > 0 {
		r := assoc[0]
		if associated(r) {
			out += report.Markdownf("Cohort membership follows the title's live flag with Cramér's V %.2f (chi-square, Holm-adjusted p %s)", r.Effect, pProse(r.PAdjusted))
		} else {
			out += report.Markdownf("Cohort membership barely depends on the title's live flag (Cramér's V %.2f, chi-square, Holm-adjusted p %s)", r.Effect, pProse(r.PAdjusted))
		}
		if liveStudio && r.Effect >= 0.5 {
			out += ": a regular expression on the titles gives most of this split for free, so its value lies in the live tracks the titles do not mark and in the sub-cohorts within each side."
		} else {
			out += ": the split is not the live flag by another name."
		}
	}
	return out
}

// pProse writes a p-value after "p" in prose: "< 0.001" or "= 0.012".
func pProse(p float64) string {
	if s := pText(p); strings.HasPrefix(s, "<") {
		return s
	}
	return "= " + pText(p)
}

// SidesTable shows each cohort's recordings clustered alone: the cohorts'
// algorithm's best solution, its structureless reference and stability,
// and the sub-cohorts kept.
func SidesTable(v *songs.Validation, cs []songs.Cohort) report.Table {
	var rows [][]string
	split := 0
	for _, s := range v.Sides {
		row := []string{fmt.Sprintf("%d: %s", s.Cohort, cs[s.Cohort].Name), itoa(s.N)}
		if !s.Clustered() {
			row = append(row, "–", "–", "–", "–", "1", sideReason(v, s))
		} else {
			c := s.Check
			row = append(row, fmt.Sprintf("%s k = %d", c.Algorithm, c.K), ftoa(c.Silhouette, 4),
				fmt.Sprintf("%s ± %s (p = %s)", ftoa(c.Null.Mean, 4), ftoa(c.Null.SD, 4), ftoa(c.Null.P, 3)),
				fmt.Sprintf("%s [%s, %s]", ftoa(c.Stability.Mean, 2), ftoa(c.Stability.CI95[0], 2), ftoa(c.Stability.CI95[1], 2)),
				itoa(s.K), sideReason(v, s))
		}
		if s.K > 1 {
			split++
		}
		rows = append(rows, row)
	}
	t := report.NewTable([]string{"cohort", "recordings clustered", "best solution", "silhouette", "one Gaussian: mean ± sd", "stability [95% of resamples]", "sub-cohorts", "why"}, rows)
	t.Caption = fmt.Sprintf("Each cohort clustered alone: %d of %d show structure beyond one Gaussian that comes back under resampling", split, len(v.Sides))
	return t
}

// sideReason says why a side has its number of sub-cohorts.
func sideReason(v *songs.Validation, s songs.Side) string {
	switch {
	case s.N < songs.MinSideRows:
		return fmt.Sprintf("too few recordings to cluster (under %d)", songs.MinSideRows)
	case !s.Clustered():
		return "every solution is degenerate"
	case !s.Check.Null.Beaten():
		return "no structure beyond one Gaussian"
	case s.Check.Stability.Mean < v.Plan.MinStability:
		return fmt.Sprintf("beats one Gaussian but is unstable (mean ARI under %s)", ftoa(v.Plan.MinStability, 2))
	}
	return "beats one Gaussian and is stable"
}

// SidesReading states, side by side, which cohorts split and why.
func SidesReading(v *songs.Validation, cs []songs.Cohort) string {
	var parts []string
	for _, s := range v.Sides {
		c := cs[s.Cohort]
		n := report.Markdownf("%s recordings", report.FormatInt(s.N))
		if s.N < c.Recordings { // the validation clustered a sample
			n = report.Markdownf("a sample of %s of its %s recordings", report.FormatInt(s.N), report.FormatInt(c.Recordings))
		}
		if s.K > 1 {
			parts = append(parts, report.Markdownf("**%s** (%s) splits into **%d sub-cohorts**. ", c.Name, n, s.K)+referenceSentence(s.Check))
			continue
		}
		parts = append(parts, report.Markdownf("**%s** (%s) **stays one sub-cohort**: %s.", c.Name, n, sideReason(v, s)))
	}
	return strings.Join(parts, " ")
}

// HierarchyTable lists the cohorts and their sub-cohorts with the absolute
// levels their names describe and typical songs (examples from
// songs.SubcohortExamples, in the order of subs).
func HierarchyTable(cat *catalog.Catalog, cs, subs []songs.Cohort, examples [][]int) report.Table {
	hasPop := cat.Has[catalog.Popularity]
	feats := []string{catalog.Energy, catalog.Danceability, catalog.Acousticness, catalog.Valence, catalog.Tempo}
	headers := []string{"cohort", "name", "tracks", "% live"}
	for _, f := range feats {
		headers = append(headers, "median "+f)
	}
	if hasPop {
		headers = append(headers, "mean popularity")
	}
	headers = append(headers, "typical songs (nearest the centre)")
	idx := func(f string) int {
		for j, p := range songs.ProfileFeatures {
			if p == f {
				return j
			}
		}
		panic("view: no profile feature " + f)
	}
	row := func(c songs.Cohort, ex []int) []string {
		r := []string{c.Label, c.Name, itoa(c.Size), ftoa(100*c.LiveShare, 0)}
		for _, f := range feats {
			dec := 2
			if f == catalog.Tempo {
				dec = 0
			}
			r = append(r, ftoa(c.Median[idx(f)], dec))
		}
		if hasPop {
			r = append(r, ftoa(c.Popularity, 1))
		}
		var names []string
		for _, i := range ex {
			names = append(names, cat.Tracks[i].Name)
		}
		if len(names) == 0 {
			names = []string{"–"}
		}
		return append(r, strings.Join(names, "; "))
	}
	var rows [][]string
	for _, c := range cs {
		rows = append(rows, row(c, nil))
		for i, s := range subs {
			if s.Parent == c.ID {
				rows = append(rows, row(s, examples[i]))
			}
		}
	}
	t := report.NewTable(headers, rows)
	t.Caption = fmt.Sprintf("The cohort hierarchy: %d cohorts and %d sub-cohorts (labelled cohort.sub-cohort), with the medians their names describe in absolute terms", len(cs), len(subs))
	return t
}

// CohortInsights states what the cohort hierarchy means for
// recommendations, as actions with the numbers behind them.
func CohortInsights(v *songs.Validation, cs, subs []songs.Cohort) string {
	var out string
	live, studio := -1, -1
	for _, c := range cs {
		switch c.Setting {
		case songs.SettingLive:
			live = c.ID
		case songs.SettingStudio:
			studio = c.ID
		}
	}
	if live >= 0 && studio >= 0 {
		l, s := cs[live], cs[studio]
		out += report.Markdownf("- **Keep concert recordings on their own shelf.** The top-level cohorts are live (%s, %d tracks) and studio (%s, %d tracks): "+
			"a playlist seeded with a studio song should draw from the studio cohort unless the listener asks for live versions. "+
			"The titles mark %.0f%% of the live cohort as live; the other %.0f%% carry no live title (live recordings the titles miss, or studio recordings that sound live), and %.0f%% of the studio cohort carry one.\n",
			l.Name, l.Size, s.Name, s.Size, 100*l.LiveShare, 100*(1-l.LiveShare), 100*s.LiveShare)
	}
	for _, side := range v.Sides {
		parent := cs[side.Cohort]
		if side.K < 2 {
			out += report.Markdownf("- **%s has no sub-cohorts to offer:** %s; recommend within it by nearest songs.\n", parent.Name, sideReason(v, side))
			continue
		}
		var names []string
		for _, s := range subs {
			if s.Parent == side.Cohort {
				names = append(names, report.Markdownf("%s (%d tracks)", s.Name, s.Size))
			}
		}
		out += report.Markdownf("- **Within %s, choose by mood with the sub-cohorts:** ", parent.Name) + strings.Join(names, "; ") +
			report.Markdownf(". They come back under resampling with a mean ARI of %.2f (95%% of resamples between %.2f and %.2f).\n",
				side.Check.Stability.Mean, side.Check.Stability.CI95[0], side.Check.Stability.CI95[1])
	}
	c := v.ChosenCheck()
	out += report.Markdownf("- **Limits of the cohorts.** Their silhouette (%.3f) is above that of a catalog without clusters (%.3f ± %.3f) but low in absolute terms: "+
		"the cohorts are overlapping regions of one continuum, so songs near a border belong to both and a recommender should rank by distance, not by cohort alone.\n",
		c.Silhouette, c.Null.Mean, c.Null.SD)
	return out
}
