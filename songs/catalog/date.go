package catalog

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Date is a release date that may be partial: a year, a year and month, or
// a full date. The zero Date means unknown.
type Date struct {
	Year, Month, Day int
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Year == 0 }

// String formats the date as ISO 8601 at its precision (2022-06-10,
// 1969-07, 1969), or "" when unknown.
func (d Date) String() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Before reports whether d sorts before e; unknown dates sort last and
// partial dates before the full dates they contain.
func (d Date) Before(e Date) bool {
	if d.IsZero() != e.IsZero() {
		return e.IsZero()
	}
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month != e.Month {
		return d.Month < e.Month
	}
	return d.Day < e.Day
}

// Decade is the first year of the date's decade (1960 for 1969), or 0.
func (d Date) Decade() int { return d.Year / 10 * 10 }

var daysIn = [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// ParseDate reads M/D/YYYY, YYYY-MM-DD, YYYY-MM or YYYY. An empty string is
// the zero Date; anything else that does not parse, or names an impossible
// day, is an error.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	var d Date
	var err error
	sep := "-"
	if strings.Contains(s, "/") {
		sep = "/"
	}
	parts := strings.Split(s, sep)
	if slices.Contains(parts, "") {
		return Date{}, fmt.Errorf("date %q has an empty part", s)
	}
	if sep == "/" {
		if len(parts) != 3 {
			return Date{}, fmt.Errorf("date %q is not M/D/YYYY", s)
		}
		d, err = dateFromParts(parts[2], parts[0], parts[1], s)
	} else {
		switch len(parts) {
		case 1:
			d, err = dateFromParts(parts[0], "", "", s)
		case 2:
			d, err = dateFromParts(parts[0], parts[1], "", s)
		case 3:
			d, err = dateFromParts(parts[0], parts[1], parts[2], s)
		default:
			err = fmt.Errorf("date %q is not YYYY[-MM[-DD]]", s)
		}
	}
	return d, err
}

func dateFromParts(y, m, d, orig string) (Date, error) {
	bad := fmt.Errorf("date %q is not a valid date", orig)
	atoi := func(s string, digits int) (int, bool) {
		if s == "" {
			return 0, true
		}
		if len(s) > digits || strings.Trim(s, "0123456789") != "" {
			return 0, false
		}
		v, err := strconv.Atoi(s)
		return v, err == nil && v >= 0
	}
	year, ok1 := atoi(y, 4)
	month, ok2 := atoi(m, 2)
	day, ok3 := atoi(d, 2)
	if !ok1 || !ok2 || !ok3 || len(y) != 4 || year < 1000 {
		return Date{}, bad
	}
	if (m != "" && (month < 1 || month > 12)) || (d != "" && (day < 1 || day > daysIn[month])) {
		return Date{}, bad
	}
	if day == 29 && month == 2 && !(year%4 == 0 && (year%100 != 0 || year%400 == 0)) {
		return Date{}, bad
	}
	return Date{Year: year, Month: month, Day: day}, nil
}
