package workbook

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
)

// writeWorkbook writes a one-sheet workbook with the given rows.
func writeWorkbook(t *testing.T, rows [][]string) string {
	t.Helper()
	f := excelize.NewFile()
	for i, r := range rows {
		for j, v := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := f.SetCellValue("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "dict.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestReadDictionary reads variables under a header row, normalising
// their names as the loader does and skipping empty rows.
func TestReadDictionary(t *testing.T) {
	path := writeWorkbook(t, [][]string{{"Variable", "Description"}, {" Track Number ", " its position "}, {""}, {"popularity"}})
	got, err := ReadDictionary(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Variable != "track_number" || got[0].Description != "its position" || got[1].Variable != "popularity" || got[1].Description != "" {
		t.Errorf("entries %+v", got)
	}
	if _, err := ReadDictionary(writeWorkbook(t, [][]string{{"Variable", "Description"}})); err == nil || !strings.Contains(err.Error(), "no variables") {
		t.Errorf("a workbook without variables: %v", err)
	}
	if _, err := ReadDictionary(filepath.Join(t.TempDir(), "missing.xlsx")); err == nil || !strings.Contains(err.Error(), "missing.xlsx") {
		t.Errorf("a missing workbook: %v", err)
	}
}

// TestReadCourseDictionary reads the course's workbook: 17 variables
// (ORIGINAL-STUDY.md: it omits number_row).
func TestReadCourseDictionary(t *testing.T) {
	path := catalogtest.Staged(t, "data/raw/Data Dictionary-Creating cohorts of songs.xlsx")
	got, err := ReadDictionary(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 17 {
		t.Errorf("%d variables, want 17", len(got))
	}
	for _, e := range got {
		if e.Variable == "number_row" || e.Description == "" {
			t.Errorf("entry %+v", e)
		}
	}
}
