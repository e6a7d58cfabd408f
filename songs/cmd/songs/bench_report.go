package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/internal/atomicfile"
	"github.com/songcohorts/cohorts/songs/internal/benchops"
)

// benchReportFlags declares the flags of songs bench-report and returns its body.
func benchReportFlags(fs *flag.FlagSet) body {
	in := fs.String("in", "", "JSON lines printed by `songs bench --json` and `sklearn_ref.py run --json` (and `env --json`)")
	out := fs.String("out", "", "markdown file to write")
	unmet := fs.Bool("unmet", false, "instead of writing, print \"OP N\" for each goal not met, the largest time shortfall first")
	return func(_ songs.Params, args []string, stdout io.Writer) error {
		if *in == "" || (*out == "" && !*unmet) {
			return usageError(fs)
		}
		f, err := os.Open(*in)
		if err != nil {
			return err
		}
		recs, pyEnv, err := benchops.ReadRecords(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", *in, err)
		}
		if *unmet {
			for _, t := range benchops.Unmet(recs) {
				fmt.Fprintf(stdout, "%s %d\n", t.Op, t.N)
			}
			return nil
		}
		env := benchops.Env{
			Date:     time.Now().UTC().Format("2006-01-02 15:04 UTC"),
			CPUs:     runtime.NumCPU(),
			CPUModel: cpuModel(),
			Go:       goVersions(recs),
			Python:   pyEnv,
		}
		var b bytes.Buffer
		if err := benchops.WriteReport(&b, recs, env); err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
			return err
		}
		if err := atomicfile.WriteFile(*out, b.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s (%d records)\n", *out, len(recs))
		return nil
	}
}

// cpuModel returns the first "model name" of /proc/cpuinfo, or "".
func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// goVersions names the toolchain, the system, GOMAXPROCS of the Go records
// and the versions of gonum.
func goVersions(recs []*benchops.Record) string {
	parts := []string{runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH}
	procs := map[string]bool{}
	for _, r := range recs {
		if r.String("impl") != "go" {
			continue
		}
		if g, ok := r.Float("gomaxprocs"); ok {
			procs[fmt.Sprint(g)] = true
		}
	}
	var ps []string
	for p := range procs {
		ps = append(ps, p)
	}
	sort.Strings(ps)
	if len(ps) > 0 {
		parts = append(parts, "GOMAXPROCS "+strings.Join(ps, "/"))
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "gonum.org/v1/gonum" {
				parts = append(parts, "gonum "+d.Version)
			}
		}
	}
	return strings.Join(parts, ", ")
}
