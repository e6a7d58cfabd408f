package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/internal/benchops"
)

// benchWorker is the hidden first argument that makes `songs bench` run one
// op in its own process.
const benchWorker = "_worker"

// benchFlags declares the flags of songs bench and returns its body.
func benchFlags(fs *flag.FlagSet) body {
	csvPath := fs.String("csv", "", "catalog CSV (the header of bench/sklearn_ref.py gen or the real catalog)")
	ops := fs.String("op", "", "ops, comma-separated, or all: "+strings.Join(benchops.Ops, " "))
	k := fs.Int("k", 8, "clusters for kmeans, silhouette, ward and gmm")
	eps := fs.Float64("eps", 0, "DBSCAN eps (default: estimated as the reference script does)")
	bandwidth := fs.Float64("bandwidth", 0, "Mean Shift bandwidth (default: estimated as the reference script does)")
	timeout := fs.Float64("timeout", 300, "seconds per op; the worker is killed after it")
	noCap := fs.Bool("nocap", false, "run ops above their row limits")
	profile := fs.String("cpuprofile", "", "write a CPU profile of each timed call to FILE.OP.prof")
	asJSON := fs.Bool("json", false, "print one JSON line per op")
	return func(_ songs.Params, args []string, stdout io.Writer) error {
		if len(args) > 0 && args[0] == benchWorker {
			return benchWorkerCommand.exec("bench "+benchWorker, args[1:], stdout)
		}
		if *csvPath == "" || *ops == "" {
			return usageError(fs)
		}
		if _, err := os.Stat(*csvPath); err != nil {
			return err
		}
		list, err := benchOpList(*ops)
		if err != nil {
			return err
		}
		self, err := os.Executable()
		if err != nil {
			return err
		}
		failed := false
		for _, op := range list {
			wargs := []string{"bench", benchWorker, "--csv", *csvPath, "--op", op, "--k", strconv.Itoa(*k)}
			if *eps != 0 {
				wargs = append(wargs, "--eps", strconv.FormatFloat(*eps, 'g', -1, 64))
			}
			if *bandwidth != 0 {
				wargs = append(wargs, "--bandwidth", strconv.FormatFloat(*bandwidth, 'g', -1, 64))
			}
			if *noCap {
				wargs = append(wargs, "--nocap")
			}
			if *profile != "" {
				wargs = append(wargs, "--cpuprofile", *profile+"."+op+".prof")
			}
			rec := benchRunWorker(self, wargs, op, time.Duration(*timeout*float64(time.Second)))
			if _, bad := rec.Get("error"); bad {
				failed = true
			}
			if *asJSON {
				b, err := rec.Line()
				if err != nil {
					return err
				}
				fmt.Fprintf(stdout, "%s\n", b)
			} else {
				fmt.Fprintln(stdout, benchLine(rec))
			}
		}
		if failed {
			return errors.New("some ops failed")
		}
		return nil
	}
}

// benchOpList splits a comma list of ops ("all" for every op) and checks
// the names.
func benchOpList(s string) ([]string, error) {
	if s == "all" {
		return benchops.Ops, nil
	}
	var out []string
	for _, o := range strings.Split(s, ",") {
		o = strings.TrimSpace(o)
		if o == "" {
			continue
		}
		known := false
		for _, k := range benchops.Ops {
			known = known || k == o
		}
		if !known {
			return nil, fmt.Errorf("unknown op %q; choose from %s or all", o, strings.Join(benchops.Ops, ", "))
		}
		out = append(out, o)
	}
	if len(out) == 0 {
		return nil, errors.New("no op given")
	}
	return out, nil
}

// benchRunWorker runs one op in a fresh process and returns its record, or
// a record with timeout_s or error (and the end of stderr).
func benchRunWorker(self string, args []string, op string, timeout time.Duration) *benchops.Record {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, self, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	n, last := benchParse(out.Bytes())
	if err == nil && last != nil {
		return last
	}
	rec := benchops.NewRecord()
	rec.Set("impl", "go")
	rec.Set("op", op)
	if n >= 0 {
		rec.Set("n", n)
	}
	if ctx.Err() == context.DeadlineExceeded {
		rec.Set("timeout_s", timeout.Seconds())
		return rec
	}
	if last != nil {
		if _, ok := last.Get("error"); ok {
			return last
		}
	}
	rec.Set("error", fmt.Sprintf("worker failed: %v", err))
	s := strings.TrimSpace(errb.String())
	if len(s) > 600 {
		s = s[len(s)-600:]
	}
	rec.Set("stderr", s)
	return rec
}

