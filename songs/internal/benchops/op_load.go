package benchops

import (
	"os"

	"github.com/songcohorts/cohorts/songs/catalog"
)

// runLoad times catalog.Load on the whole file: every column parsed (numbers
// as numbers, text kept) and validated, as pandas.read_csv on the reference
// side. Quality: rows and cols, and file_mb, the file's size in MB, so that
// the peak can be set against it.
func runLoad(rec *Record, cfg Config) error {
	st, err := os.Stat(cfg.CSV)
	if err != nil {
		return err
	}
	var cat *catalog.Catalog
	fields := measureProfiled(func() { cat, err = catalog.Load(cfg.CSV) }, cfg.CPUProfile)
	if err != nil {
		return err
	}
	rec.Set("n", len(cat.Tracks))
	rec.Merge(fields)
	rec.Set("rows", len(cat.Tracks))
	rec.Set("cols", len(cat.Columns))
	rec.Set("file_mb", round(float64(st.Size())/(1<<20), 1))
	return nil
}
