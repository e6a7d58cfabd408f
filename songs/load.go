package songs

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// Load reads a catalog from one CSV file, or from every file matching a
// glob pattern (read in lexical order, all with the same header), and
// validates it. See the package documentation for what is accepted and
// which problems are errors or findings.
func Load(pattern string) (*Catalog, error) {
	files, err := expand(pattern)
	if err != nil {
		return nil, err
	}
	cat := &Catalog{Has: map[string]bool{}}
	for _, f := range files {
		if err := loadFile(cat, f); err != nil {
			return nil, err
		}
	}
	checkIDs(cat)
	return cat, nil
}

// expand resolves a path or glob to the files it names.
func expand(pattern string) ([]string, error) {
	if !strings.ContainsAny(pattern, "*?[") {
		return []string{pattern}, nil
	}
	files, err := filepath.Glob(pattern)
	if err != nil {
		return nil, fmt.Errorf("catalog pattern %q: %w", pattern, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("catalog pattern %q matches no file", pattern)
	}
	sort.Strings(files)
	return files, nil
}

func loadFile(cat *Catalog, file string) error {
	f, err := os.Open(file)
	if err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	defer f.Close()
	return LoadReader(cat, file, f)
}

// LoadReader appends the tracks of one CSV stream to cat, naming the stream
// file in errors. A catalog built from several streams must have the same
// columns in each.
func LoadReader(cat *Catalog, file string, r io.Reader) error {
	if cat.Has == nil {
		cat.Has = map[string]bool{}
	}
	br := bufio.NewReaderSize(r, 1<<20)
	if b, _ := br.Peek(3); string(b) == "\ufeff" {
		_, _ = br.Discard(3) // a byte order mark, also before a quoted first cell
	}
	cr := csv.NewReader(br)
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return &RecordError{File: file, Line: 1, Err: errors.New("empty file: no header row")}
	}
	if err != nil {
		return csvError(file, 0, err)
	}
	header = append([]string(nil), header...)
	lay, err := newLayout(file, header)
	if err != nil {
		return err
	}
	if len(cat.Sources) == 0 {
		cat.Columns = lay.names
		cat.Extra = lay.extraNames()
		for _, c := range []string{"number_row", "uri", "album", "artist", "release_date", "year", "decade", "track_number", Popularity} {
			cat.Has[c] = lay.has(c)
		}
		cat.Has["decade"] = cat.Has["decade"] || cat.Has["release_date"] || cat.Has["year"]
	} else if strings.Join(lay.names, ",") != strings.Join(cat.Columns, ",") {
		return &RecordError{File: file, Line: 1, Err: fmt.Errorf("columns differ from %s's: every file of a catalog needs the same header", cat.Sources[0])}
	}
	cat.Sources = append(cat.Sources, file)
	p := parser{file: file, lay: lay, cat: cat}
	for rec := 1; ; rec++ {
		fields, err := cr.Read()
		if err == io.EOF {
			if rec == 1 {
				return &RecordError{File: file, Line: 2, Err: ErrNoData}
			}
			return nil
		}
		if err != nil {
			return csvError(file, rec, err)
		}
		line, _ := cr.FieldPos(0)
		if err := p.parse(rec, line, fields); err != nil {
			return err
		}
	}
}

// csvError turns an encoding/csv error into a RecordError.
func csvError(file string, rec int, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		msg := pe.Err
		if errors.Is(pe.Err, csv.ErrFieldCount) {
			msg = errors.New("wrong number of fields (a truncated or malformed record)")
		}
		return &RecordError{File: file, Record: rec, Line: pe.StartLine, Err: msg}
	}
	return &RecordError{File: file, Record: rec, Err: err}
}

// parser turns records into tracks.
type parser struct {
	file string
	lay  *layout
	cat  *Catalog
}

