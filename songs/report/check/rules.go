package check

import (
	"fmt"
	"regexp"
	"strings"
)

// Options says what kind of report the text comes from.
type Options struct {
	// Catalog is the CATALOG the report was made from ("rolling-stones",
	// "hit-predictor", ...).
	Catalog string
	// NoCode is set for the code-free renditions (the HTML without code
	// and the DOCX): they open with findings, the set-up is in the
	// appendix.
	NoCode bool
	// Word is set for a DOCX report: it is read on paper, where nothing
	// can be hovered over or clicked.
	Word bool
}

// Problem is one rule broken by a piece of text.
type Problem struct {
	Rule    string
	Section string
	Excerpt string
}

// String is the problem as one line of the check's report.
func (p Problem) String() string {
	sec := p.Section
	if sec == "" {
		sec = "(before the first heading)"
	}
	return fmt.Sprintf("%s: in %q: %s", p.Rule, sec, p.Excerpt)
}

// rule is a pattern a piece of text must not match.
type rule struct {
	name string
	re   *regexp.Regexp
	// applies says which pieces the rule reads.
	applies func(Piece, Options) bool
}

// everywhere is a rule's applies that reads every piece; notCode every
// piece but code, whose parentheses and markup are the program's.
func everywhere(Piece, Options) bool { return true }

func notCode(p Piece, _ Options) bool { return !p.Code }

// badCell matches a table cell that holds nothing but a missing-value
// spelling of a program.
var badCell = regexp.MustCompile(`^(?i:nan|null|none|nil|<nil>|undefined|n/a|inf|-inf|\+inf)$`)

// rules are the report rules that read single pieces of text.
var rules = []rule{
	{"NaN shown (a missing number must be a dash, with a note saying why)", regexp.MustCompile(`\bNaN\b|\bnan\b`), everywhere},
	{"a missing value shown as a program spells it", regexp.MustCompile(`<nil>|[(:=]\s*null\b|\bnull\s*\)|\bNone\b\s*[,)]|\(\s*None\b|\bundefined\b`), everywhere},
	{"a Go format error (%!)", regexp.MustCompile(`%!`), everywhere},
	{`"Skipped:" (say in one sentence why a section does not apply)`, regexp.MustCompile(`Skipped:`), everywhere},
	{"markdown shown as text", regexp.MustCompile(`\*\*[^*\s][^*]*\*\*|(^|\s)__[^_\s][^_]*__|\\[_*|#\[\]$` + "`" + `~]|\]\([^)\s]+\)|\|\s*:?-{3,}:?\s*\||(^|\s)#{1,6} \S|` + "`[^`]+`"), notCode},
	{"HTML shown as text", regexp.MustCompile(`(?i)</?(a|b|i|em|strong|p|div|span|table|tr|td|th|thead|tbody|br|img|code|pre|ul|ol|li|h[1-6]|sup|sub|caption|script)\b[^>]*>|&(amp|lt|gt|quot|#\d+|#x[0-9a-f]+);`), notCode},
	{"an absolute or temporary path", regexp.MustCompile(`(^|[\s("'=:])/(tmp|home|root|work|usr|var|private|Users|mnt|opt|etc|srv)/|\b[A-Za-z]:\\[A-Za-z]|file://|\.XXXXXX|/\.?(html|docx|run)\.[A-Za-z0-9]{6}\b`), everywhere},
	{"empty parentheses or an empty field", regexp.MustCompile(`\(\s*\)|\[\s*\]|\(\s*[,;:]|[,;:]\s*\)|;\s*;|,\s*,|:\s*[;,]|\|\s*\|`), notCode},
}

// badCellRule is the rule for a table cell spelling a missing value.
const badCellRule = "a missing value shown as a program spells it"

