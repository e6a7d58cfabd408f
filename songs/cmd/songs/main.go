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
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// command is one subcommand.
type command struct {
	summary string
	run     func(args []string, stdout io.Writer) error
}

// commands are registered by the files that implement them.
var commands = map[string]command{}

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
	if err := cmd.run(args[1:], stdout); err != nil {
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