func (p *parser) parse(rec, line int, fields []string) error {
	lay := p.lay
	t := Track{Source: p.file, Record: rec, Line: line, NumberRow: -1}
	firstFinding := len(p.cat.Findings)
	get := func(col string) string {
		if i, ok := lay.pos[col]; ok {
			return fields[i]
		}
		return ""
	}
	fail := func(col, val string, err error) error {
		return &RecordError{File: p.file, Record: rec, Line: line, Column: col, Value: val, Err: err}
	}
	for i, v := range fields {
		if !utf8.ValidString(v) {
			return fail(lay.names[i], "", errors.New("invalid UTF-8 text"))
		}
	}
	find := func(col, rule, detail string) {
		p.cat.Findings = append(p.cat.Findings, Finding{Track: len(p.cat.Tracks), Record: rec, Column: col, Rule: rule, Detail: detail})
	}
	// Numbers.
	num := func(col string) (float64, error) {
		s := get(col)
		v, missing, err := parseNumber(s)
		if err != nil {
			return 0, fail(col, s, err)
		}
		if missing {
			find(col, RuleMissing, "empty or NA value")
		} else if r, ok := DictionaryRanges[col]; ok && !r.Contains(v) {
			find(col, RuleOutOfRange, fmt.Sprintf("%s = %g outside the data dictionary's range %s", col, v, rangeText(r)))
		}
		return v, nil
	}
	var err error
	for j, f := range AudioFeatures {
		if t.Audio[j], err = num(f); err != nil {
			return err
		}
	}
	if t.DurationMS, err = num(DurationMS); err != nil {
		return err
	}
	t.Popularity = nan
	if lay.has(Popularity) {
		if t.Popularity, err = num(Popularity); err != nil {
			return err
		}
	}
	for _, c := range []struct {
		col string
		dst *int
	}{{"number_row", &t.NumberRow}, {"track_number", &t.TrackNumber}} {
		if !lay.has(c.col) || strings.TrimSpace(get(c.col)) == "" {
			continue
		}
		if *c.dst, err = parseInt(get(c.col)); err != nil {
			return fail(c.col, get(c.col), err)
		}
	}
	// Identity.
	t.ID, t.URI = strings.TrimSpace(get("id")), strings.TrimSpace(get("uri"))
	if err := resolveID(&t, lay.has("id"), lay.has("uri")); err != nil {
		col := "id"
		if !lay.has("id") {
			col = "uri"
		}
		return fail(col, t.ID+t.URI, err)
	}
	t.Name = get(lay.titleColumn())
	if strings.TrimSpace(t.Name) == "" {
		find(lay.titleColumn(), RuleEmptyTitle, "the title is empty")
	}
	t.Album, t.Artist = get("album"), get("artist")
	// Dates.
	p.parseDate(&t, get, find)
	if len(lay.extra) > 0 {
		t.Extra = make([]string, len(lay.extra))
		for i, pos := range lay.extra {
			t.Extra[i] = fields[pos]
		}
	}
	for i := firstFinding; i < len(p.cat.Findings); i++ {
		p.cat.Findings[i].ID = t.ID // this record's findings only: linear in the file
	}
	p.cat.Tracks = append(p.cat.Tracks, t)
	return nil
}

// parseDate fills the release date from release_date, year or decade.
func (p *parser) parseDate(t *Track, get func(string) string, find func(col, rule, detail string)) {
	switch {
	case p.lay.has("release_date"):
		d, err := ParseDate(get("release_date"))
		if err != nil {
			find("release_date", RuleBadDate, err.Error())
		}
		t.ReleaseDate = d
	case p.lay.has("year"):
		d, err := ParseDate(strings.TrimSpace(get("year")))
		if err != nil {
			find("year", RuleBadDate, err.Error())
		}
		t.ReleaseDate = Date{Year: d.Year}
	}
	t.Decade = t.ReleaseDate.Decade()
	if p.lay.has("decade") && strings.TrimSpace(get("decade")) != "" {
		d, err := parseInt(get("decade"))
		if err != nil || d < 1000 || d%10 != 0 {
			find("decade", RuleBadDate, fmt.Sprintf("decade %q is not a year ending in 0", get("decade")))
		} else if t.Decade == 0 {
			t.Decade = d
		}
	}
}

func rangeText(r Range) string {
	lo := "["
	if r.OpenLo {
		lo = "("
	}
	return fmt.Sprintf("%s%g, %g] %s", lo, r.Lo, r.Hi, r.Unit)
}
