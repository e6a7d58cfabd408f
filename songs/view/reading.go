package view

import (
	"fmt"
	"math"
	"strings"

	"github.com/songcohorts/cohorts/songs/stats"
)

// Alpha is the significance level used by Reading to call a difference or
// an association significant.
const Alpha = 0.05

// Reading returns a one-sentence plain-language interpretation of r,
// computed from its numbers, for example
//
//	Popularity is lower for Live than for Studio (median 12 vs 25; rank-biserial r = -0.41, 95% CI -0.50 to -0.31; Holm-adjusted p < 0.001).
//
// A comparison of two groups names the direction when the (adjusted)
// p-value is below Alpha, and says there is no evidence of a difference
// otherwise; a correlation names its sign and its size (strength: Cohen's
// conventions); a test of several groups says whether they differ. Unnamed groups are called
// "group 1", "group 2", and so on.
func Reading(r stats.Result) string {
	p, pName := r.P, "p"
	if !math.IsNaN(r.PAdjusted) {
		p = r.PAdjusted
		pName = "adjusted p"
		if r.Correction != "" {
			pName = r.Correction + "-adjusted p"
		}
	}
	sig := p < Alpha
	names := groupNames(r)
	var details []string
	var head string
	switch {
	case len(r.Centers) == 2:
		a, b := names[0], names[1]
		dir := r.Centers[0] - r.Centers[1]
		if dir == 0 && !math.IsNaN(r.Effect) {
			dir = r.Effect
		}
		if dir == 0 && !math.IsNaN(r.Statistic) && strings.Contains(r.Test, "t-test") {
			dir = r.Statistic
		}
		measure := "values"
		if r.Measure != "" {
			measure = r.Measure
		}
		switch {
		case math.IsNaN(p):
			head = fmt.Sprintf("%s and %s cannot be compared with this test", a, b)
		case sig && dir < 0:
			head = upperFirst(fmt.Sprintf("%s is lower for %s than for %s", measure, a, b))
		case sig && dir > 0:
			head = upperFirst(fmt.Sprintf("%s is higher for %s than for %s", measure, a, b))
		case sig:
			head = fmt.Sprintf("%s and %s differ in the distribution of %s", a, b, measure)
		default:
			head = fmt.Sprintf("There is no evidence that %s and %s differ%s", a, b, inMeasure(r.Measure))
		}
		details = append(details, fmt.Sprintf("%s %s vs %s", r.CenterName, num(r.Centers[0]), num(r.Centers[1])))
	case len(r.Groups) == 2:
		a, b := names[0], names[1]
		switch {
		case math.IsNaN(p):
			head = fmt.Sprintf("The association between %s and %s is undefined", a, b)
		case !sig:
			head = fmt.Sprintf("There is no evidence of an association between %s and %s", a, b)
		case signed(r.Test) && (r.Statistic < 0 || (!math.IsNaN(r.Effect) && r.Effect < 0)):
			head = fmt.Sprintf("%s and %s show a %s negative association", a, b, strength(r.Statistic))
		case signed(r.Test) && r.Statistic > 0:
			head = fmt.Sprintf("%s and %s show a %s positive association", a, b, strength(r.Statistic))
		default:
			head = fmt.Sprintf("%s and %s are associated", a, b)
		}
	default:
		list := "the groups"
		switch {
		case len(r.Groups) == 1:
			list = r.Groups[0] // one name for them all, e.g. "90 albums"
		case len(r.Groups) > 0:
			list = joinNames(names)
		}
		switch {
		case math.IsNaN(p):
			head = fmt.Sprintf("The test cannot compare %s", list)
		case sig:
			head = upperFirst(fmt.Sprintf("%s differ%s", list, inMeasure(r.Measure)))
		default:
			head = fmt.Sprintf("There is no evidence that %s differ%s", list, inMeasure(r.Measure))
		}
		if !math.IsNaN(r.Statistic) {
			s := fmt.Sprintf("%s = %s", statSymbol(r.Test), num(r.Statistic))
			if !math.IsNaN(r.DF) {
				if math.IsNaN(r.DF2) {
					s += fmt.Sprintf(", df = %s", num(r.DF))
				} else {
					s += fmt.Sprintf(", df = %s, %s", num(r.DF), num(r.DF2))
				}
			}
			details = append(details, s)
		}
	}
	if r.EffectName != "" && !math.IsNaN(r.Effect) {
		e := fmt.Sprintf("%s = %.2f", r.EffectName, r.Effect)
		if r.CI.Level > 0 {
			e += fmt.Sprintf(", %g%% CI %.2f to %.2f", 100*r.CI.Level, r.CI.Lo, r.CI.Hi)
		}
		details = append(details, e)
	}
	details = append(details, pPhrase(pName, p))
	return head + " (" + strings.Join(details, "; ") + ")."
}

// signed reports whether a test's statistic has a direction (a
// correlation), unlike a chi-square or an odds ratio test of association.
func signed(test string) bool {
	t := strings.ToLower(test)
	return strings.Contains(t, "correlation") || strings.Contains(t, "kendall") || strings.Contains(t, "spearman") || strings.Contains(t, "pearson")
}

func groupNames(r stats.Result) []string {
	n := len(r.Groups)
	if len(r.Centers) > n {
		n = len(r.Centers)
	}
	if n < 2 {
		n = 2
	}
	names := make([]string, n)
	for i := range names {
		if i < len(r.Groups) && r.Groups[i] != "" {
			names[i] = r.Groups[i]
		} else {
			names[i] = fmt.Sprintf("group %d", i+1)
		}
	}
	return names
}

func inMeasure(m string) string {
	if m == "" {
		return ""
	}
	return " in " + m
}

func joinNames(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	case 2:
		return names[0] + " and " + names[1]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func statSymbol(test string) string {
	switch {
	case strings.Contains(test, "Kruskal"):
		return "H"
	case strings.Contains(test, "chi-square"), strings.Contains(test, "Chi-square"):
		return "chi2"
	case strings.Contains(test, "ANOVA"), strings.Contains(test, "Levene"), strings.Contains(test, "Brown-Forsythe"):
		return "F"
	}
	return "statistic"
}

// num prints a number with up to three significant decimals and no
// trailing zeros.
func num(v float64) string {
	if math.IsNaN(v) {
		return "NaN"
	}
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return fmt.Sprintf("%.0f", v)
	}
	a := math.Abs(v)
	switch {
	case a >= 100:
		return fmt.Sprintf("%.1f", v)
	case a >= 1:
		return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.2f", v), "0"), ".")
	}
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.3f", v), "0"), ".")
}

func pPhrase(name string, p float64) string {
	switch {
	case math.IsNaN(p):
		return name + " undefined"
	case p < 0.001:
		return name + " < 0.001"
	}
	return fmt.Sprintf("%s = %.3f", name, p)
}
