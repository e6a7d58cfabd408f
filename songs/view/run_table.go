package view

import (
	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/report"
)

// RunTable is the run's parameters as the Makefile names them, the data
// files' checksums, and the Go and module versions that produced the
// numbers (report.RunHeader); it goes to each report's appendix.
func RunTable(p songs.Params) report.Table {
	sums, err := songs.DataChecksums(p)
	if err != nil {
		sums = []string{"unavailable: " + err.Error()}
	}
	return report.RunHeader(p.Env(), sums)
}
