package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/songcohorts/cohorts/songs/internal/metricsfile"
)

// metricsFlags declares the flags of songs metrics and returns its body.
func metricsFlags(fs *flag.FlagSet) body {
	out := fs.String("out", "", "merged file to write (atomically)")
	return func(args []string, stdout io.Writer) error {
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
}
