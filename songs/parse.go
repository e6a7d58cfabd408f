package songs

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

// uriPrefix starts every Spotify track URI.
const uriPrefix = "spotify:track:"

// resolveID fills a track's id from its uri when the file has no id
// column, and checks that id and uri agree when it has both.
func resolveID(t *Track, hasID, hasURI bool) error {
	if hasURI && t.URI != "" && !strings.HasPrefix(t.URI, uriPrefix) {
		return errors.New("uri does not start with " + uriPrefix)
	}
	fromURI := strings.TrimPrefix(t.URI, uriPrefix)
	switch {
	case !hasID:
		t.ID = fromURI
	case hasURI && t.URI != "" && fromURI != t.ID:
		return errors.New("id and uri name different tracks (uri must be " + uriPrefix + "<id>)")
	}
	if t.ID == "" {
		return errors.New("the track has no identifier")
	}
	if !hasURI {
		t.URI = uriPrefix + t.ID
	}
	return nil
}
