package catalog

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"

	"github.com/songcohorts/cohorts/songs/internal/atomicfile"
)

// Files written by notebook 01 into the interim folder. The Parquet files
// (package parquetfile) are for other tools; the notebooks read the cleaned
// tracks from CleanTracksCSVFile and its description.
const (
	TracksFile         = "tracks.parquet"
	CleanTracksFile    = "tracks_clean.parquet"
	CleanTracksCSVFile = "tracks_clean.csv"
	CleaningLogFile    = "cleaning_log.csv"
)

// WriteInterim writes the text files of the cleaning results into dir: the
// cleaned tracks (CleanTracksCSVFile with its description, see
// WriteTracksCSV) and the cleaning log (CleaningLogFile, see LogCSV). Each
// file is written atomically. parquetfile.WriteInterim writes these and
// the Parquet files.
func WriteInterim(dir string, c *Cleaned) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := WriteTracksCSV(filepath.Join(dir, CleanTracksCSVFile), c.Tracks, c.Rows(true)); err != nil {
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

// WrittenFile describes a file as read back after writing: its name in its
// folder, its data rows and its size in bytes.
type WrittenFile struct {
	Name  string
	Rows  int
	Bytes int64
}
