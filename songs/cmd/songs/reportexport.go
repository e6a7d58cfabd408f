package main

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/songcohorts/cohorts/songs/internal/atomicfile"
	"github.com/songcohorts/cohorts/songs/report/export"
)

func init() {
	commands["report-prepare"] = command{summary: "write the with-code and code-free notebooks an export renders: title, contents, appendices", run: runReportPrepare}
	commands["report-contents"] = command{summary: "fill the table of contents of an exported HTML report", run: runReportContents}
}

// studyName is the study every report belongs to.
const studyName = "Song cohorts"

func runReportPrepare(args []string, stdout io.Writer) error {
	fs := newFlags("report-prepare", "[--catalog NAME] EXECUTED.ipynb WITH-CODE.ipynb NO-CODE.ipynb")
	catalog := fs.String("catalog", orDefault(os.Getenv("CATALOG"), "rolling-stones"), "the catalog the report is about (default $CATALOG)")
	if err := parse(fs, args); err != nil {
		return helpOK(err)
	}
	if fs.NArg() != 3 {
		fs.Usage()
		return errUsage
	}
	in := fs.Arg(0)
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
		if err := atomicfile.WriteFile(fs.Arg(1+i), out.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func runReportContents(args []string, stdout io.Writer) error {
	fs := newFlags("report-contents", "REPORT.html...")
	if err := parse(fs, args); err != nil {
		return helpOK(err)
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	for _, path := range fs.Args() {
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

// orDefault returns s, or def when s is empty.
func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
