package check

import (
	"encoding/xml"
	"fmt"
	"math"
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
	// Joined[i] reports whether Words[i] is joined to Words[i+1] by a
	// no-break space ("757 / 679", "12 (3%)" in a cell kept on one
	// line): the two must be on one line of the PDF. It may be nil or
	// shorter than Words (then the remaining words are not joined).
	Joined []bool
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
			case "p", "tab", "br":
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
					tb := &out[len(out)-1]
					ws, joined := cellWords(cell.String())
					for len(tb.Joined) < len(tb.Words) {
						tb.Joined = append(tb.Joined, false)
					}
					tb.Words = append(tb.Words, ws...)
					tb.Joined = append(tb.Joined, joined...)
					inCell = false
				}
			}
		}
		return nil
	})
	return out, err
}

// noBreakSpace reports whether r is a space at which no line may break.
func noBreakSpace(r rune) bool {
	return r == '\u00a0' || r == '\u202f' || r == '\u2007'
}

// cellWords splits a cell's text at spaces of any kind into normalized
// words, and says for each word but the last whether only no-break
// spaces separate it from the next.
func cellWords(s string) (words []string, joined []bool) {
	var word strings.Builder
	space, breakable := false, false // since the last word: a space, a breakable one
	emit := func() {
		w := normalize(word.String())
		word.Reset()
		if w == "" {
			return // soft hyphens alone
		}
		if len(words) > 0 {
			joined = append(joined, space && !breakable)
		}
		words = append(words, w)
		space, breakable = false, false
	}
	for _, r := range s {
		if !unicode.IsSpace(r) {
			word.WriteRune(r)
			continue
		}
		if word.Len() > 0 {
			emit()
		}
		space = true
		breakable = breakable || !noBreakSpace(r)
	}
	if word.Len() > 0 {
		emit()
	}
	return words, joined
}

// normalize makes a DOCX's text and its PDF's text comparable: ligatures
// become their letters, typographic spaces plain ones, the minus signs
// and non-breaking hyphens docx.lua puts in numbers hyphens, and soft
// hyphens (invisible unless a line breaks at them) are left out.
var normalize = strings.NewReplacer("\u2011", "-", "\u2212", "-", "\u00a0", " ", "\u202f", " ", "\u2009", " ", "\u2007", " ",
	"\u00ad", "", "\u200b", "", "\u2060", "", "\ufeff", "",
	"ﬁ", "fi", "ﬂ", "fl", "ﬀ", "ff", "ﬃ", "ffi", "ﬄ", "ffl").Replace

// pdfWord is a word of a PDF's text and the line and page it is on.
type pdfWord struct {
	text       string
	line, page int
}

// pdfWords splits the text of a PDF (pdftotext -raw, which ends each
// page with a form feed) into words with their lines and pages.
func pdfWords(text string) []pdfWord {
	var out []pdfWord
	page := 0
	for i, line := range strings.Split(normalize(text), "\n") {
		// A form feed ends a page: the words after it are on the next.
		for k, chunk := range strings.Split(line, "\f") {
			if k > 0 {
				page++
			}
			for _, w := range strings.FieldsFunc(chunk, unicode.IsSpace) {
				out = append(out, pdfWord{text: w, line: i, page: page})
			}
		}
	}
	return out
}

// Split is a table word, or words joined by no-break spaces, that the
// PDF shows broken over lines.
type Split struct {
	Table string   // the table's caption, or its number
	Word  string   // the word, or the joined words separated by spaces
	Parts []string // what each line shows of it, in order
}

// String is the split as one line of the check's report.
func (s Split) String() string {
	return fmt.Sprintf("table %s: %q is split over lines as %q", s.Table, s.Word, strings.Join(s.Parts, " / "))
}

// Scores of the alignment of a table's words with the PDF's words: a
// word found whole, a word found in pieces on successive lines, a table
// word not found there, and a PDF word inside the table's stretch that is
// none of its words (a header row repeated after a page break, or part
// of a row drawn on the next page).
const (
	scoreWhole  = 4
	scorePieces = 3
	scoreNoPDF  = -2
	scoreExtra  = -1
)

