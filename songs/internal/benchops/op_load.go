package benchops

import "github.com/songcohorts/cohorts/songs"

// runLoad times songs.Load on the whole file: every column parsed (numbers
// as numbers, text kept) and validated, as pandas.read_csv on the reference
// side. Quality: rows and cols.
func runLoad(rec *Record, cfg Config) error {
	var cat *songs.Catalog
	var err error
	fields := measureProfiled(func() { cat, err = songs.Load(cfg.CSV) }, cfg.CPUProfile)
	if err != nil {
		return err
	}
	rec.Set("n", len(cat.Tracks))
	rec.Merge(fields)
	rec.Set("rows", len(cat.Tracks))
	rec.Set("cols", len(cat.Columns))
	return nil
}
