package catalog

import (
	"math"
	"testing"
)

func TestCohortCSVEmptyCells(t *testing.T) {
	nan := math.NaN()
	r := CohortRow{ID: "a", Name: `He said "hi", twice`, Popularity: nan, Cohort: 1, CohortName: "x, y",
		CentreDistance: 0.1, Silhouette: nan, MembershipProb: nan, Subcohort: "1.0", SubcohortName: "Live: dark, fast"}
	got := string(CohortCSV([]CohortRow{r}))
	want := "id,uri,name,album,year,popularity,cohort,cohort_name,centre_distance,silhouette,membership_prob,subcohort,subcohort_name\n" +
		`a,,"He said ""hi"", twice",,,,1,"x, y",0.1,,,1.0,"Live: dark, fast"` + "\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
