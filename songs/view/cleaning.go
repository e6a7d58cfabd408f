package view

import (
	"fmt"
	"sort"
	"strings"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/chart"
	"github.com/songcohorts/cohorts/songs/report"
)

// IntegritySummary states the inspection's result in a sentence or two.
func IntegritySummary(in catalog.Integrity) string {
	n := report.FormatInt
	s := report.Markdownf("The catalog has **%s rows** and %d columns: %s exact duplicate rows, %s missing cells, "+
		"%s repeated ids and no `uri` that disagrees with its id. ",
		n(in.Rows), in.Columns, n(in.ExactDuplicates), n(in.MissingCells), n(in.DuplicateIDs+in.ConflictingIDs))
	s += report.Markdownf("It lists %s distinct titles", n(in.DistinctTitles))
	if in.Albums > 0 {
		s += report.Markdownf(" on %s albums", n(in.Albums))
	}
	if in.Years > 0 {
		s += report.Markdownf(" released in %d different years (%s to %s)", in.Years, in.FirstDate.String(), in.LastDate.String())
	}
	s += report.Markdownf(". **%s of the loaded tracks repeat an earlier track's audio features and duration exactly**: "+
		"%s recordings are released more than once before cleaning.", n(in.ReissueRows), n(in.ReissueGroups))
	return s
}

// DistributionGrid draws a histogram-and-box panel for every numeric
// column of the catalog.
func DistributionGrid(cat *catalog.Catalog, title string) (chart.Figure, error) {
	cols := cat.NumericColumns()
	xs := make([][]float64, len(cols))
	names := make([]string, len(cols))
	for i, c := range cols {
		xs[i] = cat.Values(c)
		names[i] = c
		if c == catalog.DurationMS {
			for j := range xs[i] {
				xs[i][j] /= 60000
			}
			names[i] = "duration (min)"
		} else if u := catalog.Units(c); u != "" && u != "0-1" {
			names[i] += " (" + u + ")"
		}
	}
	out := catalog.Outliers(cat)
	sort.SliceStable(out, func(a, b int) bool { return out[a].IQR > out[b].IQR })
	caption := "Bars count tracks and the box marks the quartiles; values on or beyond Tukey's fences are drawn as points."
	if len(out) > 1 && out[0].IQR > 0 {
		caption += fmt.Sprintf(" %s has the most (%d), then %s (%d).", out[0].Column, out[0].IQR, out[1].Column, out[1].IQR)
	}
	return chart.HistogramBoxGrid(xs, names, 3, chart.Options{Title: title, YLabel: "tracks", Caption: caption})
}

// CleaningSummary states how many rows were loaded, removed (by rule) and
// kept, and compares the kept count with the original study's where it
// applies.
func CleaningSummary(c *catalog.Cleaned) string {
	loaded, kept := len(c.Loaded.Tracks), len(c.Tracks.Tracks)
	counts := c.RuleCounts()
	var parts []string
	for _, r := range []string{catalog.RuleMissing, catalog.RuleOutOfRange, catalog.RuleEmptyTitle, catalog.RuleBadDate, catalog.RuleExactDuplicate, catalog.RuleDuplicateID, catalog.RuleConflictingID, catalog.RuleOriginalExtreme} {
		if counts[r] > 0 {
			parts = append(parts, fmt.Sprintf("%s: %s", r, report.FormatInt(counts[r])))
		}
	}
	why := "none"
	if len(parts) > 0 {
		why = strings.Join(parts, ", ")
	}
	s := report.Markdownf("**%s tracks loaded, %s removed, %s kept.** Log entries by rule (a track can match several): %s.",
		report.FormatInt(loaded), report.FormatInt(loaded-kept), report.FormatInt(kept), why)
	if catalog.HoldsCourseFile(c.Loaded) {
		s += report.Markdownf(" The original study's hand-picked drops applied: it kept %s rows; this cleaning keeps %s (difference %d).",
			report.FormatInt(songs.OriginalRowsAfterCleaning), report.FormatInt(kept), kept-songs.OriginalRowsAfterCleaning)
	} else {
		s += " The original study's hand-picked drops did not apply: this catalog does not hold the course file's tracks."
	}
	return s
}

// InterimFilesTable lists the interim files written and read back
// (parquetfile.WriteInterim) with their paths in the project, row counts
// and sizes.
func InterimFilesTable(p songs.Params, files []catalog.WrittenFile) report.Table {
	rows := make([][]string, len(files))
	for i, f := range files {
		rows[i] = []string{p.Rel(p.Interim(f.Name)), itoa(f.Rows), fmt.Sprint(f.Bytes)}
	}
	t := report.NewTable([]string{"file", "rows", "bytes"}, rows)
	t.Caption = "Files written (read back)"
	return t
}
