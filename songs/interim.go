package songs

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"

	"github.com/songcohorts/cohorts/songs/internal/atomicfile"
)

// Files written by notebook 01 into the interim folder.
const (
	TracksFile      = "tracks.parquet"
	CleanTracksFile = "tracks_clean.parquet"
	CleaningLogFile = "cleaning_log.csv"
)

// WriteInterim writes the cleaning results into p.InterimDir(): every
// loaded track with its flags, the cleaned tracks, and the cleaning log
// (columns id, record, rule, detail). Each file is written atomically.
func WriteInterim(p Params, c *Cleaned) error {
	if err := os.MkdirAll(p.InterimDir(), 0o755); err != nil {
		return err
	}
	if err := WriteParquet(p.Interim(TracksFile), c.Loaded, c.Rows(false)); err != nil {
		return err
	}
	if err := WriteParquet(p.Interim(CleanTracksFile), c.Tracks, c.Rows(true)); err != nil {
		return err
	}
	return atomicfile.WriteFile(p.Interim(CleaningLogFile), c.LogCSV(), 0o644)
}

// LogCSV renders the cleaning log as CSV with the header
// id,source,record,rule,detail.
func (c *Cleaned) LogCSV() []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write([]string{"id", "source", "record", "rule", "detail"})
	for _, e := range c.Log {
		_ = w.Write([]string{e.ID, e.Source, strconv.Itoa(e.Record), e.Rule, e.Detail})
	}
	w.Flush() // writes to a bytes.Buffer cannot fail
	return buf.Bytes()
}

// ErrMissingInput says that a file a notebook needs has not been made yet.
var ErrMissingInput = errors.New("missing input")

// LoadClean reads the cleaned tracks written by notebook 01. When the file
// does not exist the error says which notebook and make target make it.
func LoadClean(p Params) (*Catalog, error) {
	path := p.Interim(CleanTracksFile)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s does not exist yet: run notebook 01-cleaning first (make output/01-cleaning.html, or simply make)", ErrMissingInput, path)
	}
	cat, _, err := ReadParquet(path)
	return cat, err
}

// LoadRaw loads and cleans the raw catalog named by p with the default
// cleaning options.
func LoadRaw(p Params) (*Cleaned, error) {
	cat, err := Load(p.Path(p.RawCSV))
	if err != nil {
		return nil, err
	}
	return Clean(cat, CleanOptionsFor(p)), nil
}

// CleanOptionsFor returns the cleaning options for a catalog: the original
// study's hand-picked drops apply to the catalog it was written for only.
func CleanOptionsFor(p Params) CleanOptions {
	return CleanOptions{OriginalExtremes: p.Catalog == DefaultCatalog}
}