// benchParse reads a worker's output: the row count line {"_n": n} (n is -1
// if absent) and the last record of impl "go".
func benchParse(out []byte) (n int, last *benchops.Record) {
	n = -1
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	for sc.Scan() {
		line := sc.Bytes()
		if !bytes.HasPrefix(line, []byte("{")) {
			continue
		}
		rec := benchops.NewRecord()
		if json.Unmarshal(line, rec) != nil {
			continue
		}
		if v, ok := rec.Float("_n"); ok {
			n = int(v)
		} else if rec.String("impl") == "go" {
			last = rec
		}
	}
	return n, last
}

// benchWorkerCommand runs one op in this process and prints its record as
// one JSON line; a record with an error makes the process fail.
var benchWorkerCommand = command{synopsis: "--csv FILE --op OP", flags: benchWorkerFlags}

// benchWorkerFlags declares the worker's flags and returns its body.
func benchWorkerFlags(fs *flag.FlagSet) body {
	csvPath := fs.String("csv", "", "catalog CSV")
	op := fs.String("op", "", "one op")
	k := fs.Int("k", 8, "clusters")
	eps := fs.Float64("eps", 0, "DBSCAN eps")
	bandwidth := fs.Float64("bandwidth", 0, "Mean Shift bandwidth")
	noCap := fs.Bool("nocap", false, "ignore row limits")
	profile := fs.String("cpuprofile", "", "CPU profile of the timed call")
	return func(_ songs.Params, args []string, stdout io.Writer) error {
		if _, err := benchOpList(*op); err != nil || strings.Contains(*op, ",") || *op == "all" {
			return fmt.Errorf("worker takes exactly one op, got %q", *op)
		}
		cfg := benchops.Config{CSV: *csvPath, K: *k, Eps: *eps, Bandwidth: *bandwidth, NoCap: *noCap, CPUProfile: *profile,
			OnRows: func(n int) { fmt.Fprintf(stdout, "{\"_n\": %d}\n", n) }}
		rec := benchops.Run(*op, cfg)
		b, err := rec.Line()
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s\n", b)
		if e := rec.String("error"); e != "" {
			return errors.New(e)
		}
		return nil
	}
}

// benchLine prints a record as one readable line, as the reference
// script's readable output.
func benchLine(r *benchops.Record) string {
	op := r.String("op")
	ns := "n=?"
	if n, ok := r.Float("n"); ok {
		ns = "n=" + strconv.Itoa(int(n))
	}
	if s, ok := r.Float("seconds"); ok {
		peak, _ := r.Float("rss_peak_mb")
		base, _ := r.Float("rss_base_mb")
		cpu, _ := r.Float("cpu_s")
		other, _ := r.Float("other_cpu_s")
		skip := map[string]bool{"impl": true, "op": true, "n": true, "seconds": true,
			"rss_peak_mb": true, "rss_base_mb": true, "cpu_s": true, "other_cpu_s": true}
		var extra []string
		for _, k := range r.Keys() {
			if skip[k] {
				continue
			}
			v, _ := r.Get(k)
			b, _ := json.Marshal(v)
			extra = append(extra, k+"="+string(b))
		}
		return fmt.Sprintf("%-10s %-12s %10.4f s  peak %8.1f MB  base %7.1f MB  cpu %.2f s (others %.2f s)  %s",
			op, ns, s, peak, base, cpu, other, strings.Join(extra, " "))
	}
	if t, ok := r.Float("timeout_s"); ok {
		return fmt.Sprintf("%-10s %-12s TIMEOUT after %g s", op, ns, t)
	}
	if s := r.String("skipped"); s != "" {
		return fmt.Sprintf("%-10s %-12s skipped: %s", op, ns, s)
	}
	return fmt.Sprintf("%-10s %-12s ERROR: %s %s", op, ns, r.String("error"), r.String("stderr"))
}
