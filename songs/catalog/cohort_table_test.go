package catalog

import (
	"bytes"
	"math"
	"testing"

	"github.com/parquet-go/parquet-go"
)

func TestCohortCSVEmptyCells(t *testing.T) {
	nan := math.NaN()
	r := CohortRow{ID: "a", Name: `He said "hi", twice`, Popularity: nan, Cohort: 1, CohortName: "x, y",
		CentreDistance: 0.1, Silhouette: nan, MembershipProb: nan}
	got := string(CohortCSV([]CohortRow{r}))
	want := "id,uri,name,album,year,popularity,cohort,cohort_name,centre_distance,silhouette,membership_prob\n" +
		`a,,"He said ""hi"", twice",,,,1,"x, y",0.1,,` + "\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestCohortParquet writes cohort rows as Parquet and reads them back:
// every column, with null where the CSV cell is empty.
func TestCohortParquet(t *testing.T) {
	rows := []CohortRow{
		{ID: "a", URI: URIPrefix + "a", Name: "A", Album: "X", Year: 1969, Popularity: 50, Cohort: 1, CohortName: "live",
			CentreDistance: 0.5, Silhouette: 0.25, MembershipProb: 0.75},
		{ID: "b", Name: "B", Popularity: math.NaN(), CentreDistance: 1, Silhouette: math.NaN(), MembershipProb: math.NaN()},
	}
	b, err := CohortParquet(rows)
	if err != nil {
		t.Fatal(err)
	}
	got, err := parquet.Read[cohortParquetRow](bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != "a" || got[0].Year == nil || *got[0].Year != 1969 || got[0].Cohort != 1 ||
		got[0].MembershipProb == nil || *got[0].MembershipProb != 0.75 {
		t.Errorf("first row %+v", got[0])
	}
	if g := got[1]; g.Year != nil || g.Popularity != nil || g.Silhouette != nil || g.MembershipProb != nil || *g.CentreDistance != 1 {
		t.Errorf("second row %+v: want nulls where the values are missing", g)
	}
}
