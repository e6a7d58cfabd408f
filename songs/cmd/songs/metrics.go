package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/internal/metricsfile"
)

// metricsFlags declares the flags of songs metrics and returns its body.
func metricsFlags(fs *flag.FlagSet) body {
	out := fs.String("out", "", "merged file to write (atomically)")
	return func(_ songs.Params, args []string, stdout io.Writer) error {
		if *out == "" {
			return usageError(fs)
		}
		if err := metricsfile.Merge(*out, args...); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s from %d files\n", *out, len(args))
		return nil
	}
}
