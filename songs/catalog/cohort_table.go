package catalog

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"

	"github.com/parquet-go/parquet-go"
	"github.com/songcohorts/cohorts/songs/internal/atomicfile"
)

// Cohort table files in the output folder.
const (
	CohortsCSVFile     = "cohorts.csv"
	CohortsParquetFile = "cohorts.parquet"
)

// CohortHeader is the header of the cohort table's CSV file.
var CohortHeader = []string{"id", "uri", "name", "album", "year", "popularity", "cohort", "cohort_name",
	"centre_distance", "silhouette", "membership_prob"}

// CohortRow is one cleaned track of the cohort table. Year is 0 when
// unknown; Popularity, Silhouette and MembershipProb are NaN where they do
// not apply (no popularity column; a track outside the validated sample;
// algorithms other than GMM).
type CohortRow struct {
	ID, URI, Name, Album string
	Year                 int
	Popularity           float64
	Cohort               int
	CohortName           string
	// CentreDistance is the Euclidean distance, in the standardised
	// features, from the track to its cohort's centre (Model.Centres).
	CentreDistance float64
	// Silhouette is the track's silhouette width within the clustering
	// (Rousseeuw 1987; sklearn.metrics.silhouette_samples).
	Silhouette float64
	// MembershipProb is the mixture's posterior probability of the track's
	// cohort (sklearn's GaussianMixture.predict_proba).
	MembershipProb float64
}

// formatFloat writes v in its shortest exact form, "" for NaN.
func formatFloat(v float64) string {
	if math.IsNaN(v) {
		return ""
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// Strings returns the row's CSV cells in CohortHeader order.
func (r CohortRow) Strings() []string {
	year := ""
	if r.Year != 0 {
		year = strconv.Itoa(r.Year)
	}
	return []string{r.ID, r.URI, r.Name, r.Album, year, formatFloat(r.Popularity), strconv.Itoa(r.Cohort), r.CohortName,
		formatFloat(r.CentreDistance), formatFloat(r.Silhouette), formatFloat(r.MembershipProb)}
}

// CohortCSV renders the rows as CSV with the CohortHeader header.
func CohortCSV(rows []CohortRow) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write(CohortHeader)
	for _, r := range rows {
		_ = w.Write(r.Strings())
	}
	w.Flush() // writes to a bytes.Buffer cannot fail
	return buf.Bytes()
}

// cohortParquetRow is the Parquet schema of the cohort table: the CSV's
// columns, with null where the CSV cell is empty.
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
}

// CohortParquet renders the rows as a Parquet file.
func CohortParquet(rows []CohortRow) ([]byte, error) {
	out := make([]cohortParquetRow, len(rows))
	for i, r := range rows {
		p := cohortParquetRow{ID: r.ID, URI: r.URI, Name: r.Name, Album: r.Album, Popularity: ptr(r.Popularity),
			Cohort: int32(r.Cohort), CohortName: r.CohortName, CentreDistance: ptr(r.CentreDistance),
			Silhouette: ptr(r.Silhouette), MembershipProb: ptr(r.MembershipProb)}
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

// WriteCohortTable writes the rows to dir/cohorts.csv and
// dir/cohorts.parquet, each atomically.
func WriteCohortTable(dir string, rows []CohortRow) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	pq, err := CohortParquet(rows)
	if err != nil {
		return fmt.Errorf("%s: %w", CohortsParquetFile, err)
	}
	if err := atomicfile.WriteFile(filepath.Join(dir, CohortsCSVFile), CohortCSV(rows), 0o644); err != nil {
		return err
	}
	return atomicfile.WriteFile(filepath.Join(dir, CohortsParquetFile), pq, 0o644)
}