// maxPieces is the most lines a word is looked for in.
const maxPieces = 64

// Steps of the alignment's trace.
const (
	stepNone   = iota // the alignment starts here
	stepNoPDF         // the table word is not in the stretch
	stepExtra         // the PDF word is not the table's
	stepWhole         // the table word is the PDF word
	stepPieces        // and up: the table word is this many PDF words minus stepPieces-2
)

// Splits returns the words of tables that the PDF text shows broken over
// lines, and the table words it finds neither whole nor in pieces.
//
// The PDF text is pdftotext -raw's: it keeps LibreOffice's drawing
// order, which is the DOCX's, cell by cell, and starts a new line where
// the baseline changes. So a table's words come in the PDF text in their
// order, a cell's lines on successive lines, and a word broken in a
// narrow column as pieces on successive lines. Each table, in document
// order and after the previous one, is aligned with the stretch of the
// PDF words that matches it best: each of its words is one PDF word, or
// several whose text on successive lines spells it, or is missing; PDF
// words inside the stretch that are not the table's (a header row
// repeated on the next page) are passed over. Words left over (a row
// LibreOffice drew in two parts on two pages) are then looked for among
// the PDF words not yet matched, up to the next table: whole, in pieces,
// or begun on one page and ended on the next.
//
// A word broken after one of its own hyphens is a line break, not a
// split, when it holds no digit ("Calinski-" / "Harabasz"), and so is a
// word broken after one of its slashes when it is not made of numbers (a
// path); a number or a date broken anywhere ("0.21" / "14", "1/" / "8")
// is split, as is any word broken where it has no hyphen or slash, or
// by an added hyphen. Words joined by no-break spaces must be on one
// line.
func Splits(tables []Table, pdfText string) (splits []Split, missing []string) {
	pw := pdfWords(pdfText)
	used := make([]bool, len(pw))
	places := make([][][]int, len(tables)) // per table and word, its PDF words
	starts := make([]int, len(tables))     // where each table's stretch starts
	lo := 0
	for ti, t := range tables {
		at, start, end := align(pw, used, lo, t.Words)
		places[ti], starts[ti] = at, start
		for _, a := range at {
			for _, q := range a {
				used[q] = true
			}
		}
		lo = end
	}
	for ti, t := range tables {
		name := t.Caption
		if name == "" {
			name = fmt.Sprintf("%d", ti+1)
		}
		// Words left over are looked for up to where the next table
		// found starts.
		hi := len(pw)
		for tj := ti + 1; tj < len(tables); tj++ {
			if found(places[tj]) {
				hi = starts[tj]
				break
			}
		}
		at := places[ti]
		next := starts[ti]
		for i, w := range t.Words {
			if at[i] == nil {
				at[i] = lookFor(pw, used, starts[ti], hi, next, w)
				for _, q := range at[i] {
					used[q] = true
				}
			}
			if at[i] == nil {
				missing = append(missing, w)
				continue
			}
			next = at[i][len(at[i])-1] + 1
			if len(at[i]) > 1 {
				parts := texts(pw, at[i])
				if !lineBreaks(w, parts) {
					splits = append(splits, Split{Table: name, Word: w, Parts: parts})
				}
			}
		}
		splits = append(splits, joinedSplits(name, t, at, pw)...)
	}
	return splits, missing
}

// found reports whether any word of a table was placed.
func found(at [][]int) bool {
	for _, a := range at {
		if a != nil {
			return true
		}
	}
	return false
}

// texts returns the texts of the PDF words at positions ps.
func texts(pw []pdfWord, ps []int) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = pw[p].text
	}
	return out
}

// span returns the positions p, p+1, ..., p+n-1.
func span(p, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = p + i
	}
	return out
}

