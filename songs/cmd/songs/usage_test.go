package main

import (
	"strings"
	"testing"
)

// TestUsageErrorsOnStderr checks that a wrong invocation says what is wrong
// on standard error, nothing on standard output, and exits with status 2.
func TestUsageErrorsOnStderr(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"recommend"}, "songs recommend: --track is required"},
		{[]string{"recommend", "--track", "x", "-n", "0"}, "songs recommend: need -n >= 1"},
		{[]string{"cohorts", "extra"}, `songs cohorts: unexpected argument "extra"`},
		{[]string{"cohorts", "--nosuch"}, "flag provided but not defined: -nosuch"},
		{[]string{"assign"}, "songs assign: --csv FILE is required"},
		{[]string{"run", "--k", "11"}, "songs run: --k must be 0 (choose) or 2..10"},
		{[]string{"check-exports"}, "usage: songs check-exports"},
		{[]string{"nosuch"}, `songs: unknown command "nosuch"`},
	} {
		out, errs, code := runCmd(t, tc.args...)
		if code != 2 || out != "" || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2, nothing, and %q", tc.args, code, out, errs, tc.want)
		}
	}
}

// TestParamFlagsAreFlags checks that the flags a command names as standing
// in for the study's parameters are flags it declares.
func TestParamFlagsAreFlags(t *testing.T) {
	for name, c := range commands {
		if len(c.paramFlags) == 0 {
			continue
		}
		fs := newFlags(name, c.synopsis)
		c.flags(fs)
		for _, f := range c.paramFlags {
			if fs.Lookup(f) == nil {
				t.Errorf("songs %s: paramFlags names %q, which is not one of its flags", name, f)
			}
		}
	}
}
