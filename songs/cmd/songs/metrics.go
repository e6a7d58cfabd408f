package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/songcohorts/cohorts/songs/internal/metricsfile"
)

func init() {
	commands["metrics"] = command{summary: "merge the notebooks' metrics-*.json files into one", run: runMetrics}
}

func runMetrics(args []string, stdout io.Writer) error {
	fs := newFlags("metrics", "--out FILE METRICS.json...")
	out := fs.String("out", "", "merged file to write (atomically)")
	if err := parse(fs, args); err != nil {
		return helpOK(err)
	}
	if *out == "" || fs.NArg() == 0 {
		fs.Usage()
		return errors.New("need --out and at least one metrics file")
	}
	if err := metricsfile.Merge(*out, fs.Args()...); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s from %d files\n", *out, fs.NArg())
	return nil
}
