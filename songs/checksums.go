package songs

import (
	"path/filepath"

	"github.com/songcohorts/cohorts/songs/catalog"
)

// DataChecksums returns "file: sha256" lines for the catalog files p names,
// the files relative to the project root.
func DataChecksums(p Params) ([]string, error) {
	files, sums, err := catalog.Checksums(p.Path(p.RawCSV))
	if err != nil {
		return nil, err
	}
	out := make([]string, len(files))
	for i, f := range files {
		rel, err := filepath.Rel(p.Root, f)
		if err != nil {
			rel = filepath.Base(f)
		}
		out[i] = rel + ": " + sums[i]
	}
	return out, nil
}
