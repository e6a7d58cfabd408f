package catalog

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

var nan = math.NaN()

// missingSpellings are the texts read as a missing number (compared
// without case), as pandas does by default.
var missingSpellings = map[string]bool{
	"": true, "na": true, "n/a": true, "nan": true, "-nan": true, "null": true, "none": true, "<na>": true,
}

// parseNumber reads a decimal number. Empty and NA-like values are missing
// (NaN, missing true); infinities and text are errors.
func parseNumber(s string) (v float64, missing bool, err error) {
	if v, ok := fastNumber(s); ok {
		return v, false, nil
	}
	s = strings.TrimSpace(s)
	if missingSpellings[strings.ToLower(s)] {
		return nan, true, nil
	}
	v, err = strconv.ParseFloat(s, 64)
	if err != nil {
		var ne *strconv.NumError
		if errors.As(err, &ne) && ne.Err == strconv.ErrRange {
			return 0, false, errors.New("number out of float64 range")
		}
		return 0, false, errors.New("not a number")
	}
	if math.IsInf(v, 0) {
		return 0, false, errors.New("infinite value")
	}
	return v, false, nil
}

// parseInt reads an integer, accepting a float spelling of a whole number
// ("3.0") as pandas writes integer columns with missing values.
func parseInt(s string) (int, error) {
	s = strings.TrimSpace(s)
	if v, err := strconv.Atoi(s); err == nil {
		return v, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, errors.New("not an integer")
	}
	return int(f), nil
}

// URIPrefix starts every Spotify track URI.
const URIPrefix = "spotify:track:"

// resolveID fills a track's id from its uri when the file has no id
// column, and checks that id and uri agree when it has both.
func resolveID(t *Track, hasID, hasURI bool) error {
	if hasURI && t.URI != "" && !strings.HasPrefix(t.URI, URIPrefix) {
		return errors.New("uri does not start with " + URIPrefix)
	}
	fromURI := strings.TrimPrefix(t.URI, URIPrefix)
	switch {
	case !hasID:
		t.ID = fromURI
	case hasURI && t.URI != "" && fromURI != t.ID:
		return errors.New("id and uri name different tracks (uri must be " + URIPrefix + "<id>)")
	}
	if t.ID == "" {
		return errors.New("the track has no identifier")
	}
	if !hasURI {
		t.URI = URIPrefix + t.ID
	}
	return nil
}

// pow10 are the powers of ten a float64 holds exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// fastNumber reads the plain decimals that make up nearly every numeric
// cell (-?digits[.digits], at most 15 digits) without strconv. The value
// is exact: the digits form an integer below 2^53 and dividing it by an
// exact power of ten rounds once, which is strconv.ParseFloat's own exact
// fast path (Clinger, "How to read floating point numbers accurately",
// PLDI 1990). It reports false for anything else, which parseNumber then
// reads in full.
func fastNumber(s string) (float64, bool) {
	i, n := 0, len(s)
	neg := n > 0 && s[0] == '-'
	if neg {
		i = 1
	}
	var m uint64
	from := i
	for i < n && s[i]-'0' < 10 {
		m = m*10 + uint64(s[i]-'0')
		i++
	}
	whole, frac := i-from, 0
	if whole == 0 {
		return 0, false
	}
	if i < n {
		if s[i] != '.' {
			return 0, false
		}
		i++
		from = i
		for i < n && s[i]-'0' < 10 {
			m = m*10 + uint64(s[i]-'0')
			i++
		}
		frac = i - from
		if frac == 0 || i < n {
			return 0, false
		}
	}
	if whole+frac > 15 { // m may have wrapped; it is not used
		return 0, false
	}
	v := float64(m) / pow10[frac]
	if neg {
		v = -v
	}
	return v, true
}

// fastDate reads the common spellings YYYY-MM-DD, M/D/YYYY and YYYY when
// they name a valid date, giving what ParseDate gives; it reports false
// for anything else, which ParseDate then reads (and explains).
func fastDate(s string) (Date, bool) {
	num := plainInt
	var y, m, d int
	var ok1, ok2, ok3 bool
	switch {
	case len(s) == 4:
		y, ok1 = num(s)
		return Date{Year: y}, ok1 && y >= 1000
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		y, ok1 = num(s[:4])
		m, ok2 = num(s[5:7])
		d, ok3 = num(s[8:])
	case len(s) >= 8 && len(s) <= 10 && s[len(s)-5] == '/':
		y, ok1 = num(s[len(s)-4:])
		md := s[:len(s)-5]
		slash := -1
		for i := 0; i < len(md); i++ {
			if md[i] == '/' {
				slash = i
				break
			}
		}
		if slash < 1 || slash > 2 || len(md)-slash-1 < 1 || len(md)-slash-1 > 2 {
			return Date{}, false
		}
		m, ok2 = num(md[:slash])
		d, ok3 = num(md[slash+1:])
	default:
		return Date{}, false
	}
	if !ok1 || !ok2 || !ok3 || y < 1000 || m < 1 || m > 12 || d < 1 || d > daysIn[m] {
		return Date{}, false
	}
	if d == 29 && m == 2 && !(y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		return Date{}, false
	}
	return Date{Year: y, Month: m, Day: d}, true
}
