package catalog

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
	files, err := Files(pattern)
	if err != nil {
		return nil, err
	}
	cat := &Catalog{Has: map[string]bool{}}
	for _, f := range files {
		if err := loadFile(cat, f); err != nil {
			return nil, err
		}
	}
	checkIDsParallel(cat)
	return cat, nil
}

// Files resolves a catalog path or glob to the files it names: a path
// without wildcards as it is, a glob to its matches in sorted order (an
// error when it matches none).
func Files(pattern string) ([]string, error) {
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
	head := make([]byte, sniffSize)
	n, _ := f.ReadAt(head, 0)
	if err := notCSV(file, head[:n]); err != nil {
		return err
	}
	return LoadReader(cat, file, f)
}

// LoadReader appends the tracks of one CSV stream to cat, naming the stream
// file in errors. A catalog built from several streams must have the same
// columns in each.
func LoadReader(cat *Catalog, file string, r io.Reader) error {
	if cat.Has == nil {
		cat.Has = map[string]bool{}
	}
	if src, ok := seekableOf(r); ok {
		if err := loadSeekable(cat, file, src, scanPieceSize); err == nil {
			src.consume()
			return nil
		}
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
	if err := adoptLayout(cat, file, lay); err != nil {
		return err
	}
	p := parser{file: file, lay: lay}
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
		var t Track
		if err := p.parse(&t, len(cat.Tracks), rec, line, fields, &cat.Findings, false); err != nil {
			return err
		}
		cat.Tracks = append(cat.Tracks, t)
	}
}

// sameColumns reports whether a file with layout lay may join cat: cat
// is empty or has the same columns.
func sameColumns(cat *Catalog, lay *layout) bool {
	return len(cat.Sources) == 0 || strings.Join(lay.names, ",") == strings.Join(cat.Columns, ",")
}

// adoptLayout records a file's columns in cat (the first file's) or checks
// them against the first file's, and adds the file to the sources.
func adoptLayout(cat *Catalog, file string, lay *layout) error {
	if !sameColumns(cat, lay) {
		return &RecordError{File: file, Line: 1, Err: fmt.Errorf("columns differ from %s's: every file of a catalog needs the same header", cat.Sources[0])}
	}
	if len(cat.Sources) == 0 {
		cat.Columns = lay.names
		cat.Extra = lay.extraNames()
		for _, c := range []string{"number_row", "uri", "album", "artist", "release_date", "year", "decade", "track_number", Popularity} {
			cat.Has[c] = lay.has(c)
		}
		cat.Has["decade"] = cat.Has["decade"] || cat.Has["release_date"] || cat.Has["year"]
	}
	cat.Sources = append(cat.Sources, file)
	return nil
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
}

// errInvalidUTF8 is the problem of a cell that is not UTF-8 text.
var errInvalidUTF8 = errors.New("invalid UTF-8 text")

