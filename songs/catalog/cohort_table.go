package catalog

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"

	"github.com/songcohorts/cohorts/songs/internal/atomicfile"
)

// Cohort table files in the output folder.
const (
	CohortsCSVFile     = "cohorts.csv"
	CohortsParquetFile = "cohorts.parquet"
)

// CohortHeader is the header of the cohort table's CSV file.
var CohortHeader = []string{"id", "uri", "name", "album", "year", "popularity", "cohort", "cohort_name",
	"centre_distance", "silhouette", "membership_prob", "subcohort", "subcohort_name"}

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
	// Subcohort labels the track's sub-cohort within its cohort,
	// "<cohort>.<sub-cohort>" (e.g. "1.0"), and SubcohortName names it.
	Subcohort, SubcohortName string
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
		formatFloat(r.CentreDistance), formatFloat(r.Silhouette), formatFloat(r.MembershipProb), r.Subcohort, r.SubcohortName}
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

// CohortRecord is a row of the cohort table in Parquet (package
// parquetfile) and JSON: the CSV's columns, with null where the CSV cell
// is empty (JSON leaves out an unknown year).
type CohortRecord struct {
	ID             string   `parquet:"id" json:"id"`
	URI            string   `parquet:"uri" json:"uri"`
	Name           string   `parquet:"name" json:"name"`
	Album          string   `parquet:"album" json:"album"`
	Year           *int32   `parquet:"year,optional" json:"year,omitempty"`
	Popularity     *float64 `parquet:"popularity,optional" json:"popularity"`
	Cohort         int32    `parquet:"cohort" json:"cohort"`
	CohortName     string   `parquet:"cohort_name" json:"cohort_name"`
	CentreDistance *float64 `parquet:"centre_distance,optional" json:"centre_distance"`
	Silhouette     *float64 `parquet:"silhouette,optional" json:"silhouette"`
	MembershipProb *float64 `parquet:"membership_prob,optional" json:"membership_prob"`
	Subcohort      string   `parquet:"subcohort" json:"subcohort"`
	SubcohortName  string   `parquet:"subcohort_name" json:"subcohort_name"`
}

// Record returns the row with null for its empty cells.
func (r CohortRow) Record() CohortRecord {
	rec := CohortRecord{ID: r.ID, URI: r.URI, Name: r.Name, Album: r.Album, Popularity: ptr(r.Popularity),
		Cohort: int32(r.Cohort), CohortName: r.CohortName, CentreDistance: ptr(r.CentreDistance),
		Silhouette: ptr(r.Silhouette), MembershipProb: ptr(r.MembershipProb), Subcohort: r.Subcohort, SubcohortName: r.SubcohortName}
	if r.Year != 0 {
		y := int32(r.Year)
		rec.Year = &y
	}
	return rec
}

// MarshalJSON writes the row as one JSON object with the CSV's column
// names: null where the CSV cell is empty, no year when it is unknown.
func (r CohortRow) MarshalJSON() ([]byte, error) {
	return json.Marshal(r.Record())
}

// WriteCohortCSV writes the rows to dir/cohorts.csv atomically
// (parquetfile.WriteCohorts writes dir/cohorts.parquet).
func WriteCohortCSV(dir string, rows []CohortRow) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return atomicfile.WriteFile(filepath.Join(dir, CohortsCSVFile), CohortCSV(rows), 0o644)
}
