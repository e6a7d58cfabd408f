package view

import (
	"fmt"
	"math"
	"strings"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/report"
	"github.com/songcohorts/cohorts/songs/stats"
)

// dash stands for a value that does not apply to a test (explained in the
// table's caption), never an empty cell.
const dash = "–"

// Questions names each family of the claims for a reader.
var Questions = map[string]string{
	songs.QuestionTime:     "How has popularity changed over time?",
	songs.QuestionLive:     "Do live recordings differ in popularity from studio ones?",
	songs.QuestionAlbums:   "How much of popularity does the release explain?",
	songs.QuestionFeatures: "Which audio features go with popularity?",
	songs.QuestionHits:     "Do hits sound different from the other tracks?",
}

// claimRow is one result as table cells: test, groups, statistic, df, p,
// adjusted p, effect size and its interval.
func claimRow(r stats.Result) []string {
	groups := strings.Join(r.Groups, " vs ")
	if len(r.Groups) > 4 {
		groups = fmt.Sprintf("%d groups: %s to %s", len(r.Groups), r.Groups[0], r.Groups[len(r.Groups)-1])
	}
	ci := dash
	if r.CI.Level > 0 && !math.IsNaN(r.CI.Lo) {
		ci = "[" + ftoa(r.CI.Lo, 3) + ", " + ftoa(r.CI.Hi, 3) + "]"
	}
	effect := dash
	if r.EffectName != "" && !math.IsNaN(r.Effect) {
		effect = r.EffectName + " = " + ftoa(r.Effect, 3)
	}
	adj := dash
	if !math.IsNaN(r.PAdjusted) {
		adj = pText(r.PAdjusted)
	}
	return []string{r.Test, groups, ftoa(r.Statistic, 3), dfText(r), pText(r.P), adj, effect, ci}
}

// ClaimTable tabulates test results under a caption.
func ClaimTable(rs []stats.Result, caption string) report.Table {
	var rows [][]string
	for _, r := range rs {
		rows = append(rows, claimRow(r))
	}
	t := report.NewTable([]string{"test", "groups", "statistic", "df", "p", "Holm p", "effect size", "95% CI"}, rows)
	t.Caption = caption + " (– where a test has no degrees of freedom or interval)"
	return t
}

// ClaimFamiliesTable tabulates the claims question by question: each
// question's tests are Holm-adjusted together, and every effect size has
// a BCa bootstrap interval over recordings.
func ClaimFamiliesTable(c *songs.Claims) report.Table {
	var rows [][]string
	for _, f := range c.Families {
		for _, r := range f.Results {
			row := claimRow(r)
			if f.Question == songs.QuestionHits && r.Measure != "" {
				row[1] = r.Measure + ": " + row[1] // one test per feature, the same groups
			}
			rows = append(rows, append([]string{Questions[f.Question]}, row...))
		}
	}
	t := report.NewTable([]string{"question", "test", "compared", "statistic", "df", "p", "Holm p within the question", "effect size", "95% bootstrap CI"}, rows)
	t.Caption = fmt.Sprintf("Tests of the study's claims on %s recordings, one family per question (– where a test has no degrees of freedom)", report.FormatInt(c.Recordings))
	return t
}

func dfText(r stats.Result) string {
	if math.IsNaN(r.DF) {
		return dash
	}
	if !math.IsNaN(r.DF2) {
		return ftoa(r.DF, 0) + ", " + ftoa(r.DF2, 1)
	}
	return ftoa(r.DF, 0)
}

// Readings lists each result's plain-language reading (Reading) as
// Markdown bullets.
func Readings(rs []stats.Result) string {
	s := ""
	for _, r := range rs {
		s += "- " + report.EscapeMarkdown(upperFirst(Reading(r))) + "\n"
	}
	return s
}

