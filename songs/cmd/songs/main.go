// Command songs is the project's one command: the study's steps for people
// and systems without notebooks, and the checks the Makefile runs.
//
//	songs validate --csv FILE            load and validate a catalog, list its findings
//	songs cohorts [--out FILE] [--json]  print or write the cohort table (after notebook 03)
//	songs recommend --track TITLE -n 10  songs like a track, or a playlist (--playlist)
//	songs assign --csv NEW.csv           assign new tracks to cohorts with the saved model
//	songs bench --csv FILE --op OP       time an op as ../shared/bench/sklearn_ref.py does
//	songs bench-report --in F --out F    the Go/scikit-learn ratio table
//	songs metrics --out FILE IN...       merge the notebooks' metrics files
//	songs check-notebooks NB...          fail if a notebook carries outputs
//	songs check-exports REPORT...        check exported HTML and DOCX reports
//	songs notebook-errors NB             print the failing cell of an executed notebook
//
// Run `songs COMMAND --help` for a command's flags. Parameters shared with
// the notebooks (CATALOG, RAW_CSV, SEED, K, POPULAR_THRESHOLD) are read
// from the environment.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/songcohorts/cohorts/songs"
)

// command is one subcommand.
type command struct {
	summary string
	// synopsis follows "songs NAME" in the usage line of the command's
	// help.
	synopsis string
	// args is how many arguments the command takes after its flags; the
	// zero value takes none.
	args arity
	// params says that the body needs the study's parameters: exec reads
	// them from the environment (songs.ParamsFromEnv) and ends on their
	// error, unless every flag named in paramFlags was given a value other
	// than its default (those flags stand in for the parameters).
	params     bool
	paramFlags []string
	// flags declares the command's flags on a fresh flag set and returns
	// its body, which exec runs on the arguments left after the flags.
	flags func(fs *flag.FlagSet) body
	// run is the body of a command without flags.
	run body
}

// body is what a command does with the study's parameters (the zero
// value unless the command asks for them) and its arguments.
type body func(p songs.Params, args []string, stdout io.Writer) error

// arity is how many arguments a command takes after its flags: from min
// to max, or any number from min when max is negative.
type arity struct{ min, max int }

// The arities of the commands: no argument, one or more, any number, and
// exactly n.
var (
	noArgs   = arity{0, 0}
	someArgs = arity{1, -1}
	anyArgs  = arity{0, -1}
)

func exactly(n int) arity { return arity{n, n} }

// commands are the subcommands by name.
var commands = map[string]command{
	"assign":          {summary: "assign the tracks of a new CSV to the saved cohorts", synopsis: "--csv NEW.csv [--model FILE] [--json]", params: true, paramFlags: []string{"model"}, flags: assignFlags},
	"bench":           {summary: "time ops against the scikit-learn reference (one fresh process per op)", synopsis: "--csv FILE --op OP[,OP...]|all [--k 8] [--eps E] [--bandwidth B] [--timeout 300] [--json]", args: anyArgs, flags: benchFlags},
	"bench-report":    {summary: "write the Go/scikit-learn ratio table from bench JSON lines", synopsis: "--in results.jsonl (--out output/bench.md | --unmet)", flags: benchReportFlags},
	"check-exports":   {summary: "check exported reports: HTML self-contained, DOCX with tables and images and no word split in its tables", synopsis: "REPORT.html|REPORT.docx...", args: someArgs, run: runCheckExports},
	"check-notebooks": {summary: "fail if a committed notebook carries outputs or execution counts", synopsis: "NOTEBOOK.ipynb...", args: someArgs, run: runCheckNotebooks},
	"check-reports":   {summary: "check the text of exported reports: no NaN, nil, format errors, raw markup, paths, empty fields, wording of another catalog", synopsis: "--catalog NAME REPORT.html|REPORT.docx...", args: someArgs, flags: checkReportsFlags},
	"cohorts":         {summary: "print or write the cohort of every cleaned track", synopsis: "[--out FILE.csv|FILE.parquet] [--save] [--json]", params: true, flags: cohortsFlags},
	"metrics":         {summary: "merge the notebooks' metrics-*.json files into one", synopsis: "--out FILE METRICS.json...", args: someArgs, flags: metricsFlags},
	"notebook-errors": {summary: "print the first failing cell of an executed notebook (its code, stderr and error); fail if there is one", synopsis: "EXECUTED.ipynb", args: exactly(1), run: runNotebookErrors},
	"params":          {summary: "check the study's parameters (CATALOG, RAW_CSV, SEED, K, POPULAR_THRESHOLD) and print them, one NAME=value a line", params: true, run: runParams},
	"recommend":       {summary: "recommend songs similar to one or several tracks, or a playlist", synopsis: `--track "TITLE or ID" [--track ...] [-n 10] [--same-cohort] [--cohort-weight W] [--diversity D] [--popularity-blend B] [--local-scaling K] [--playlist] [--json]`, params: true, flags: recommendFlags},
	"report-contents": {summary: "fill the table of contents of an exported HTML report", synopsis: "REPORT.html...", args: someArgs, run: runReportContents},
	"report-prepare":  {summary: "write the with-code and code-free notebooks an export renders: title, contents, appendices", synopsis: "[--catalog NAME] EXECUTED.ipynb WITH-CODE.ipynb NO-CODE.ipynb", args: exactly(3), flags: reportPrepareFlags},
	"run":             {summary: "the whole cohort run on any catalog: load, clean, choose the cohorts as notebook 03 does, export", synopsis: "[--csv FILE] [--seed S] [--k K] [--out DIR] [--json]", params: true, paramFlags: []string{"csv", "seed", "k"}, flags: runFlags},
	"validate":        {summary: "load and validate a catalog; list its findings", synopsis: "--csv FILE|GLOB [--json]", params: true, paramFlags: []string{"csv"}, flags: validateFlags},
	"validation":      {summary: "run notebook 03's cluster validation on the cleaned tracks and cache it (data/processed/validation.gob), replacing any cache", params: true, run: runValidation},
}

// errUsage marks a wrong invocation (exit status 2); what is wrong has
// been written to errOut.
var errUsage = errors.New("usage")

// errOut receives usage errors, helpOut the help asked for: run's standard
// error and output.
var errOut, helpOut io.Writer = os.Stderr, os.Stdout

// usagef returns a wrong invocation's error: run prints the message on
// standard error (after "songs COMMAND: " unless it starts with "usage:")
// and exits with status 2.
func usagef(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errUsage}, args...)...)
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stdout)
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "songs: unknown command %q\n\n", args[0])
		usage(stderr)
		return 2
	}
	errOut, helpOut = stderr, stdout
	if err := cmd.exec(args[0], args[1:], stdout); err != nil {
		if errors.Is(err, errUsage) {
			if msg := strings.TrimPrefix(err.Error(), errUsage.Error()+": "); msg != err.Error() {
				if !strings.HasPrefix(msg, "usage:") {
					msg = "songs " + args[0] + ": " + msg
				}
				fmt.Fprintln(stderr, msg)
			}
			return 2
		}
		fmt.Fprintf(stderr, "songs %s: %v\n", args[0], err)
		return 1
	}
	return 0
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: songs COMMAND [flags]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-16s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'songs COMMAND --help' for its flags.")
}
