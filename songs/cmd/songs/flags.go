package main

import (
	"errors"
	"flag"
	"io"
)

// newFlags makes a flag set for a subcommand that prints its help to w.
func newFlags(name, synopsis string, w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("songs "+name, flag.ContinueOnError)
	fs.SetOutput(w)
	fs.Usage = func() {
		io.WriteString(w, "usage: songs "+name+" "+synopsis+"\n\nflags:\n")
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags, turning -h into a clean exit and errors into errUsage.
func parse(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		return errHelp
	}
	if err != nil {
		return errUsage
	}
	return nil
}

// errHelp ends a command after its help was printed.
var errHelp = errors.New("help shown")
