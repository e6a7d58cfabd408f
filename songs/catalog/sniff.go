package catalog

import (
	"bytes"
	"errors"
	"fmt"
)

// sniffSize is how much of a file notCSV reads: enough for a header line.
const sniffSize = 4096

// notCSV recognises, from a file's first bytes, the files people load by
// mistake: a workbook or an archive renamed to .csv, and text separated by
// something other than commas. The error says what the file is and what to
// do, where the CSV reader would complain about a bare quote, invalid UTF-8
// or a missing column. It returns nil for anything else.
func notCSV(file string, head []byte) error {
	binary := []struct {
		magic []byte
		what  string
	}{
		{[]byte("PK\x03\x04"), "a ZIP archive (an Excel .xlsx or LibreOffice workbook, perhaps renamed), not CSV text: " +
			"open it in a spreadsheet program and save the sheet as CSV (comma-separated values)"},
		{[]byte{0x1f, 0x8b}, "gzip-compressed: decompress it first (gunzip -k on it) and load the CSV file inside"},
		{[]byte{0xd0, 0xcf, 0x11, 0xe0}, "an Excel 97-2003 .xls workbook (or another Office document), not CSV text: " +
			"open it in a spreadsheet program and save the sheet as CSV (comma-separated values)"},
		{[]byte("BZh"), "bzip2-compressed: decompress it first (bunzip2 -k on it) and load the CSV file inside"},
		{[]byte{0xfd, '7', 'z', 'X', 'Z', 0}, "xz-compressed: decompress it first (unxz -k on it) and load the CSV file inside"},
	}
	for _, b := range binary {
		if bytes.HasPrefix(head, b.magic) {
			return fmt.Errorf("%s: the file is %s", file, b.what)
		}
	}
	line := bytes.TrimPrefix(head, []byte("\ufeff"))
	if i := bytes.IndexAny(line, "\r\n"); i >= 0 {
		line = line[:i]
	}
	if bytes.IndexByte(line, ',') >= 0 {
		return nil
	}
	for _, d := range []struct {
		sep  byte
		name string
	}{{';', "semicolons (;)"}, {'\t', "tabs"}, {'|', "vertical bars (|)"}} {
		if bytes.Count(line, []byte{d.sep}) >= 2 {
			return &RecordError{File: file, Line: 1, Err: errors.New("the columns are separated by " + d.name +
				", not commas: save the file as CSV with a comma as the field separator " +
				"(a spreadsheet in a locale that writes decimal commas uses semicolons; choose the comma when saving)")}
		}
	}
	return nil
}
