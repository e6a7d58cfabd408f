package view

import (
	"fmt"
	"math"

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

// LiveAgreementReading says how often the two live flags agree, with
// Cohen's kappa, or, when one flag marks every track alike (kappa is then
// undefined), that agreement beyond chance cannot be measured.
func LiveAgreementReading(a songs.LiveAgreement) string {
	return report.Markdownf("The flags agree on %.1f%% of tracks (%s).", 100*a.Agreement(), kappaText(a))
}

// kappaText is "Cohen's kappa 0.25", or why there is none.
func kappaText(a songs.LiveAgreement) string {
	if k := a.Kappa(); !math.IsNaN(k) && !math.IsInf(k, 0) {
		return fmt.Sprintf("Cohen's kappa %.2f", k)
	}
	return "no Cohen's kappa: one flag gives every track the same answer"
}
