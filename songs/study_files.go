package songs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/songcohorts/cohorts/songs/catalog"
)

// WriteInterim writes the cleaning results of notebook 01 into the
// interim folder of p's catalog (see catalog.WriteInterim).
func WriteInterim(p Params, c *catalog.Cleaned) error {
	return catalog.WriteInterim(p.InterimDir(), c)
}

// ErrMissingInput says that a file a notebook needs has not been made yet.
var ErrMissingInput = errors.New("missing input")

// LoadClean reads the cleaned tracks written by notebook 01. When the file
// does not exist the error says which notebook and make target make it.
func LoadClean(p Params) (*catalog.Catalog, error) {
	path := p.Interim(catalog.CleanTracksFile)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s does not exist yet: run notebook 01-cleaning first (make output/01-cleaning.html, or simply make)", ErrMissingInput, path)
	}
	cat, _, err := catalog.ReadParquet(path)
	return cat, err
}

// LoadRaw loads and cleans the raw catalog named by p with the cleaning
// options for it (CleanOptionsFor). Its files are named relative to the
// project root (their base name when they lie outside it), so no output
// shows where this machine keeps them.
func LoadRaw(p Params) (*catalog.Cleaned, error) {
	cat, err := catalog.Load(p.Path(p.RawCSV))
	if err != nil {
		return nil, err
	}
	cat.RenameSources(p.Rel)
	return catalog.Clean(cat, CleanOptionsFor(cat)), nil
}

// CleanOptionsFor returns the cleaning options for a loaded catalog: the
// original study's hand-picked drops apply to the course file only
// (catalog.HoldsCourseFile), whatever the catalog is called or where it
// lies, so the notebooks and the command clean one file the same way.
func CleanOptionsFor(cat *catalog.Catalog) catalog.CleanOptions {
	return catalog.CleanOptions{OriginalExtremes: catalog.HoldsCourseFile(cat)}
}

// DataChecksums returns "file: sha256" lines for the catalog files p names,
// the files relative to the project root.
func DataChecksums(p Params) ([]string, error) {
	files, sums, err := catalog.Checksums(p.Path(p.RawCSV))
	if err != nil {
		return nil, err
	}
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = p.Rel(f) + ": " + sums[i]
	}
	return out, nil
}
