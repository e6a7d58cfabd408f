package songs_test

import (
	"os/exec"
	"strings"
	"testing"
)

// module is this module's path.
const module = "github.com/songcohorts/cohorts/"

// packageGraph lists, per package of the module (tests excluded), its
// direct imports and all its dependencies, from `go list`.
func packageGraph(t *testing.T) (imports, deps map[string][]string) {
	t.Helper()
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}}|{{join .Imports \" \"}}|{{join .Deps \" \"}}", module+"songs/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	imports, deps = map[string][]string{}, map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Split(line, "|")
		pkg := strings.TrimPrefix(f[0], module)
		imports[pkg], deps[pkg] = strings.Fields(f[1]), strings.Fields(f[2])
	}
	return imports, deps
}

// TestPackageDirections holds the directions of the architecture (README,
// "Layout"): the numeric libraries depend on nothing of the study, the
// catalog and the domain on no display code, only catalog/parquetfile and
// catalog/workbook read and write Parquet files and workbooks, and the
// packages every notebook cell links depend on neither.
func TestPackageDirections(t *testing.T) {
	imports, deps := packageGraph(t)
	ours := func(p string) (string, bool) { return strings.CutPrefix(p, module) }
	rules := []struct {
		pkg    string
		denied func(dep string) bool
		why    string
	}{
		{"songs/cluster", func(d string) bool { return !strings.HasPrefix(d, "songs/internal/") }, "numeric libraries import nothing of the study"},
		{"songs/embed", func(d string) bool { return !strings.HasPrefix(d, "songs/internal/") }, "numeric libraries import nothing of the study"},
		{"songs/stats", func(d string) bool { return !strings.HasPrefix(d, "songs/internal/") }, "numeric libraries import nothing of the study"},
		{"songs/chart", func(d string) bool { return !strings.HasPrefix(d, "songs/internal/") && d != "songs/stats" }, "figures are drawn from plain data"},
		{"songs/report", func(d string) bool {
			return !strings.HasPrefix(d, "songs/internal/") && d != "songs/chart" && d != "songs/stats"
		}, "report is a general display layer"},
		{"songs/catalog", func(d string) bool { return !strings.HasPrefix(d, "songs/internal/") && d != "songs/stats" }, "the catalog imports no domain or display code"},
		{"songs/catalog/parquetfile", func(d string) bool {
			return !strings.HasPrefix(d, "songs/internal/") && d != "songs/stats" && d != "songs/catalog"
		}, "the catalog's files import no domain or display code"},
		{"songs", func(d string) bool { return d == "songs/report" || d == "songs/chart" || d == "songs/view" }, "the domain imports no display code"},
	}
	for _, r := range rules {
		ds, ok := deps[r.pkg]
		if !ok {
			t.Errorf("package %s not found", r.pkg)
			continue
		}
		for _, d := range ds {
			if p, ok := ours(d); ok && r.denied(p) {
				t.Errorf("%s depends on %s: %s", r.pkg, p, r.why)
			}
		}
	}
	owners := map[string]string{"github.com/parquet-go/parquet-go": "songs/catalog/parquetfile", "github.com/xuri/excelize": "songs/catalog/workbook"}
	for pkg, imps := range imports {
		for _, imp := range imps {
			for lib, owner := range owners {
				if strings.HasPrefix(imp, lib) && pkg != owner {
					t.Errorf("%s imports %s: only %s reads and writes those files", pkg, imp, owner)
				}
			}
		}
	}
	// What every notebook cell links stays free of the file libraries (a
	// cell that links parquet-go builds in about twice the time).
	for _, pkg := range []string{"songs", "songs/catalog", "songs/view", "songs/report", "songs/chart"} {
		for _, d := range deps[pkg] {
			for lib, owner := range owners {
				if strings.HasPrefix(d, lib) {
					t.Errorf("%s depends on %s: only cells and commands that write those files import %s", pkg, d, owner)
				}
			}
		}
	}
}
