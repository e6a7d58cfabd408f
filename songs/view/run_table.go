package view

import (
	"runtime"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/report"
)

// RunTable is the head of every report: the parameters, the data files'
// checksums, and the Go and module versions that produced the numbers.
func RunTable(p songs.Params) report.Table {
	var rows [][]string
	for _, kv := range p.Env() {
		rows = append(rows, []string{kv[0], kv[1]})
	}
	sums, err := songs.DataChecksums(p)
	if err != nil {
		rows = append(rows, []string{"data SHA-256", "unavailable: " + err.Error()})
	}
	for _, s := range sums {
		rows = append(rows, []string{"data SHA-256", s})
	}
	rows = append(rows, []string{"Go", runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH})
	rows = append(rows, []string{"modules", strings.Join(moduleVersions(), ", ")})
	t := report.NewTable([]string{"parameter", "value"}, rows)
	t.Caption = "Run parameters"
	return t
}

// moduleVersions lists the numeric and data modules the binary was built
// with.
func moduleVersions() []string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return []string{"(no build information)"}
	}
	var out []string
	for _, m := range info.Deps {
		for _, want := range []string{"gonum.org/v1/gonum", "gonum.org/v1/plot", "github.com/go-gota/gota",
			"github.com/parquet-go/parquet-go", "github.com/xuri/excelize/v2", "github.com/janpfeifer/gonb"} {
			if m.Path == want {
				out = append(out, m.Path+" "+m.Version)
			}
		}
	}
	sort.Strings(out)
	return out
}
