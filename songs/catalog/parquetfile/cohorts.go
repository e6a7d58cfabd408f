package parquetfile

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/parquet-go/parquet-go"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/atomicfile"
)

// cohortParquetRow is the Parquet schema of the cohort table,
// catalog.CohortRecord; its name is the schema's root name in the file.
type cohortParquetRow catalog.CohortRecord

// Cohorts renders the rows of the cohort table as a Parquet file.
func Cohorts(rows []catalog.CohortRow) ([]byte, error) {
	out := make([]cohortParquetRow, len(rows))
	for i, r := range rows {
		out[i] = cohortParquetRow(r.Record())
	}
	var buf bytes.Buffer
	w := parquet.NewGenericWriter[cohortParquetRow](&buf)
	if _, err := w.Write(out); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteCohorts writes the rows to dir/cohorts.parquet
// (catalog.CohortsParquetFile) atomically.
func WriteCohorts(dir string, rows []catalog.CohortRow) error {
	b, err := Cohorts(rows)
	if err != nil {
		return fmt.Errorf("%s: %w", catalog.CohortsParquetFile, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return atomicfile.WriteFile(filepath.Join(dir, catalog.CohortsParquetFile), b, 0o644)
}
