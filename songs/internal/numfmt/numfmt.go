// Package numfmt holds the number spelling shared by the chart ticks and
// the report tables, so that a figure and the table beside it write the
// same number the same way, and the spelling of a list cut short to its
// first items and a count of the others.
package numfmt

import (
	"strconv"
	"strings"
)

// GroupDigits inserts commas between groups of three digits of the
// integer part of the decimal number s: "1234567.5" becomes
// "1,234,567.5", "-40553" becomes "-40,553".
func GroupDigits(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return sign + b.String() + frac
}

// JoinFirst joins the first n items with sep and tells how many more there
// are: JoinFirst([]string{"a", "b", "c", "d"}, 2, ", ") is "a, b and 2
// more".
func JoinFirst(items []string, n int, sep string) string {
	if len(items) <= n {
		return strings.Join(items, sep)
	}
	return strings.Join(items[:n], sep) + " and " + strconv.Itoa(len(items)-n) + " more"
}
