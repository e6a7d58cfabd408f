package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/songcohorts/cohorts/songs/report/check"
)

// layoutTools are the programs the DOCX layout check runs, and the Debian
// packages that hold them.
var layoutTools = []struct{ cmd, pkg string }{{"soffice", "libreoffice-writer-nogui"}, {"pdftotext", "poppler-utils"}}

// errNoLayoutTools is returned when LibreOffice or pdftotext is missing.
var errNoLayoutTools = errors.New("the DOCX layout check needs LibreOffice (soffice) and pdftotext: apt-get install libreoffice-writer-nogui poppler-utils (make test installs them when run as root)")

// docxLayoutProblems converts the DOCX files to PDF with LibreOffice and
// returns, per file, the table values and header words the PDF shows
// split over lines (check.Splits), and the table words not found in the
// PDF's text at all, which say that the document or the check is wrong.
// The text is pdftotext -raw's, which keeps the drawing order: a cell's
// lines, and the pieces of a word broken in it, follow each other.
// Without the tools it returns errNoLayoutTools.
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
	// Reports of two catalogs share their names: each is converted under
	// a number of its own, all in one LibreOffice run. A profile of its
	// own lets the conversion neither wait for nor disturb a LibreOffice
	// the user has open.
	args := []string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", dir}
	for i, path := range paths {
		abs, err := filepath.Abs(path)
		if err != nil {
			return nil, err
		}
		link := filepath.Join(dir, fmt.Sprintf("%d.docx", i))
		if err := os.Symlink(abs, link); err != nil {
			return nil, err
		}
		args = append(args, link)
	}
	cmd := exec.Command("soffice", args...)
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("soffice --convert-to pdf: %v\n%s", err, out)
	}
	problems := map[string][]string{}
	for i, path := range paths {
		pdf := filepath.Join(dir, fmt.Sprintf("%d.pdf", i))
		text, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-").Output()
		if err != nil {
			return nil, fmt.Errorf("pdftotext %s (made from %s): %v", pdf, path, err)
		}
		tables, err := check.DOCXTables(path)
		if err != nil {
			return nil, err
		}
		splits, missing := check.Splits(tables, string(text))
		// The same word split the same way is reported once, with a count.
		seen := map[string]int{}
		var order []string
		for _, s := range splits {
			if seen[s.String()] == 0 {
				order = append(order, s.String())
			}
			seen[s.String()]++
		}
		for _, msg := range order {
			if n := seen[msg]; n > 1 {
				msg += fmt.Sprintf(" (%d times)", n)
			}
			problems[path] = append(problems[path], msg)
		}
		if len(missing) > 0 {
			shown := missing[:min(len(missing), 8)]
			problems[path] = append(problems[path], fmt.Sprintf("%d table words not found whole or in pieces in the PDF text: %q", len(missing), shown))
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
