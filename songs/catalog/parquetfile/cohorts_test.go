package parquetfile

import (
	"bytes"
	"math"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/songcohorts/cohorts/songs/catalog"
)

// TestCohorts writes cohort rows as Parquet and reads them back:
// every column, with null where the CSV cell is empty.
func TestCohorts(t *testing.T) {
	rows := []catalog.CohortRow{
		{ID: "a", URI: catalog.URIPrefix + "a", Name: "A", Album: "X", Year: 1969, Popularity: 50, Cohort: 1, CohortName: "live",
			CentreDistance: 0.5, Silhouette: 0.25, MembershipProb: 0.75, Subcohort: "1.2", SubcohortName: "Live: dark, fast"},
		{ID: "b", Name: "B", Popularity: math.NaN(), CentreDistance: 1, Silhouette: math.NaN(), MembershipProb: math.NaN()},
	}
	b, err := Cohorts(rows)
	if err != nil {
		t.Fatal(err)
	}
	got, err := parquet.Read[cohortParquetRow](bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != "a" || got[0].Year == nil || *got[0].Year != 1969 || got[0].Cohort != 1 ||
		got[0].MembershipProb == nil || *got[0].MembershipProb != 0.75 || got[0].Subcohort != "1.2" || got[0].SubcohortName != "Live: dark, fast" {
		t.Errorf("first row %+v", got[0])
	}
	if g := got[1]; g.Year != nil || g.Popularity != nil || g.Silhouette != nil || g.MembershipProb != nil || *g.CentreDistance != 1 {
		t.Errorf("second row %+v: want nulls where the values are missing", g)
	}
}
