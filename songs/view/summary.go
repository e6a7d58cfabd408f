package view

import (
	"fmt"
	"strings"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/report"
)

// StudyAnswers are the pieces of the study notebook 04's executive summary
// answers from, each computed by the call that makes it in its own
// notebook, so the summary's numbers are the sections' numbers.
type StudyAnswers struct {
	About       songs.About
	Cleaned     *catalog.Cleaned             // songs.LoadRaw
	Exploration *songs.Exploration           // songs.Explore
	Validation  *songs.Validation            // songs.ValidationFor
	Cohorts     []songs.Cohort               // songs.Profiles
	Subcohorts  []songs.Cohort               // songs.SubcohortProfiles
	Evaluation  *songs.RecommenderEvaluation // songs.EvaluationFor
}

// section links to a heading of a report: the notebook's stem and the
// heading's text, as nbconvert names its anchor.
func section(stem, heading, text string) string {
	anchor := strings.ReplaceAll(heading, " ", "-")
	href := "#" + anchor
	if stem != "" {
		href = stem + ".html" + href
	}
	return fmt.Sprintf("[%s](%s)", report.EscapeMarkdown(text), href)
}

// ExecutiveSummary answers the course's questions in order, each with its
// number and a link to the section that shows it: data quality, the two
// albums, popularity over time, what goes with popularity, the cohorts and
// their names, and the recommendations. A question the catalog's columns
// do not allow is answered in one sentence saying so.
func ExecutiveSummary(a StudyAnswers) string {
	var b strings.Builder
	b.WriteString(report.Markdownf("The study of *%s* in six answers, the questions of the course in order.\n\n", a.About.Title))
	item := func(q, answer, link string) {
		b.WriteString("- **" + q + "** " + answer + " " + link + "\n")
	}
	c := a.Cleaned
	loaded, kept := len(c.Loaded.Tracks), len(c.Tracks.Tracks)
	quality := report.Markdownf("%s tracks loaded, %s kept after cleaning", report.FormatInt(loaded), report.FormatInt(kept))
	if n := catalog.ReissueCount(c.Reissues); n > 0 {
		quality += report.Markdownf("; %s of them are later copies of %s recordings, so the clustering counts recordings, not tracks",
			report.FormatInt(n), report.FormatInt(len(c.Reissues)))
	}
	item("Data quality.", quality+".", section("01-cleaning", "Key findings", "(01, cleaning)"))
	e := a.Exploration
	if e.Albums != nil {
		item("The two albums to recommend.", AlbumSummary(*e.Albums), section("02-eda", "Popularity: songs and albums", "(02, albums)"))
	} else {
		item("The two albums to recommend.", whyNot(e.NoAlbums, "the album ranking"), "")
	}
	if e.Trend != nil {
		item("Popularity over time.", TimeSummary(e.Trend), section("02-eda", "How has popularity changed over time?", "(02, time)"))
	} else {
		item("Popularity over time.", whyNot(e.NoTrend, "popularity over time"), "")
	}
	corr := report.Markdownf("%s and %s rise together most (r = %+.2f), %s and %s move most against each other (r = %+.2f)",
		capitalised(e.Positive.A), e.Positive.B, e.Positive.R, e.Negative.A, e.Negative.B, e.Negative.R)
	if e.Features != nil {
		best := strongest(*e.Features)
		corr += report.Markdownf("; with popularity the strongest feature is %s (rho = %.2f)", best.Groups[0], best.Effect)
		if e.Effect != nil {
			corr += report.Markdownf(", while the release explains epsilon squared = %.2f of it", e.Effect.Result.Effect)
		}
	}
	item("Correlations.", corr+".", section("02-eda", "How the features move together", "(02, correlations)"))
	item("The cohorts.", cohortAnswer(a.Validation, a.Cohorts, a.Subcohorts), section("", "The cohort hierarchy", "(04, cohorts)"))
	if s := RecommenderSummary(a.Evaluation); s != "" {
		item("Recommendations.", s, section("", "Cohorts as a product, and recommendations", "(04, recommendations)"))
	}
	return b.String()
}

// whyNot is the sentence that says why a part of the study does not apply:
// the reason's own (songs.NotApplicable errors are written for reports), or,
// without one, a plain statement naming the step.
func whyNot(reason error, step string) string {
	if reason != nil {
		return report.EscapeMarkdown(reason.Error())
	}
	return report.EscapeMarkdown("The catalog does not allow " + step + ".")
}

// cohortAnswer names the chosen cohorts with their sizes, how the choice
// was checked, and how many sub-cohorts each splits into.
func cohortAnswer(v *songs.Validation, cs, subs []songs.Cohort) string {
	var names []string
	for _, c := range cs {
		n := 0
		for _, s := range subs {
			if s.Parent == c.ID {
				n++
			}
		}
		split := "not split further"
		if n > 1 {
			split = fmt.Sprintf("%d sub-cohorts", n)
		}
		names = append(names, fmt.Sprintf("%q (%s tracks, %s)", c.Name, report.FormatInt(c.Size), split))
	}
	ch := v.ChosenCheck()
	return report.Markdownf("%s with k = %d on the audio features gives %s. Its silhouette %.3f beats data drawn from one Gaussian "+
		"(%.3f ± %.3f over %d draws), and it comes back on resampled data (mean ARI %.2f, 95%% interval %.2f to %.2f).",
		v.Chosen.Algorithm, v.Chosen.K, strings.Join(names, " and "), v.Chosen.Silhouette, ch.Null.Mean, ch.Null.SD, len(ch.Null.Draws),
		ch.Stability.Mean, ch.Stability.CI95[0], ch.Stability.CI95[1])
}
