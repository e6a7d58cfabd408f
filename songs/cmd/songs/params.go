package main

import (
	"fmt"
	"io"

	"github.com/songcohorts/cohorts/songs"
)

// runParams validates the parameters in the environment exactly as the
// notebooks read them and prints their canonical values (the same set of
// values always prints the same lines), so that the Makefile can refuse a
// bad parameter before any set-up, staging or notebook and tell runs of
// different parameter sets apart.
func runParams(p songs.Params, args []string, stdout io.Writer) error {
	for _, kv := range p.Env() {
		fmt.Fprintf(stdout, "%s=%s\n", kv[0], kv[1])
	}
	fmt.Fprintf(stdout, "DICTIONARY_XLSX=%s\n", p.Dictionary)
	return nil
}
