package report

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/songcohorts/cohorts/songs/internal/numfmt"
)

// Missing is what a report shows for a missing number (NaN, an empty
// cell): a dash. A table with missing values says why in its Note.
const Missing = "–"

// FormatFloat formats v with the given decimals, Missing for NaN, "∞" or
// "-∞" for infinities, and never "-0.000": the same number always prints
// the same way.
func FormatFloat(v float64, decimals int) string {
	switch {
	case math.IsNaN(v):
		return Missing
	case math.IsInf(v, 1):
		return "∞"
	case math.IsInf(v, -1):
		return "-∞"
	}
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if strings.HasPrefix(s, "-") && strings.Trim(s, "-0.") == "" {
		s = s[1:]
	}
	return s
}

// FormatInt formats a count with its thousands grouped by commas:
// 40553 as "40,553", 1600 as "1,600". Years and identifiers are not
// counts: format them with strconv.
func FormatInt(n int) string {
	return numfmt.GroupDigits(strconv.Itoa(n))
}

// FormatSig formats v with sig significant digits (at least 1) and no
// exponent, its integer part grouped by commas from 10,000 up:
// FormatSig(190613.0, 3) = "190,613" (digits before the point are never
// dropped), FormatSig(0.000123456, 2) = "0.00012", FormatSig(0.5, 3) =
// "0.5" (no trailing zeros). NaN is Missing.
func FormatSig(v float64, sig int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return FormatFloat(v, 0)
	}
	s := FormatFloat(v, decimalsFor(v, sig))
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return groupLarge(s)
}

// FormatColumn formats the numbers of one table column with the same
// number of decimals, so that they align: the decimals that give the
// column's median magnitude sig significant digits. Integers stay
// integers; NaN is Missing; integer parts from 10,000 up are grouped by
// commas. For example FormatColumn([0.2114, 1.746, 426.5], 3) gives
// "0.21", "1.75", "426.50".
func FormatColumn(vs []float64, sig int) []string {
	var mags []float64
	whole := true
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		if v != 0 {
			mags = append(mags, math.Abs(v))
		}
		whole = whole && v == math.Trunc(v)
	}
	dec := 0
	if !whole && len(mags) > 0 {
		slices.Sort(mags)
		dec = decimalsFor(mags[len(mags)/2], sig)
	}
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = groupLarge(FormatFloat(v, dec))
	}
	return out
}

// FormatPercent formats a share in [0, 1] as a percentage with the given
// decimals: FormatPercent(0.4375, 1) = "43.8%".
func FormatPercent(share float64, decimals int) string {
	if math.IsNaN(share) {
		return Missing
	}
	return FormatFloat(100*share, decimals) + "%"
}

// decimalsFor returns the decimals that show v with sig significant
// digits (none for digits before the point).
func decimalsFor(v float64, sig int) int {
	sig = max(sig, 1)
	if v == 0 {
		return sig - 1
	}
	exp := int(math.Floor(math.Log10(math.Abs(v))))
	return max(0, sig-1-exp)
}

// groupLarge groups the integer part of the decimal number s by commas
// when it has five digits or more (10,000 up), leaving 1600 and years as
// they are.
func groupLarge(s string) string {
	digits := s
	if i := strings.IndexByte(s, '.'); i >= 0 {
		digits = s[:i]
	}
	if len(strings.TrimPrefix(digits, "-")) < 5 {
		return s
	}
	return numfmt.GroupDigits(s)
}
