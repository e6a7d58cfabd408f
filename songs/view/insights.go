package view

import (
	"math"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/report"
)

// Insights states what the cohorts mean for recommendations, computed from
// the profiles: the most and least popular cohorts and what drives
// popularity.
func Insights(cs []songs.Cohort, claims []string) string {
	if len(cs) == 0 {
		return ""
	}
	hi, lo := cs[0], cs[0]
	for _, c := range cs {
		if c.Popularity > hi.Popularity {
			hi = c
		}
		if c.Popularity < lo.Popularity {
			lo = c
		}
	}
	s := report.Markdownf("- **Which cohort to draw from.** A listener of a song in cohort %d (%s) should be offered songs of that cohort first: "+
		"cohorts are regions of similar sound, and the evaluation above measures how much better than chance nearest songs do.\n", hi.ID, hi.Name)
	if !math.IsNaN(hi.Popularity) {
		s += report.Markdownf("- **Where popularity lives.** Cohort %d (%s) has the highest mean popularity (%.1f, %.1f%% popular songs); cohort %d (%s) the lowest (%.1f, %.1f%%).\n",
			hi.ID, hi.Name, hi.Popularity, 100*hi.PopularShare, lo.ID, lo.Name, lo.Popularity, 100*lo.PopularShare)
	}
	for _, c := range claims {
		s += "- " + report.EscapeMarkdown(c) + "\n"
	}
	s += "- **Limits.** Silhouettes near 0.2 mean the cohorts overlap: they are soft regions, not genres. Popularity is today's " +
		"Spotify popularity, which favours remasters and playlisted songs; audio features are Spotify's estimates; one artist's " +
		"catalog says little about listeners in general.\n"
	return s
}
