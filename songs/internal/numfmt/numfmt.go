// Package numfmt holds the number spelling shared by the chart ticks and
// the report tables, so that a figure and the table beside it write the
// same number the same way.
package numfmt

import "strings"

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