// align places a table's words in the PDF words not used yet from lo on:
// per word the PDF words that show it (nil when not found), with where
// the stretch that holds them starts and ends.
func align(pw []pdfWord, used []bool, lo int, words []string) (at [][]int, start, end int) {
	n, m := len(words), len(pw)-lo
	at = make([][]int, n)
	if n == 0 || m <= 0 {
		return at, lo, lo
	}
	const none = math.MinInt32
	trace := make([][]uint8, n+1)
	for i := range trace {
		trace[i] = make([]uint8, m+1)
	}
	// cur and nxt are rows i and i+1 of the scores: the best alignment
	// of the first i words ending before PDF word lo+j. Row 0 is 0: the
	// stretch may start anywhere.
	cur, nxt := make([]int32, m+1), make([]int32, m+1)
	// Of equal scores, passing over a PDF word wins: read back from the
	// end, the table's words are then placed as early as they can be,
	// and words passed over (a header row repeated on the next page)
	// come after them.
	relax := func(row []int32, i, j int, s int32, step uint8) {
		if s > row[j] || s == row[j] && step == stepExtra {
			row[j] = s
			trace[i][j] = step
		}
	}
	for i := 0; i < n; i++ {
		for j := range nxt {
			nxt[j] = none
		}
		for j := 0; j <= m; j++ {
			s := cur[j]
			if s == none {
				continue
			}
			if i > 0 && j < m {
				relax(cur, i, j+1, s+scoreExtra, stepExtra)
			}
			relax(nxt, i+1, j, s+scoreNoPDF, stepNoPDF)
			if j == m || used[lo+j] {
				continue
			}
			if pw[lo+j].text == words[i] {
				relax(nxt, i+1, j+1, s+scoreWhole, stepWhole)
			} else if k := piecesAt(pw, used, lo+j, words[i]); k > 1 {
				relax(nxt, i+1, j+k, s+scorePieces, uint8(stepPieces+k-2))
			}
		}
		cur, nxt = nxt, cur
	}
	// cur is row n: the stretch ends at its best score, the earliest of
	// equals.
	best := 0
	for j := 1; j <= m; j++ {
		if cur[j] > cur[best] {
			best = j
		}
	}
	i, j := n, best
	for i > 0 {
		switch step := trace[i][j]; {
		case step == stepNoPDF:
			i--
		case step == stepExtra:
			j--
		case step == stepWhole:
			i, j = i-1, j-1
			at[i] = []int{lo + j}
		case step >= stepPieces:
			k := int(step) - stepPieces + 2
			i, j = i-1, j-k
			at[i] = span(lo+j, k)
		default:
			panic("check: broken alignment trace")
		}
	}
	return at, lo + j, lo + best
}

// lookFor returns the unused PDF words in [lo, hi) that show w, nearest
// to j (forward first): one that is w whole, or else pieces of it on
// successive lines, or else pieces begun on one page and ended on the
// next (a table row drawn in two parts, the header repeated between them,
// and the cells that follow the word's in between too). It returns nil
// when w is not there.
func lookFor(pw []pdfWord, used []bool, lo, hi, j int, w string) []int {
	j = min(max(j, lo), hi)
	for try := 0; try < 3; try++ {
		for d := 0; j+d < hi || j-1-d >= lo; d++ {
			for _, q := range []int{j + d, j - 1 - d} {
				if q < lo || q >= hi || used[q] {
					continue
				}
				switch try {
				case 0:
					if pw[q].text == w {
						return []int{q}
					}
				case 1:
					if k := piecesAt(pw, used, q, w); k > 1 {
						return span(q, k)
					}
				case 2:
					if ps := overPage(pw, used, q, hi, w); ps != nil {
						return ps
					}
				}
			}
		}
	}
	return nil
}

