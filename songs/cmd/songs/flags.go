package main

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"

	"github.com/songcohorts/cohorts/songs"
)

// exec runs the command called name (as in its usage line, after
// "songs"): its flags are parsed first, and its help (-h) ends it
// successfully; then the number of arguments is checked and the study's
// parameters are read if the command needs them, before its body runs.
func (c command) exec(name string, args []string, stdout io.Writer) error {
	fs := newFlags(name, c.synopsis)
	run := c.run
	if c.flags != nil {
		run = c.flags(fs)
	}
	if err := parse(fs, args); err != nil {
		if err == errHelp {
			return nil
		}
		return err
	}
	switch n := fs.NArg(); {
	case c.args == noArgs && n > 0:
		return usagef("unexpected argument %q", fs.Arg(0))
	case n < c.args.min || (c.args.max >= 0 && n > c.args.max):
		return usageError(fs)
	}
	var p songs.Params
	if c.params {
		var err error
		if p, err = songs.ParamsFromEnv(); err != nil && !allSet(fs, c.paramFlags) {
			return err
		}
	}
	return run(p, fs.Args(), stdout)
}

// allSet reports whether each of the named flags (at least one) has a
// value other than its default.
func allSet(fs *flag.FlagSet, names []string) bool {
	for _, n := range names {
		if f := fs.Lookup(n); f.Value.String() == f.DefValue {
			return false
		}
	}
	return len(names) > 0
}

// usageError prints a command's help on standard error and returns
// errUsage: the arguments after the flags are wrong.
func usageError(fs *flag.FlagSet) error {
	fs.Usage()
	return errUsage
}

// newFlags makes a flag set for a subcommand. Its help goes to standard
// output when asked for (-h) and to standard error after a wrong flag or
// when a command calls Usage.
func newFlags(name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet("songs "+name, flag.ContinueOnError)
	fs.SetOutput(new(bytes.Buffer)) // parse sends it on
	fs.Usage = func() {
		io.WriteString(fs.Output(), "usage: songs "+name+" "+synopsis+"\n")
		n := 0
		fs.VisitAll(func(*flag.Flag) { n++ })
		if n > 0 {
			io.WriteString(fs.Output(), "\nflags:\n")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parse parses flags, turning -h into a clean exit (the help on standard
// output) and errors into errUsage (the error and the help on standard
// error).
func parse(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	printed, _ := fs.Output().(*bytes.Buffer)
	fs.SetOutput(errOut)
	if errors.Is(err, flag.ErrHelp) {
		if printed != nil {
			helpOut.Write(printed.Bytes())
		}
		return errHelp
	}
	if printed != nil {
		errOut.Write(printed.Bytes())
	}
	if err != nil {
		return errUsage
	}
	return nil
}

// catalogCSVFlag declares --csv, the catalog a command reads, and returns
// the path it names: the flag, else the study's RAW_CSV.
func catalogCSVFlag(fs *flag.FlagSet) func(p songs.Params) string {
	csv := fs.String("csv", "", "catalog CSV file or glob (default: RAW_CSV, else the study's catalog)")
	return func(p songs.Params) string {
		if *csv == "" {
			return p.Path(p.RawCSV)
		}
		return *csv
	}
}

// catalogNameFlag declares --catalog, the name of the catalog that the
// reports a command reads or writes are about: $CATALOG, else the study's.
func catalogNameFlag(fs *flag.FlagSet) *string {
	def := os.Getenv("CATALOG")
	if def == "" {
		def = "rolling-stones"
	}
	return fs.String("catalog", def, "the catalog the reports are about (default $CATALOG)")
}

// errHelp ends a command after its help was printed.
var errHelp = errors.New("help shown")
