package catalog

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"

	"github.com/songcohorts/cohorts/songs/internal/atomicfile"
)

// Files written by notebook 01 into the interim folder.
const (
	TracksFile      = "tracks.parquet"
	CleanTracksFile = "tracks_clean.parquet"
	CleaningLogFile = "cleaning_log.csv"
)

// WriteInterim writes the cleaning results into dir: every loaded track
// with its flags (TracksFile), the cleaned tracks (CleanTracksFile) and the
// cleaning log (CleaningLogFile, see LogCSV). Each file is written
// atomically.
func WriteInterim(dir string, c *Cleaned) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := WriteParquet(filepath.Join(dir, TracksFile), c.Loaded, c.Rows(false)); err != nil {
		return err
	}
	if err := WriteParquet(filepath.Join(dir, CleanTracksFile), c.Tracks, c.Rows(true)); err != nil {
		return err
	}
	return atomicfile.WriteFile(filepath.Join(dir, CleaningLogFile), c.LogCSV(), 0o644)
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
