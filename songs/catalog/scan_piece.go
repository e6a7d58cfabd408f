package catalog

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unsafe"
)

// pieceParser parses pieces; each parallel worker has its own, reusing
// its buffers from piece to piece.
type pieceParser struct {
	p      *parser
	src    seekable
	fields int // cells per record (the header's)
	buf    []byte
	cells  []string
	spans  []span
}

// parse reads pc and fills tracks (the piece's stretch of the catalog,
// whose first track has catalog index first) from its records, returning
// their findings. Any departure from well-formed CSV, any record the
// parser rejects and any disagreement with the counts of findPieces give
// errSequential. On success no string of the tracks or findings refers to
// the read buffer.
func (pp *pieceParser) parse(pc piece, tracks []Track, first int) ([]Finding, error) {
	size := int(pc.end - pc.off)
	if cap(pp.buf) < size {
		pp.buf = make([]byte, size)
	}
	b := pp.buf[:size]
	if err := pp.src.readAt(b, pc.off); err != nil {
		return nil, errSequential
	}
	if size == 0 {
		return nil, checkCount(0, pc.n)
	}
	ascii := isASCII(b)
	// A view of the buffer, which stays unchanged until compact has copied
	// every string kept out of it.
	s := unsafe.String(unsafe.SliceData(b), len(b))
	var finds []Finding
	line, k, pos := pc.line, 0, 0
	for pos < len(s) {
		c := s[pos]
		if c == '\n' {
			line, pos = line+1, pos+1
			continue
		}
		if c == '\r' && pos+1 < len(s) && s[pos+1] == '\n' {
			line, pos = line+1, pos+2
			continue
		}
		var cells []string
		var next, lines int
		var ok bool
		end := strings.IndexByte(s[pos:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += pos
		}
		if strings.IndexByte(s[pos:end], '"') < 0 {
			cells, next, lines, ok = splitPlain(s, pos, end, pp.cells[:0])
		} else {
			cells, next, lines, ok = splitQuoted(s, pos, pp.cells[:0])
		}
		pp.cells = cells
		if !ok || len(cells) != pp.fields || k >= pc.n {
			return nil, errSequential
		}
		rec := pc.before + k + 1
		if err := pp.p.parse(&tracks[k], first+k, rec, line, cells, &finds, ascii); err != nil {
			return nil, errSequential
		}
		k++
		line += lines
		pos = next
	}
	if err := checkCount(k, pc.n); err != nil {
		return nil, err
	}
	pp.spans = compact(tracks[:k], finds, first, pp.spans)
	return finds, nil
}

// checkCount compares a piece's parsed records with findPieces' count.
func checkCount(got, want int) error {
	if got != want {
		return errSequential
	}
	return nil
}

// splitPlain splits the quote-free line s[pos:end] (end is its '\n' or the
// end of s) at commas into cells. It returns the offset after the line and
// the line ends consumed; ok is false for a carriage return other than one
// before the line end. Commas are found eight bytes at a time (the exact
// zero-byte test of Hacker's Delight, 2nd ed., section 6-1).
func splitPlain(s string, pos, end int, cells []string) ([]string, int, int, bool) {
	next, lines := end, 0
	if end < len(s) {
		next, lines = end+1, 1
		if end > pos && s[end-1] == '\r' {
			end--
		}
	}
	ln := s[pos:end]
	if strings.IndexByte(ln, '\r') >= 0 {
		return cells, 0, 0, false
	}
	const low7, commas = 0x7f7f7f7f7f7f7f7f, 0x2c2c2c2c2c2c2c2c
	from, j := 0, 0
	for ; j+8 <= len(ln); j += 8 {
		w := uint64(ln[j]) | uint64(ln[j+1])<<8 | uint64(ln[j+2])<<16 | uint64(ln[j+3])<<24 |
			uint64(ln[j+4])<<32 | uint64(ln[j+5])<<40 | uint64(ln[j+6])<<48 | uint64(ln[j+7])<<56
		x := w ^ commas
		m := ^((x&low7 + low7) | x | low7) // 0x80 in each byte of w that is a comma
		for m != 0 {
			k := j + bits.TrailingZeros64(m)>>3
			cells = append(cells, ln[from:k])
			from = k + 1
			m &= m - 1
		}
	}
	for ; j < len(ln); j++ {
		if ln[j] == ',' {
			cells = append(cells, ln[from:j])
			from = j + 1
		}
	}
	return append(cells, ln[from:]), next, lines, true
}

// splitQuoted splits the record starting at s[pos] whose cells may be
// quoted (RFC 4180: a doubled quote inside quotes is a quote; commas and
// line ends inside quotes are text). It returns the offset after the
// record and the line ends consumed; ok is false for a bare quote, a
// closing quote not followed by a separator, an unclosed quote or a
// carriage return inside quotes, which the sequential reader then
// reports or handles.
func splitQuoted(s string, pos int, cells []string) ([]string, int, int, bool) {
	lines := 0
	for {
		if pos < len(s) && s[pos] == '"' {
			j, escaped := pos+1, false
			for {
				q := strings.IndexByte(s[j:], '"')
				if q < 0 {
					return cells, 0, 0, false
				}
				seg := s[j : j+q]
				if strings.IndexByte(seg, '\r') >= 0 {
					return cells, 0, 0, false
				}
				lines += strings.Count(seg, "\n")
				j += q + 1
				if j < len(s) && s[j] == '"' {
					escaped, j = true, j+1
					continue
				}
				break
			}
			v := s[pos+1 : j-1]
			if escaped {
				v = strings.ReplaceAll(v, `""`, `"`)
			}
			cells = append(cells, v)
			switch {
			case j == len(s):
				return cells, j, lines, true
			case s[j] == ',':
				pos = j + 1
				continue
			case s[j] == '\n':
				return cells, j + 1, lines + 1, true
			case s[j] == '\r' && j+1 < len(s) && s[j+1] == '\n':
				return cells, j + 2, lines + 1, true
			}
			return cells, 0, 0, false
		}
		j := pos
		for j < len(s) && s[j] != ',' && s[j] != '\n' {
			if s[j] == '"' {
				return cells, 0, 0, false
			}
			if s[j] == '\r' {
				if j+1 < len(s) && s[j+1] == '\n' {
					break
				}
				return cells, 0, 0, false
			}
			j++
		}
		cells = append(cells, s[pos:j])
		switch {
		case j == len(s):
			return cells, j, lines, true
		case s[j] == ',':
			pos = j + 1
		case s[j] == '\n':
			return cells, j + 1, lines + 1, true
		default: // "\r\n"
			return cells, j + 2, lines + 1, true
		}
	}
}

// isASCII reports whether b has no byte above 127.
func isASCII(b []byte) bool {
	var a0, a1, a2, a3 uint64
	for len(b) >= 32 {
		a0 |= binary.LittleEndian.Uint64(b)
		a1 |= binary.LittleEndian.Uint64(b[8:])
		a2 |= binary.LittleEndian.Uint64(b[16:])
		a3 |= binary.LittleEndian.Uint64(b[24:])
		b = b[32:]
	}
	acc := a0 | a1 | a2 | a3
	for _, c := range b {
		acc |= uint64(c)
	}
	return acc&0x8080808080808080 == 0
}
