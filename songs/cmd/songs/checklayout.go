package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/songcohorts/cohorts/songs/report/check"
)

// layoutTools are the programs the DOCX layout check runs, and the Debian
// packages that hold them.
var layoutTools = []struct{ cmd, pkg string }{{"soffice", "libreoffice-writer-nogui"}, {"pdftotext", "poppler-utils"}}

// errNoLayoutTools is returned when LibreOffice or pdftotext is missing.
var errNoLayoutTools = errors.New("the DOCX layout check needs LibreOffice (soffice) and pdftotext: apt-get install libreoffice-writer-nogui poppler-utils (make test installs them when run as root)")

// docxLayoutProblems converts the DOCX files to PDF with LibreOffice and
// returns, per file, the table values and header words the PDF shows
// split over lines. Without the tools it returns errNoLayoutTools.
func docxLayoutProblems(paths []string) (map[string][]string, error) {
	for _, t := range layoutTools {
		if _, err := exec.LookPath(t.cmd); err != nil {
			return nil, errNoLayoutTools
		}
	}
	dir, err := os.MkdirTemp("", "songs-docx-layout-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	// A profile of its own, so that the conversion neither waits for nor
	// disturbs a LibreOffice the user has open.
	args := []string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", dir}
	cmd := exec.Command("soffice", append(args, paths...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("soffice --convert-to pdf: %v\n%s", err, out)
	}
	problems := map[string][]string{}
	for _, path := range paths {
		pdf := filepath.Join(dir, strings.TrimSuffix(filepath.Base(path), ".docx")+".pdf")
		text, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-").Output()
		if err != nil {
			return nil, fmt.Errorf("pdftotext %s (made from %s): %v", pdf, path, err)
		}
		tables, err := check.DOCXTables(path)
		if err != nil {
			return nil, err
		}
		splits, missing := check.Splits(tables, string(text))
		for _, s := range splits {
			problems[path] = append(problems[path], s.String())
		}
		if missing > 0 {
			problems[path] = append(problems[path], fmt.Sprintf("%d table words not found whole or in pieces in the PDF text", missing))
		}
	}
	return problems, nil
}

// layoutCheck runs docxLayoutProblems on the DOCX files among paths and
// prints what it finds; it reports how many files failed. Without the
// tools it fails under CI=true and otherwise says what it skipped.
func layoutCheck(paths []string, stdout io.Writer) (int, error) {
	var docx []string
	for _, p := range paths {
		if filepath.Ext(p) == ".docx" {
			docx = append(docx, p)
		}
	}
	if len(docx) == 0 {
		return 0, nil
	}
	problems, err := docxLayoutProblems(docx)
	if errors.Is(err, errNoLayoutTools) && os.Getenv("CI") != "true" {
		fmt.Fprintf(stdout, "skipped the DOCX layout check: %v\n", err)
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	failed := 0
	for _, p := range docx {
		for _, msg := range problems[p] {
			fmt.Fprintf(stdout, "%s: %s\n", p, msg)
		}
		if len(problems[p]) > 0 {
			failed++
		}
	}
	return failed, nil
}
