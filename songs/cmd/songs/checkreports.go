package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/report/check"
)

// checkReportsFlags declares the flags of songs check-reports and returns its body.
func checkReportsFlags(fs *flag.FlagSet) body {
	catalog := catalogNameFlag(fs)
	return func(_ songs.Params, args []string, stdout io.Writer) error {
		failed, total := 0, 0
		for _, path := range args {
			pieces, o, err := reportText(path)
			if err != nil {
				return err
			}
			o.Catalog = *catalog
			problems := check.Problems(pieces, o)
			for _, p := range problems {
				fmt.Fprintf(stdout, "%s: %s\n", path, p)
			}
			if len(problems) > 0 {
				failed++
				total += len(problems)
			}
		}
		if failed > 0 {
			return fmt.Errorf("%d problems in %d of %d reports", total, failed, fs.NArg())
		}
		fmt.Fprintf(stdout, "%d reports of the %s catalog read: no problem found\n", fs.NArg(), *catalog)
		return nil
	}
}

// reportText reads the text of an HTML or DOCX report and says which
// rendition it is.
func reportText(path string) ([]check.Piece, check.Options, error) {
	switch filepath.Ext(path) {
	case ".html":
		f, err := os.Open(path)
		if err != nil {
			return nil, check.Options{}, err
		}
		defer f.Close()
		pieces, err := check.HTMLText(f)
		if err != nil {
			return nil, check.Options{}, fmt.Errorf("%s: %w", path, err)
		}
		return pieces, check.Options{NoCode: strings.HasSuffix(path, "-nocode.html")}, nil
	case ".docx":
		pieces, err := check.DOCXText(path)
		return pieces, check.Options{NoCode: true, Word: true}, err
	}
	return nil, check.Options{}, fmt.Errorf("%s: not an .html or .docx report", path)
}
