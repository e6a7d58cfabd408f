package catalog

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// NormaliseHeader trims a column name, turns spaces into underscores and
// lowers its case, as the original study did.
func NormaliseHeader(s string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), " ", "_"))
}

// layout maps the columns the loader knows to their positions in a file.
type layout struct {
	names    []string
	pos      map[string]int
	features [9]int
	extra    []int
	col      columns
	// ranges are the data dictionary's ranges of the numeric columns, in
	// numericSlot order (the audio features, duration_ms, popularity).
	ranges [11]Range
	ranged [11]bool
}

// columns are the positions of the columns a record is read from, -1 when
// the file lacks one.
type columns struct {
	numberRow, id, uri, title, album, artist         int
	releaseDate, year, decade, trackNumber, duration int
	popularity                                       int
}

// Known non-feature columns; anything else is kept as an extra column.
var knownColumns = map[string]bool{
	"number_row": true, "id": true, "uri": true, "name": true, "track": true,
	"album": true, "artist": true, "release_date": true, "year": true,
	"decade": true, "track_number": true, Popularity: true, DurationMS: true,
}

// newLayout checks a header and finds the columns.
func newLayout(file string, header []string) (*layout, error) {
	l := &layout{pos: map[string]int{}}
	herr := func(col, format string, args ...any) error {
		return &RecordError{File: file, Line: 1, Column: col, Err: fmt.Errorf(format, args...)}
	}
	for i, h := range header {
		if !utf8.ValidString(h) {
			return nil, herr("", "the name of column %d is not valid UTF-8 text", i+1)
		}
		n := NormaliseHeader(h)
		if n == "" && i == 0 {
			n = "number_row" // the ISO variant of the course file
		}
		if n == "" {
			return nil, herr("", "column %d has an empty name", i+1)
		}
		if _, dup := l.pos[n]; dup {
			return nil, herr(n, "duplicate column name")
		}
		l.pos[n] = i
		l.names = append(l.names, n)
	}
	for j, f := range AudioFeatures {
		p, ok := l.pos[f]
		if !ok {
			return nil, herr(f, "required column is missing (need %s)", requiredList())
		}
		l.features[j] = p
	}
	if _, ok := l.pos[DurationMS]; !ok {
		return nil, herr(DurationMS, "required column is missing (need %s)", requiredList())
	}
	if !l.has("id") && !l.has("uri") {
		return nil, herr("id", "required column is missing: need id or uri")
	}
	if !l.has("name") && !l.has("track") {
		return nil, herr("name", "required column is missing: need name or track")
	}
	for i, n := range l.names {
		if !knownColumns[n] && FeatureIndex(n) < 0 {
			l.extra = append(l.extra, i)
		}
	}
	l.resolve()
	return l, nil
}

// resolve looks up the positions and ranges the record parser needs, so
// that it does no map lookups per record.
func (l *layout) resolve() {
	at := func(col string) int {
		if i, ok := l.pos[col]; ok {
			return i
		}
		return -1
	}
	l.col = columns{
		numberRow: at("number_row"), id: at("id"), uri: at("uri"), title: at(l.titleColumn()),
		album: at("album"), artist: at("artist"), releaseDate: at("release_date"), year: at("year"),
		decade: at("decade"), trackNumber: at("track_number"), duration: at(DurationMS), popularity: at(Popularity),
	}
	for j, name := range numericNames() {
		l.ranges[j], l.ranged[j] = DictionaryRanges[name]
	}
}

// numericNames are the numeric columns of a record in the order they are
// parsed: the audio features, duration_ms, popularity.
func numericNames() []string {
	return append(append([]string(nil), AudioFeatures...), DurationMS, Popularity)
}

func (l *layout) has(col string) bool { _, ok := l.pos[col]; return ok }

// requiredList names the required columns for error messages.
func requiredList() string {
	return "id or uri, name or track, " + strings.Join(AudioFeatures, ", ") + ", duration_ms"
}

// extraNames returns the names of the extra columns.
func (l *layout) extraNames() []string {
	out := make([]string, len(l.extra))
	for i, p := range l.extra {
		out[i] = l.names[p]
	}
	return out
}

// titleColumn returns the column holding the title.
func (l *layout) titleColumn() string {
	if l.has("name") {
		return "name"
	}
	return "track"
}
