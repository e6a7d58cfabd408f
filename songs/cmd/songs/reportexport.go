package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/internal/atomicfile"
	"github.com/songcohorts/cohorts/songs/report/export"
)

// studyName is the study every report belongs to.
const studyName = "Song cohorts"

// reportPrepareFlags declares the flags of songs report-prepare and returns its body.
func reportPrepareFlags(fs *flag.FlagSet) body {
	catalog := catalogNameFlag(fs)
	return func(_ songs.Params, args []string, stdout io.Writer) error {
		in := args[0]
		for i, noCode := range []bool{false, true} {
			b, err := os.ReadFile(in)
			if err != nil {
				return err
			}
			nb, err := export.Read(bytes.NewReader(b))
			if err != nil {
				return fmt.Errorf("%s: %w", in, err)
			}
			o := export.Options{NoCode: noCode, Study: studyName, Catalog: export.CatalogName(*catalog)}
			if err := export.Prepare(nb, o); err != nil {
				return fmt.Errorf("%s: %w", in, err)
			}
			var out bytes.Buffer
			if err := nb.Write(&out); err != nil {
				return err
			}
			if err := atomicfile.WriteFile(args[1+i], out.Bytes(), 0o644); err != nil {
				return err
			}
		}
		return nil
	}
}

// runReportContents fills the table of contents of each exported HTML
// report, in place.
func runReportContents(_ songs.Params, args []string, stdout io.Writer) error {
	for _, path := range args {
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := atomicfile.WriteFile(path, export.Contents(b), 0o644); err != nil {
			return err
		}
	}
	return nil
}
