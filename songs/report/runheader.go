package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
)

// FileSHA256 returns the hexadecimal SHA-256 digest of the file at path.
func FileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("report: checksum: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("report: checksum %s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Env returns the values of the named environment variables, "(unset)"
// for those not set, for a run header's parameters.
func Env(names ...string) map[string]string {
	m := make(map[string]string, len(names))
	for _, n := range names {
		v, ok := os.LookupEnv(n)
		if !ok {
			v = "(unset)"
		}
		m[n] = v
	}
	return m
}

// headerModules are the module path prefixes whose versions a run header
// lists (the numeric, plotting, data and notebook libraries).
var headerModules = []string{"gonum.org/v1/", "github.com/go-gota/", "github.com/parquet-go/", "github.com/xuri/excelize", "github.com/janpfeifer/gonb"}

// RunHeader returns the table of a report's run parameters: the data file
// and its SHA-256, every parameter (seeds included) sorted by name and
// under the name the Makefile gives it (SEED, K, POPULAR_THRESHOLD), the Go
// version and the versions of the main module and the libraries it uses,
// read from the binary's build information (runtime/debug.ReadBuildInfo).
func RunHeader(dataPath string, params map[string]string) (Table, error) {
	sum, err := FileSHA256(dataPath)
	if err != nil {
		return Table{}, err
	}
	rows := [][]string{
		{"data file", dataPath},
		{"data SHA-256", sum},
	}
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		rows = append(rows, []string{k, params[k]})
	}
	rows = append(rows, []string{"Go", runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH})
	if bi, ok := debug.ReadBuildInfo(); ok {
		rows = append(rows, []string{"module " + bi.Main.Path, bi.Main.Version})
		for _, d := range bi.Deps {
			for _, p := range headerModules {
				if strings.HasPrefix(d.Path, p) {
					v := d.Version
					if d.Replace != nil {
						v += " => " + d.Replace.Path + " " + d.Replace.Version
					}
					rows = append(rows, []string{"module " + d.Path, v})
					break
				}
			}
		}
	}
	return Table{Headers: []string{"parameter", "value"}, Rows: rows, Caption: "Run parameters"}, nil
}
