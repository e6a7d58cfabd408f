package report

import (
	"runtime"
	"runtime/debug"
	"strings"
)

// headerModules are the module path prefixes whose versions a run header
// lists (the numeric, plotting, data and notebook libraries).
var headerModules = []string{"gonum.org/v1/", "github.com/go-gota/", "github.com/parquet-go/", "github.com/xuri/excelize", "github.com/janpfeifer/gonb"}

// RunHeader returns the table of a report's run parameters: the
// parameters in the given order under the names the Makefile gives them
// (SEED, K, POPULAR_THRESHOLD, ...), the data files' checksums ("file:
// sha256" lines), the Go version and the versions of the main module and
// the libraries it uses, read from the binary's build information
// (runtime/debug.ReadBuildInfo).
func RunHeader(params [][2]string, checksums []string) Table {
	var rows [][]string
	for _, kv := range params {
		rows = append(rows, []string{kv[0], kv[1]})
	}
	for _, s := range checksums {
		rows = append(rows, []string{"data SHA-256", s})
	}
	rows = append(rows, []string{"Go", runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH})
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			for _, p := range headerModules {
				if strings.HasPrefix(d.Path, p) {
					rows = append(rows, []string{"module " + d.Path, d.Version})
					break
				}
			}
		}
	}
	return Table{Headers: []string{"parameter", "value"}, Rows: rows, Caption: "Run parameters"}
}
