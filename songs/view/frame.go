package view

import (
	"github.com/go-gota/gota/dataframe"

	"github.com/songcohorts/cohorts/songs/report"
)

// FrameTable shows a gota DataFrame as a table: numbers with 3 decimals,
// at most maxRows rows (all when maxRows is 0), under caption. It returns
// the frame's error if it carries one.
func FrameTable(df dataframe.DataFrame, caption string, maxRows int) (report.Table, error) {
	t, err := report.FromDataFrame(df, 3)
	if err != nil {
		return t, err
	}
	t.Caption, t.MaxRows = caption, maxRows
	return t, nil
}
