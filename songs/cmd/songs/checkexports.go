package main

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/songcohorts/cohorts/songs"
)

func runCheckExports(_ songs.Params, args []string, stdout io.Writer) error {
	failed := 0
	for _, path := range args {
		var problems []string
		var err error
		switch filepath.Ext(path) {
		case ".html":
			problems, err = htmlProblems(path)
		case ".docx":
			problems, err = docxProblems(path)
		default:
			err = fmt.Errorf("%s: not an .html or .docx report", path)
		}
		if err != nil {
			return err
		}
		for _, p := range problems {
			fmt.Fprintf(stdout, "%s: %s\n", path, p)
		}
		if len(problems) > 0 {
			failed++
		}
	}
	layoutFailed, err := layoutCheck(args, stdout)
	if err != nil {
		return err
	}
	failed += layoutFailed
	if failed > 0 {
		return fmt.Errorf("%d of %d report checks failed", failed, len(args))
	}
	fmt.Fprintf(stdout, "%d reports checked: self-contained HTML, DOCX with tables and images, no table word split over lines\n", len(args))
	return nil
}

var (
	externalRef = regexp.MustCompile(`(?i)<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*["']?(https?:|//|file:)`)
	// A script module loaded at run time (nbconvert 7's mermaid.js loader).
	moduleImport = regexp.MustCompile(`(?i)\bimport\s*\(\s*["'](https?:|//|file:)|\bfrom\s+["'](https?:|//|file:)`)
	fileRef      = regexp.MustCompile(`(?i)\b(src|href)\s*=\s*["']?file:|url\(\s*["']?file:`)
	imgTag       = regexp.MustCompile(`(?i)<img\b[^>]*\bsrc\s*=\s*["']data:image/png;base64,`)
	errorOutput  = regexp.MustCompile(`jp-RenderedText[^>]*data-mime-type="application/vnd.jupyter.stderr"|class="[^"]*output_error`)
)

// htmlProblems checks that a report opens offline: no reference to a local
// file or a network address, and that it shows at least one embedded chart
// and one table and no error output.
func htmlProblems(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s := string(b)
	var out []string
	if m := externalRef.FindString(s); m != "" {
		out = append(out, "fetches something from outside the file: "+m)
	}
	if m := moduleImport.FindString(s); m != "" {
		out = append(out, "imports a script from outside the file: "+m)
	}
	if fileRef.MatchString(s) {
		out = append(out, "refers to a local file:// path")
	}
	if !imgTag.MatchString(s) {
		out = append(out, "has no embedded PNG chart")
	}
	if !strings.Contains(s, "<table") {
		out = append(out, "has no table")
	}
	if errorOutput.MatchString(s) {
		out = append(out, "shows an error output")
	}
	return out, nil
}

// docxProblems checks that a DOCX opens as a zip with a document that holds
// tables and PNG images.
func docxProblems(path string) ([]string, error) {
	z, err := zip.OpenReader(path)
	if err != nil {
		return []string{"not a readable DOCX: " + err.Error()}, nil
	}
	defer z.Close()
	var doc string
	images := 0
	for _, f := range z.File {
		if strings.HasPrefix(f.Name, "word/media/") && strings.HasSuffix(f.Name, ".png") {
			images++
		}
		if f.Name == "word/document.xml" {
			r, err := f.Open()
			if err != nil {
				return nil, err
			}
			b, err := io.ReadAll(r)
			r.Close()
			if err != nil {
				return nil, err
			}
			doc = string(b)
		}
	}
	var out []string
	if doc == "" {
		out = append(out, "has no word/document.xml")
	}
	if tables := strings.Count(doc, "<w:tbl>"); tables == 0 {
		out = append(out, "has no table")
	}
	if images == 0 {
		out = append(out, "has no PNG image")
	}
	return out, nil
}