// parse fills t, which must be the zero Track, from the fields of one
// record: track is its index in the catalog, rec its record number and
// line its first file line. Its findings are appended to finds. ascii says
// the fields are known to be ASCII, so UTF-8 validation can be skipped.
func (p *parser) parse(t *Track, track, rec, line int, fields []string, finds *[]Finding, ascii bool) error {
	lay, col := p.lay, &p.lay.col
	t.Source, t.Record, t.Line, t.NumberRow = p.file, rec, line, -1
	firstFinding := len(*finds)
	get := func(i int) string {
		if i >= 0 {
			return fields[i]
		}
		return ""
	}
	fail := func(column, val string, err error) error {
		return &RecordError{File: p.file, Record: rec, Line: line, Column: column, Value: val, Err: err}
	}
	if !ascii {
		for i, v := range fields {
			if !utf8.ValidString(v) {
				return fail(lay.names[i], "", errInvalidUTF8)
			}
		}
	}
	find := func(column, rule, detail string) {
		*finds = append(*finds, Finding{Track: track, Record: rec, Column: column, Rule: rule, Detail: detail})
	}
	// Numbers, in numericNames order: a plain decimal inside its range
	// needs no more than fastNumber.
	num := func(slot, pos int) (float64, error) {
		if v, ok := fastNumber(fields[pos]); ok && (!lay.ranged[slot] || lay.ranges[slot].Contains(v)) {
			return v, nil
		}
		return p.number(fields[pos], slot, pos, track, rec, line, finds)
	}
	var err error
	for j, pos := range lay.features {
		if t.Audio[j], err = num(j, pos); err != nil {
			return err
		}
	}
	if t.DurationMS, err = num(9, col.duration); err != nil {
		return err
	}
	t.Popularity = nan
	if col.popularity >= 0 {
		if t.Popularity, err = num(10, col.popularity); err != nil {
			return err
		}
	}
	for _, c := range [2]struct {
		pos int
		dst *int
	}{{col.numberRow, &t.NumberRow}, {col.trackNumber, &t.TrackNumber}} {
		if c.pos < 0 {
			continue
		}
		s := fields[c.pos]
		if n, ok := plainInt(s); ok {
			*c.dst = n
			continue
		}
		if strings.TrimSpace(s) == "" {
			continue
		}
		if *c.dst, err = parseInt(s); err != nil {
			return fail(lay.names[c.pos], s, err)
		}
	}
	// Identity.
	t.ID, t.URI = strings.TrimSpace(get(col.id)), strings.TrimSpace(get(col.uri))
	if err := resolveID(t, col.id >= 0, col.uri >= 0); err != nil {
		c := "id"
		if col.id < 0 {
			c = "uri"
		}
		return fail(c, t.ID+t.URI, err)
	}
	t.Name = fields[col.title]
	if strings.TrimSpace(t.Name) == "" {
		find(lay.names[col.title], RuleEmptyTitle, "the title is empty")
	}
	t.Album, t.Artist = get(col.album), get(col.artist)
	// Dates.
	p.parseDate(t, fields, find)
	if len(lay.extra) > 0 {
		t.Extra = make([]string, len(lay.extra))
		for i, pos := range lay.extra {
			t.Extra[i] = fields[pos]
		}
	}
	for i := firstFinding; i < len(*finds); i++ {
		(*finds)[i].ID = t.ID // this record's findings only: linear in the file
	}
	return nil
}

// number reads the numeric cell s at position pos (numericNames slot
// slot) in full, adding its findings; see parse.
func (p *parser) number(s string, slot, pos, track, rec, line int, finds *[]Finding) (float64, error) {
	lay := p.lay
	v, missing, err := parseNumber(s)
	if err != nil {
		return 0, &RecordError{File: p.file, Record: rec, Line: line, Column: lay.names[pos], Value: s, Err: err}
	}
	c := lay.names[pos]
	if missing {
		*finds = append(*finds, Finding{Track: track, Record: rec, Column: c, Rule: RuleMissing, Detail: "empty or NA value"})
	} else if r := &lay.ranges[slot]; lay.ranged[slot] && !r.Contains(v) {
		*finds = append(*finds, Finding{Track: track, Record: rec, Column: c, Rule: RuleOutOfRange,
			Detail: fmt.Sprintf("%s = %g outside the data dictionary's range %s", c, v, rangeText(*r))})
	}
	return v, nil
}

// plainInt reads a cell of 1 to 18 decimal digits, the common spelling of
// row and track numbers, reporting false for anything else.
func plainInt(s string) (int, bool) {
	if len(s) == 0 || len(s) > 18 {
		return 0, false
	}
	v := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

// parseDate fills the release date from release_date, year or decade.
func (p *parser) parseDate(t *Track, fields []string, find func(col, rule, detail string)) {
	col := &p.lay.col
	switch {
	case col.releaseDate >= 0:
		s := fields[col.releaseDate]
		d, ok := fastDate(s)
		if !ok {
			var err error
			if d, err = ParseDate(s); err != nil {
				find("release_date", RuleBadDate, err.Error())
			}
		}
		t.ReleaseDate = d
	case col.year >= 0:
		s := strings.TrimSpace(fields[col.year])
		d, ok := fastDate(s)
		if !ok {
			var err error
			if d, err = ParseDate(s); err != nil {
				find("year", RuleBadDate, err.Error())
			}
		}
		t.ReleaseDate = Date{Year: d.Year}
	}
	t.Decade = t.ReleaseDate.Decade()
	if col.decade >= 0 && strings.TrimSpace(fields[col.decade]) != "" {
		s := fields[col.decade]
		d, err := parseInt(s)
		if err != nil || d < 1000 || d%10 != 0 {
			find("decade", RuleBadDate, fmt.Sprintf("decade %q is not a year ending in 0", s))
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
