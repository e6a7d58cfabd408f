package parquetfile

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"

	"github.com/parquet-go/parquet-go"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/atomicfile"
)

// cohortParquetRow is the Parquet schema of the cohort table: the CSV's
// columns, with null where the CSV cell is empty. Its name is the schema's
// root name in the file.
type cohortParquetRow struct {
	ID             string   `parquet:"id"`
	URI            string   `parquet:"uri"`
	Name           string   `parquet:"name"`
	Album          string   `parquet:"album"`
	Year           *int32   `parquet:"year,optional"`
	Popularity     *float64 `parquet:"popularity,optional"`
	Cohort         int32    `parquet:"cohort"`
	CohortName     string   `parquet:"cohort_name"`
	CentreDistance *float64 `parquet:"centre_distance,optional"`
	Silhouette     *float64 `parquet:"silhouette,optional"`
	MembershipProb *float64 `parquet:"membership_prob,optional"`
	Subcohort      string   `parquet:"subcohort"`
	SubcohortName  string   `parquet:"subcohort_name"`
}

// Cohorts renders the rows of the cohort table as a Parquet file.
func Cohorts(rows []catalog.CohortRow) ([]byte, error) {
	out := make([]cohortParquetRow, len(rows))
	for i, r := range rows {
		p := cohortParquetRow{ID: r.ID, URI: r.URI, Name: r.Name, Album: r.Album, Popularity: orNull(r.Popularity),
			Cohort: int32(r.Cohort), CohortName: r.CohortName, CentreDistance: orNull(r.CentreDistance),
			Silhouette: orNull(r.Silhouette), MembershipProb: orNull(r.MembershipProb), Subcohort: r.Subcohort, SubcohortName: r.SubcohortName}
		if r.Year != 0 {
			y := int32(r.Year)
			p.Year = &y
		}
		out[i] = p
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

// orNull is nil for NaN (a missing value), else a pointer to v.
func orNull(v float64) *float64 {
	if math.IsNaN(v) {
		return nil
	}
	return &v
}
