package main

import (
	"fmt"
	"io"

	"github.com/songcohorts/cohorts/songs"
)

// runValidation computes the validation notebooks 03 and 04 start from and
// the claims' tests of their key findings, and caches them, from the raw
// catalog cleaned as notebook 01 cleans it (songs.PrecomputeFromRaw), so
// make runs it beside notebook 01. It always recomputes: make runs it when
// the raw catalog, the parameters or the code changed, and a cache keyed on
// the data alone would outlive a change of the code.
func runValidation(p songs.Params, args []string, stdout io.Writer) error {
	v, err := songs.PrecomputeFromRaw(p)
	if err != nil {
		return err
	}
	c := v.Chosen
	fmt.Fprintf(stdout, "wrote %s: %s on the %s set, k=%d, silhouette %.4f\n",
		p.Processed(songs.ValidationFile), c.Algorithm, c.Set, c.K, c.Silhouette)
	return nil
}
