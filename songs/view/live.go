package view

import (
	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/report"
)

// LiveAgreementTable shows the cross-tabulation of the two live flags.
func LiveAgreementTable(a songs.LiveAgreement) report.Table {
	c := a.Counts
	t := report.NewTable([]string{"title or album says", "liveness <= 0.8", "liveness > 0.8", "total"}, [][]string{
		{"studio", itoa(c[0][0]), itoa(c[0][1]), itoa(c[0][0] + c[0][1])},
		{"live", itoa(c[1][0]), itoa(c[1][1]), itoa(c[1][0] + c[1][1])},
	})
	t.Caption = "Live-recording flag: from the title and album vs from liveness"
	return t
}
