package main

import (
	"fmt"
	"io"

	"github.com/songcohorts/cohorts/songs"
)

// runValidation computes the validation notebooks 03 and 04 start from and
// caches it. It always recomputes: make runs it when the cleaned tracks,
// the parameters or the code changed, and a cache keyed on the data alone
// would outlive a change of the code.
func runValidation(p songs.Params, args []string, stdout io.Writer) error {
	v, err := songs.RunValidation(p)
	if err != nil {
		return err
	}
	c := v.Chosen
	fmt.Fprintf(stdout, "wrote %s: %s on the %s set, k=%d, silhouette %.4f\n",
		p.Processed(songs.ValidationFile), c.Algorithm, c.Set, c.K, c.Silhouette)
	return nil
}
