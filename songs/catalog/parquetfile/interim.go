package parquetfile

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"

	"github.com/songcohorts/cohorts/songs/catalog"
)

// WriteInterim writes notebook 01's results into dir: every loaded track
// with its flags (catalog.TracksFile) and the cleaned tracks
// (catalog.CleanTracksFile) as Parquet, and the text files of
// catalog.WriteInterim (the cleaned tracks as CSV, the cleaning log). Each
// file is written atomically, then read back: the files are listed with the
// rows read and their sizes.
func WriteInterim(dir string, c *catalog.Cleaned) ([]catalog.WrittenFile, error) {
	if err := catalog.WriteInterim(dir, c); err != nil {
		return nil, err
	}
	if err := WriteTracks(filepath.Join(dir, catalog.TracksFile), c.Loaded, c.Rows(false)); err != nil {
		return nil, err
	}
	if err := WriteTracks(filepath.Join(dir, catalog.CleanTracksFile), c.Tracks, c.Rows(true)); err != nil {
		return nil, err
	}
	readers := []struct {
		name string
		rows func(path string) (int, error)
	}{
		{catalog.TracksFile, parquetRows},
		{catalog.CleanTracksFile, parquetRows},
		{catalog.CleanTracksCSVFile, csvRows},
		{catalog.CleaningLogFile, lineRows},
	}
	files := make([]catalog.WrittenFile, len(readers))
	for i, r := range readers {
		path := filepath.Join(dir, r.name)
		n, err := r.rows(path)
		if err != nil {
			return nil, err
		}
		st, err := os.Stat(path)
		if err != nil {
			return nil, err
		}
		files[i] = catalog.WrittenFile{Name: r.name, Rows: n, Bytes: st.Size()}
	}
	return files, nil
}

func parquetRows(path string) (int, error) {
	cat, _, err := ReadTracks(path)
	if err != nil {
		return 0, err
	}
	return len(cat.Tracks), nil
}

func csvRows(path string) (int, error) {
	cat, _, err := catalog.ReadTracksCSV(path)
	if err != nil {
		return 0, err
	}
	return len(cat.Tracks), nil
}

// lineRows counts the data rows of a CSV file (the cleaning log): its
// records but the header.
func lineRows(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	return len(recs) - 1, nil
}
