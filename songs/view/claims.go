package view

import (
	"github.com/songcohorts/cohorts/songs/report"
	"github.com/songcohorts/cohorts/songs/stats"
)

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
		rows = append(rows, []string{r.Test, groups, ftoa(r.Statistic, 3), dfText(r), pText(r.P), pText(r.PAdjusted),
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
