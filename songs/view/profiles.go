package view

import (
	"fmt"
	"strings"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/chart"
	"github.com/songcohorts/cohorts/songs/report"
)

// ProfileTable lists each cohort's size, name, popularity and its most
// distinguishing features.
func ProfileTable(cs []songs.Cohort, hasPopularity bool) report.Table {
	var rows [][]string
	for _, c := range cs {
		var feats []string
		for _, j := range c.Distinctive()[:4] {
			feats = append(feats, fmt.Sprintf("%s %+.2f", songs.ProfileFeatures[j], c.Z[j]))
		}
		row := []string{itoa(c.ID), c.Name, itoa(c.Size), ftoa(100*c.LiveShare, 1)}
		if hasPopularity {
			row = append(row, ftoa(c.Popularity, 1), ftoa(100*c.PopularShare, 1))
		}
		rows = append(rows, append(row, strings.Join(feats, "; ")))
	}
	headers := []string{"cohort", "name", "tracks", "% live (title)"}
	if hasPopularity {
		headers = append(headers, "mean popularity", "% popular")
	}
	t := report.NewTable(append(headers, "most distinctive features (standard deviations from the catalog mean)"), rows)
	t.Caption = "Cohort profiles"
	return t
}

// ProfileHeatmap draws the cohorts' standardised feature means.
func ProfileHeatmap(cs []songs.Cohort) (chart.Figure, error) {
	m := make([][]float64, len(cs))
	rows := make([]string, len(cs))
	for i, c := range cs {
		m[i] = c.Z
		rows[i] = fmt.Sprintf("%d: %s", c.ID, c.Name)
	}
	o := chart.HeatmapOptions{Diverging: true, Decimals: 2}
	o.Title = "Cohort profiles: mean of each feature in standard deviations from the catalog mean"
	return chart.Heatmap(m, rows, songs.ProfileFeatures, o)
}

// CohortNames lists "ID: name" for legends.
func CohortNames(cs []songs.Cohort) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = fmt.Sprintf("%d: %s", c.ID, c.Name)
	}
	return out
}