// ClaimReadings reads the claims question by question: each question in
// bold, the answer to the time question (TimeAnswer), the readings of its
// results, and the album effect (AlbumEffectParagraph) after the albums
// question, or why it was not measured.
func ClaimReadings(cat *catalog.Catalog, c *songs.Claims) string {
	features, _ := c.Family(songs.QuestionFeatures)
	s := ""
	for _, f := range c.Families {
		s += "**" + report.EscapeMarkdown(Questions[f.Question]) + "**\n\n"
		if f.Question == songs.QuestionTime && c.Time != nil {
			s += TimeAnswer(c.Time) + "\n\n"
		}
		s += Readings(f.Results) + "\n"
		if f.Question == songs.QuestionAlbums && c.Albums != nil && len(features.Results) > 0 {
			s += AlbumEffectParagraph(cat, c.Albums, features) + "\n\n"
		}
	}
	if c.NoAlbums != nil {
		s += "**" + report.EscapeMarkdown(Questions[songs.QuestionAlbums]) + "**\n\n" + report.EscapeMarkdown(c.NoAlbums.Error()) + "\n\n"
	}
	return s
}

// FeatureTable shows the features family: each feature's Spearman rho
// with popularity over recordings, its bootstrap interval and its p-value
// Holm-adjusted over the features.
func FeatureTable(f songs.ClaimFamily) report.Table {
	var rows [][]string
	for _, r := range f.Results {
		rows = append(rows, []string{r.Groups[0], ftoa(r.Effect, 3), "[" + ftoa(r.CI.Lo, 3) + ", " + ftoa(r.CI.Hi, 3) + "]", pText(r.P), pText(r.PAdjusted), strength(r.Effect)})
	}
	t := report.NewTable([]string{"feature", "Spearman rho", "95% bootstrap CI", "p", "Holm p", "size"}, rows)
	t.Caption = fmt.Sprintf("Correlation of each feature with popularity on %s recordings (Holm over the %d features)", report.FormatInt(f.Recordings), len(f.Results))
	return t
}

// strongest returns the feature result of largest |rho|.
func strongest(f songs.ClaimFamily) stats.Result {
	best := f.Results[0]
	for _, r := range f.Results[1:] {
		if math.Abs(r.Effect) > math.Abs(best.Effect) {
			best = r
		}
	}
	return best
}

// AlbumEffectParagraph says how much of popularity the release explains
// against the strongest audio feature, how far the copies of one
// recording differ, and what this means for claims that a feature drives
// popularity.
func AlbumEffectParagraph(cat *catalog.Catalog, a *songs.AlbumEffect, features songs.ClaimFamily) string {
	r := a.Result
	best := strongest(features)
	than := "far more of its popularity than its sound"
	switch rho2 := best.Effect * best.Effect; {
	case rho2 >= r.Effect:
		than = "no more of its popularity than its sound"
	case rho2 > r.Effect/2:
		than = "more of its popularity than its sound"
	}
	s := report.Markdownf("**The album effect.** Which release a recording is on explains %s: across %d releases "+
		"(%d recordings), epsilon squared = %.2f (95%% CI %.2f to %.2f) of the variance of popularity ranks lies between releases, "+
		"while the strongest audio feature, %s, has rho = %.2f, so rho squared = %.3f.",
		than, a.Releases, a.Recordings, r.Effect, r.CI.Lo, r.CI.Hi, best.Groups[0], best.Effect, best.Effect*best.Effect)
	if a.Reissued > 0 {
		lo, hi := &cat.Tracks[a.Widest.Low], &cat.Tracks[a.Widest.High]
		s += report.Markdownf(" Copies of one recording differ by a median of %.0f popularity points (over %d reissued recordings); "+
			"%s has popularity %.0f on %s and %.0f on %s.",
			a.MedianCopyRange, a.Reissued, hi.Name, lo.Popularity, lo.Album, hi.Popularity, hi.Album)
	}
	if best.Effect*best.Effect >= r.Effect {
		return s + " The correlations of features with popularity describe the catalog, not what listeners prefer: a causal claim would need " +
			"comparisons within releases."
	}
	degree := "largely"
	if r.Effect < 0.5 {
		degree = "partly"
	}
	s += " Popularity is " + degree + " a property of the release (how it is promoted and which edition Spotify plays), so a feature that " +
		"differs between popular and unpopular releases, such as the liveness of concert albums, correlates with popularity without making " +
		"a song popular: the correlations of features with popularity describe the catalog, not what listeners prefer, and a causal claim would need " +
		"comparisons within releases."
	return s
}
