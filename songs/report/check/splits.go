package check

import (
	"encoding/xml"
	"fmt"
	"strings"
	"unicode"
)

// Table is the text of one table of a DOCX file.
type Table struct {
	// Caption is the table's caption (its tblCaption), or "".
	Caption string
	// Words are the table's words in reading order: header rows first,
	// row by row, cell by cell.
	Words []string
}

// DOCXTables returns the tables of a DOCX file with their words.
func DOCXTables(path string) ([]Table, error) {
	var out []Table
	depth := 0
	var cell strings.Builder
	inCell := false
	err := eachElement(path, func(d *xml.Decoder, tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "tbl":
				depth++
				if depth == 1 {
					out = append(out, Table{})
				}
			case "tblCaption":
				if depth == 1 {
					out[len(out)-1].Caption = xmlAttr(t, "val")
				}
			case "tc":
				if depth == 1 {
					inCell = true
					cell.Reset()
				}
			case "p":
				cell.WriteByte(' ')
			case "t":
				var s string
				if err := d.DecodeElement(&s, &t); err != nil {
					return err
				}
				if inCell {
					cell.WriteString(s)
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "tbl":
				depth--
			case "tc":
				if depth == 1 && inCell {
					out[len(out)-1].Words = append(out[len(out)-1].Words, words(cell.String())...)
					inCell = false
				}
			}
		}
		return nil
	})
	return out, err
}

// words splits s at spaces of any kind (a no-break space included).
func words(s string) []string {
	return strings.FieldsFunc(normalize(s), unicode.IsSpace)
}

// normalize makes a DOCX's text and its PDF's text comparable: ligatures
// become their letters, typographic spaces plain ones, and the minus
// signs and non-breaking hyphens docx.lua puts in numbers hyphens.
var normalize = strings.NewReplacer("\u2011", "-", "\u2212", "-", "\u00a0", " ", "\u202f", " ", "\u2009", " ", "ﬁ", "fi", "ﬂ", "fl", "ﬀ", "ff", "ﬃ", "ffi", "ﬄ", "ffl").Replace

// pdfWord is a word of a PDF's text and the line it is on.
type pdfWord struct {
	text string
	line int
}

// pdfWords splits the text of a PDF (pdftotext -raw) into words with
// their line numbers.
func pdfWords(text string) []pdfWord {
	var out []pdfWord
	for i, line := range strings.Split(normalize(text), "\n") {
		for _, w := range strings.FieldsFunc(line, unicode.IsSpace) {
			out = append(out, pdfWord{w, i})
		}
	}
	return out
}

// Split is a table word that the PDF shows broken over lines.
type Split struct {
	Table string // the table's caption, or its number
	Word  string
	Parts []string
}

func (s Split) String() string {
	return fmt.Sprintf("table %s: %q is split over lines as %q", s.Table, s.Word, strings.Join(s.Parts, " / "))
}

// searchWindow is how many PDF words Splits looks ahead of and behind
// the last word it matched: enough to pass a page break with its repeated
// header row and page furniture, and a table row that LibreOffice drew
// in two parts on two pages, few enough not to reach another table.
const searchWindow = 300

// Splits returns the words of tables that the PDF text (pdftotext -raw,
// which keeps LibreOffice's drawing order, cell by cell and line by line)
// shows broken over lines, and the table words it found neither whole
// nor in pieces. Each table word is matched to the nearest
// unused place around the last match where it appears whole, or else
// where it appears as pieces on successive lines. A break after a hyphen
// in a word without digits ("Calinski-" / "Harabasz") is a line break,
// not a split; in a number or a date it is a split.
func Splits(tables []Table, pdfText string) (splits []Split, missing []string) {
	pw := pdfWords(pdfText)
	used := make([]bool, len(pw))
	j := 0
	for ti, t := range tables {
		name := t.Caption
		if name == "" {
			name = fmt.Sprintf("%d", ti+1)
		}
		j = anchor(pw, j, t.Words)
		for _, w := range t.Words {
			p, n := nearest(pw, used, j, func(p int) int {
				if pw[p].text == w {
					return 1
				}
				return 0
			})
			var parts []string
			if n == 0 {
				p, n = nearest(pw, used, j, func(p int) int {
					var k int
					parts, k = piecesAt(pw, used, p, w)
					return k
				})
				if n > 0 {
					parts = nil
					for q := p; q < p+n; q++ {
						parts = append(parts, pw[q].text)
					}
				}
			}
			if n == 0 {
				missing = append(missing, w)
				continue
			}
			for q := p; q < p+n; q++ {
				used[q] = true
			}
			if n > 1 && !hyphenBreaks(w, parts) {
				splits = append(splits, Split{Table: name, Word: w, Parts: parts})
			}
			j = max(j, p+n)
		}
	}
	return splits, missing
}

// anchor returns where a table's words start in the PDF words, at or
// after j: the first place its first (up to four) words appear in a row,
// or else where its first word does, or j when neither is found (prose
// between two tables may be longer than the search window).
func anchor(pw []pdfWord, j int, words []string) int {
	k := min(4, len(words))
	if k == 0 {
		return j
	}
	first := -1
	for p := j; p+k <= len(pw); p++ {
		if pw[p].text != words[0] {
			continue
		}
		if first < 0 {
			first = p
		}
		run := true
		for q := 1; q < k; q++ {
			run = run && pw[p+q].text == words[q]
		}
		if run {
			return p
		}
	}
	if first >= 0 {
		return first
	}
	return j
}

// nearest returns the unused position closest to j (forward first) at
// which match reports a match of n > 0 words, or n = 0.
func nearest(pw []pdfWord, used []bool, j int, match func(p int) int) (p, n int) {
	for d := 0; d < searchWindow; d++ {
		for _, q := range []int{j + d, j - 1 - d} {
			if q < 0 || q >= len(pw) || used[q] {
				continue
			}
			if n := match(q); n > 0 {
				return q, n
			}
		}
	}
	return 0, 0
}

// hyphenBreaks reports whether a word without digits is broken only
// after its hyphens.
func hyphenBreaks(w string, parts []string) bool {
	if strings.ContainsAny(w, "0123456789") {
		return false
	}
	for _, p := range parts[:len(parts)-1] {
		if !strings.HasSuffix(p, "-") {
			return false
		}
	}
	return true
}

// piecesAt returns the pieces and their number when w is spelled by
// unused PDF words from p on, each on a later line than the one before;
// 0 when it is not.
func piecesAt(pw []pdfWord, used []bool, p int, w string) ([]string, int) {
	if !strings.HasPrefix(w, pw[p].text) || pw[p].text == w {
		return nil, 0
	}
	parts := []string{pw[p].text}
	rest := w[len(pw[p].text):]
	line := pw[p].line
	for q := p + 1; q < len(pw) && rest != ""; q++ {
		if used[q] || pw[q].line <= line || !strings.HasPrefix(rest, pw[q].text) {
			return nil, 0
		}
		parts = append(parts, pw[q].text)
		rest = rest[len(pw[q].text):]
		line = pw[q].line
	}
	if rest != "" {
		return nil, 0
	}
	return parts, len(parts)
}