// overPage returns the PDF words that show w begun at p and ended by the
// first unused word (or pieces) of the next page before hi that spell the
// rest; nil when there are none.
func overPage(pw []pdfWord, used []bool, p, hi int, w string) []int {
	rest, ok := cut(w, pw[p].text)
	if !ok || rest == "" {
		return nil
	}
	for q := p + 1; q < hi && pw[q].page <= pw[p].page+1; q++ {
		if used[q] || pw[q].page == pw[p].page {
			continue
		}
		if pw[q].text == rest {
			return []int{p, q}
		}
		if k := piecesAt(pw, used, q, rest); k > 1 {
			return append([]int{p}, span(q, k)...)
		}
	}
	return nil
}

// cut returns what is left of w after its piece t, which is a beginning
// of w or one of w's beginnings followed by a hyphen (a word hyphenated
// at the end of a line); ok is false when t is neither.
func cut(w, t string) (rest string, ok bool) {
	if strings.HasPrefix(w, t) {
		return w[len(t):], true
	}
	if len(t) > 1 && strings.HasSuffix(t, "-") && len(t)-1 < len(w) && strings.HasPrefix(w, t[:len(t)-1]) {
		return w[len(t)-1:], true
	}
	return "", false
}

// lineBreaks reports whether a word is broken only where a line may
// break: after its own hyphens when it holds no digit, after its own
// slashes when it is not made of numbers.
func lineBreaks(w string, parts []string) bool {
	if strings.Join(parts, "") != w {
		return false // a hyphen was added
	}
	digits := strings.ContainsAny(w, "0123456789")
	for _, p := range parts[:len(parts)-1] {
		switch {
		case strings.HasSuffix(p, "-") && !digits:
		case strings.HasSuffix(p, "/") && !numberLike(w):
		default:
			return false
		}
	}
	return true
}

// numberLike reports whether a word is made of numbers: it holds a digit
// and no two letters in a row ("1/8", "2022-06-10", "12%", "2000s", but
// not "dataset-of-00s.csv").
func numberLike(w string) bool {
	if !strings.ContainsAny(w, "0123456789") {
		return false
	}
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if letters == 2 {
				return false
			}
		} else {
			letters = 0
		}
	}
	return true
}

// piecesAt returns how many unused PDF words from p on spell w, each on a
// later line than the one before, at least two; 0 when they do not. A
// piece may end in a hyphen that w does not have there (a word
// hyphenated at the end of a line).
func piecesAt(pw []pdfWord, used []bool, p int, w string) int {
	if pw[p].text == w {
		return 0 // whole, not in pieces
	}
	rest := w
	for q := p; q < len(pw) && q-p < maxPieces; q++ {
		if used[q] || q > p && pw[q].line <= pw[q-1].line {
			return 0
		}
		if pw[q].text == rest && q > p {
			return q - p + 1
		}
		var ok bool
		if rest, ok = cut(rest, pw[q].text); !ok || rest == "" {
			return 0
		}
	}
	return 0
}

// joinedSplits returns the runs of words joined by no-break spaces that
// the PDF shows on more than one line, each with what each line shows of
// it. A run with a word not found is passed over; a word broken inside is
// reported by Splits itself.
func joinedSplits(name string, t Table, at [][]int, pw []pdfWord) []Split {
	var out []Split
	for i := 0; i < len(t.Words); {
		k := i // the run is words i..k
		for k < len(t.Joined) && k+1 < len(t.Words) && t.Joined[k] {
			k++
		}
		if k > i && runFound(at[i:k+1]) {
			broken := false
			var parts, line []string
			for q := i; q <= k; q++ {
				if q > i && pw[at[q][0]].line != pw[at[q-1][len(at[q-1])-1]].line {
					broken = true
					parts = append(parts, strings.Join(line, " "))
					line = nil
				}
				line = append(line, strings.Join(texts(pw, at[q]), ""))
			}
			if broken {
				parts = append(parts, strings.Join(line, " "))
				out = append(out, Split{Table: name, Word: strings.Join(t.Words[i:k+1], " "), Parts: parts})
			}
		}
		i = k + 1
	}
	return out
}

// runFound reports whether every word of a run was placed.
func runFound(at [][]int) bool {
	for _, a := range at {
		if a == nil {
			return false
		}
	}
	return true
}
