package catalog

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
)

// The parallel reader. A catalog that can be read at any offset (a file,
// or an in-memory reader) is read in two passes instead of through
// encoding/csv: a quick sequential pass finds where records start and
// counts them, cutting the data into pieces of about scanPieceSize bytes
// at record boundaries; then the pieces are parsed in parallel, each into
// its own stretch of the catalog's tracks. Nothing depends on the number
// of cores: the pieces depend on the file alone and their findings are
// joined in file order. The reader handles well-formed CSV (RFC 4180,
// LF or CRLF line ends); anything else, including any error at all, sends
// the whole stream back to the sequential encoding/csv reader, so that
// errors and their positions are exactly that reader's.

// scanPieceSize is the size of the byte ranges parsed in parallel.
const scanPieceSize = 1 << 20

// errSequential marks a stream the parallel reader leaves to the
// sequential one.
var errSequential = errors.New("songs: the stream needs the sequential reader")

// seekable is a stream that can be read at any offset: its data runs from
// start (the reader's position when loading began) to size.
type seekable struct {
	ra          io.ReaderAt
	start, size int64
	seek        io.Seeker
}

// seekableOf recognises the readers the parallel reader can use: regular
// files and in-memory byte and string readers.
func seekableOf(r io.Reader) (seekable, bool) {
	switch v := r.(type) {
	case *os.File:
		fi, err := v.Stat()
		if err != nil || !fi.Mode().IsRegular() {
			return seekable{}, false
		}
		pos, err := v.Seek(0, io.SeekCurrent)
		if err != nil {
			return seekable{}, false
		}
		return seekable{v, pos, fi.Size(), v}, true
	case *bytes.Reader:
		return seekable{v, v.Size() - int64(v.Len()), v.Size(), v}, true
	case *strings.Reader:
		return seekable{v, v.Size() - int64(v.Len()), v.Size(), v}, true
	}
	return seekable{}, false
}

// readAt fills buf from offset off.
func (s seekable) readAt(buf []byte, off int64) error {
	n, err := s.ra.ReadAt(buf, off)
	if n == len(buf) {
		return nil
	}
	if err == nil {
		err = io.ErrUnexpectedEOF
	}
	return err
}

// consume moves the reader to the end of the stream, as reading it
// through would.
func (s seekable) consume() {
	_, _ = s.seek.Seek(0, io.SeekEnd)
}

// readHeader reads a plain header line (no quotes, no empty lines before
// it) after an optional byte order mark. It returns the header cells and
// the offset of the first data byte; ok is false for anything else.
func readHeader(src seekable) (header []string, dataStart int64, ok bool) {
	const maxHeader = 1 << 16
	n := min(int64(maxHeader), src.size-src.start)
	if n <= 0 {
		return nil, 0, false
	}
	buf := make([]byte, n)
	if src.readAt(buf, src.start) != nil {
		return nil, 0, false
	}
	skip := 0
	if bytes.HasPrefix(buf, []byte("\ufeff")) {
		skip = 3
	}
	nl := bytes.IndexByte(buf[skip:], '\n')
	if nl < 0 {
		return nil, 0, false
	}
	line := buf[skip : skip+nl]
	line = bytes.TrimSuffix(line, []byte("\r"))
	if len(line) == 0 || bytes.ContainsAny(line, "\"\r") {
		return nil, 0, false
	}
	return strings.Split(string(line), ","), src.start + int64(skip+nl+1), true
}

// piece is a byte range of data records that starts at a record boundary:
// before is the number of records ahead of it in the stream, n the number
// starting in it, and line the file line at its first byte.
type piece struct {
	off, end int64
	before   int
	n        int
	line     int
}

// findPieces cuts the data from dataStart on into pieces at record
// boundaries, about every step bytes, and counts their records.
// Empty lines are not records. A double quote toggles the quoted state,
// which is exact for well-formed CSV; for malformed CSV the counts may be
// wrong, which the parse of the pieces notices. It returns the pieces and
// the total number of records.
func findPieces(src seekable, dataStart, step int64) ([]piece, int, error) {
	size := src.size
	buf := make([]byte, step+1)
	var pieces []piece
	inQuote, atStart := false, true
	newlines, records := 1, 0 // the header's line end
	for bs := dataStart; bs < size; bs += step {
		be := min(bs+step, size)
		ext := min(be+1, size) // one byte of lookahead
		b := buf[:ext-bs]
		if err := src.readAt(b, bs); err != nil {
			return nil, 0, err
		}
		b = b[:be-bs]
		next := func(j int) byte { // the byte after b[j], 0 at the end
			if j+1 < int(ext-bs) {
				return buf[j+1]
			}
			return 0
		}
		cut, before, line, n := int64(-1), 0, 0, 0
		atCut := func(j int) {
			if cut < 0 {
				cut, before, line = bs+int64(j), records, newlines+1
			}
			if c := b[j]; c != '\n' && (c != '\r' || next(j) != '\n') {
				records++
				n++
			}
		}
		if !inQuote && bytes.IndexByte(b, '"') < 0 {
			p := 0
			if !atStart {
				k := bytes.IndexByte(b, '\n')
				if k < 0 {
					p = len(b)
				} else {
					p = k + 1
					newlines++
					atStart = true
				}
			}
			for p < len(b) {
				atCut(p)
				k := bytes.IndexByte(b[p:], '\n')
				if k < 0 {
					atStart = false
					break
				}
				newlines++
				p += k + 1
				atStart = true
			}
		} else {
			for j, c := range b {
				if atStart && !inQuote {
					atCut(j)
					atStart = false
				}
				switch c {
				case '"':
					inQuote = !inQuote
				case '\n':
					newlines++
					atStart = !inQuote
				}
			}
		}
		if cut >= 0 {
			if len(pieces) > 0 {
				pieces[len(pieces)-1].end = cut
			}
			pieces = append(pieces, piece{off: cut, end: size, before: before, n: n, line: line})
		}
	}
	if inQuote {
		return nil, 0, errSequential // the file ends inside quotes
	}
	return pieces, records, nil
}
