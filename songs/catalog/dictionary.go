package catalog

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// DictionaryEntry is one variable of the data dictionary workbook.
type DictionaryEntry struct {
	Variable    string
	Description string
}

// ReadDictionary reads the first sheet of the data dictionary workbook: a
// header row, then one variable per row (name in the first column, the
// description in the second).
func ReadDictionary(path string) ([]DictionaryEntry, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, fmt.Errorf("data dictionary %s: %w", path, err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, fmt.Errorf("data dictionary %s: no sheet", path)
	}
	rows, err := f.GetRows(sheets[0])
	if err != nil {
		return nil, fmt.Errorf("data dictionary %s: %w", path, err)
	}
	var out []DictionaryEntry
	for i, r := range rows {
		if i == 0 || len(r) == 0 || strings.TrimSpace(r[0]) == "" {
			continue
		}
		e := DictionaryEntry{Variable: normaliseHeader(r[0])}
		if len(r) > 1 {
			e.Description = strings.TrimSpace(r[1])
		}
		out = append(out, e)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("data dictionary %s: no variables on sheet %q", path, sheets[0])
	}
	return out, nil
}

// Undocumented returns the catalog columns the dictionary does not describe.
func Undocumented(columns []string, dict []DictionaryEntry) []string {
	known := map[string]bool{}
	for _, e := range dict {
		known[e.Variable] = true
	}
	var out []string
	for _, c := range columns {
		if !known[c] {
			out = append(out, c)
		}
	}
	return out
}