// rollingStonesWording matches wording that only fits the Rolling Stones
// study: the band and its members, the course's single-artist framing and
// its workbook, and album names that stand in its prose.
var rollingStonesWording = regexp.MustCompile(`(?i)\bRolling Stones\b|\bthe Stones\b|\bJagger\b|\bKeith Richards\b|\bCharlie Watts\b|\bRonnie Wood\b|\bBill Wyman\b|\bBrian Jones\b|` +
	`\bthe band\b|\bone artist'?s\b|\bsingle[- ]artist\b|\bthe course shipped\b|\bworkbook\b|` +
	`\bLive In NYC\b|\bSticky Fingers\b|\bExile on Main\b|\bLet It Bleed\b|\bBeggars Banquet\b|\bSome Girls\b|\bTattoo You\b|\bAftermath\b|\bLicked Live\b|\bVoodoo Lounge\b|\bGet Yer Ya-Ya'?s Out\b`)

// interactiveWording matches wording about what only the interactive HTML
// can do.
var interactiveWording = regexp.MustCompile(`(?i)\bhover(s|ing)?\b|\bzoom(s|ing)?\b|\bclick(s|ing)?\b|\bmouse\b|\bdrag\b|\btooltip`)

// setUpWording matches the kernel set-up a code-free report keeps for its
// appendix.
var setUpWording = regexp.MustCompile(`go mod edit|%noautoget|connects the Go kernel`)

// sentenceEnd matches the end of a sentence: a full stop, question or
// exclamation mark followed by a space and a capital letter or digit
// (decimal points and "e.g." are not followed by a space and a capital).
var sentenceEnd = regexp.MustCompile(`[.!?]["')]?\s+[A-Z0-9]`)

// Problems returns the rules the report text pieces break.
func Problems(pieces []Piece, o Options) []Problem {
	var out []Problem
	add := func(rule string, p Piece, excerpt string) {
		out = append(out, Problem{Rule: rule, Section: p.Section, Excerpt: excerpt})
	}
	appendix, setUp := false, false
	for _, p := range pieces {
		if p.Heading && strings.HasPrefix(strings.ToLower(p.Text), "appendix") {
			appendix = true
		}
		if p.Kind == Cell && badCell.MatchString(strings.TrimSpace(p.Text)) {
			add(badCellRule, p, p.Text)
			continue
		}
		for _, r := range rules {
			if !r.applies(p, o) {
				continue
			}
			if loc := r.re.FindStringIndex(p.Text); loc != nil {
				add(r.name, p, excerpt(p.Text, loc))
			}
		}
		if o.Catalog != "" && o.Catalog != "rolling-stones" && p.Kind != Cell {
			if loc := rollingStonesWording.FindStringIndex(p.Text); loc != nil {
				add("wording that only fits the Rolling Stones study, in the "+o.Catalog+" report", p, excerpt(p.Text, loc))
			}
		}
		if o.Word && p.Kind != Cell && p.Kind != Alt {
			if loc := interactiveWording.FindStringIndex(p.Text); loc != nil {
				add("interactive wording in a Word document (mark it HTML-only)", p, excerpt(p.Text, loc))
			}
		}
		if o.NoCode && !appendix && !setUp {
			// Once a report: the set-up is one place, said several ways.
			if loc := setUpWording.FindStringIndex(p.Text); loc != nil {
				add("kernel set-up before the appendix of a code-free report (tag its cells appendix)", p, excerpt(p.Text, loc))
				setUp = true
			}
		}
		if p.Kind == FigureCaption {
			if n := len(sentenceEnd.FindAllStringIndex(p.Text, -1)) + 1; n > 2 {
				add(fmt.Sprintf("a figure caption of %d sentences (at most two: the takeaway; the description is the alt text)", n), p, excerpt(p.Text, []int{0, len(p.Text)}))
			}
		}
	}
	return out
}

// excerpt returns the text around loc, at most about 60 characters each
// side, with the match in »«.
func excerpt(s string, loc []int) string {
	from, to := max(0, loc[0]-60), min(len(s), loc[1]+60)
	for from > 0 && !isRuneStart(s[from]) {
		from--
	}
	for to < len(s) && !isRuneStart(s[to]) {
		to++
	}
	pre, post := "", ""
	if from > 0 {
		pre = "…"
	}
	if to < len(s) {
		post = "…"
	}
	return pre + s[from:loc[0]] + "»" + s[loc[0]:loc[1]] + "«" + s[loc[1]:to] + post
}

// isRuneStart reports whether b starts a UTF-8 sequence.
func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
