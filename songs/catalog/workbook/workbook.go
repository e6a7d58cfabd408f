// Package workbook reads the data dictionary workbook (.xlsx) that comes
// with a catalog.
//
// It is part of the catalog: with package catalog, the only packages that
// read or write catalog files. It stands apart so that code which never
// opens a workbook (every notebook cell but one) does not link excelize.
package workbook

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/songcohorts/cohorts/songs/catalog"
)

// ReadDictionary reads the first sheet of the data dictionary workbook: a
// header row, then one variable per row (name in the first column, the
// description in the second).
func ReadDictionary(path string) ([]catalog.DictionaryEntry, error) {
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
	var out []catalog.DictionaryEntry
	for i, r := range rows {
		if i == 0 || len(r) == 0 || strings.TrimSpace(r[0]) == "" {
			continue
		}
		e := catalog.DictionaryEntry{Variable: catalog.NormaliseHeader(r[0])}
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
