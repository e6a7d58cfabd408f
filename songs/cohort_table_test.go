package songs

import (
	"bytes"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/catalog/parquetfile"
	"github.com/songcohorts/cohorts/songs/cluster"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
)

// tableWithSubcohorts is CohortTable with the sub-cohorts' profiles of v.
func tableWithSubcohorts(t *testing.T, cat *catalog.Catalog, v *Validation, profiles []Cohort) ([]catalog.CohortRow, error) {
	t.Helper()
	return CohortTable(cat, v, profiles, studytest.Must(SubcohortProfiles(cat, v.Labels, v.SubLabels, profiles, 50))(t))
}

func TestCohortTableEveryAlgorithm(t *testing.T) {
	eachAlgorithm(t, func(t *testing.T, alg string, cat *catalog.Catalog, v *Validation, profiles []Cohort) {
		rows, err := tableWithSubcohorts(t, cat, v, profiles)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != len(cat.Tracks) {
			t.Fatalf("%d rows for %d tracks", len(rows), len(cat.Tracks))
		}
		row := map[string]catalog.CohortRow{}
		for i, r := range rows {
			if r.ID != cat.Tracks[i].ID || r.Cohort != v.Labels[i] {
				t.Fatalf("row %d: id %s cohort %d, want %s %d", i, r.ID, r.Cohort, cat.Tracks[i].ID, v.Labels[i])
			}
			row[r.ID] = r
			if (alg == AlgGMM) == math.IsNaN(r.MembershipProb) {
				t.Errorf("row %d: membership_prob %v with %s", i, r.MembershipProb, alg)
			}
			if alg == AlgGMM && !(r.MembershipProb >= 0.5 && r.MembershipProb <= 1) {
				t.Errorf("row %d: the most probable of two cohorts has probability %v", i, r.MembershipProb)
			}
		}
		// A reissue carries its canonical recording's values.
		reissues := 0
		for i := range cat.Tracks {
			tr := &cat.Tracks[i]
			if tr.CanonicalID != tr.ID {
				reissues++
				got, want := row[tr.ID], row[tr.CanonicalID]
				if got.Cohort != want.Cohort || got.CentreDistance != want.CentreDistance || got.Silhouette != want.Silhouette {
					t.Errorf("reissue %s: %+v, canonical %+v", tr.ID, got, want)
				}
			}
		}
		if reissues == 0 {
			t.Fatal("the test catalog has no reissues")
		}
		// The silhouettes of the clustered rows average to the sweep's
		// silhouette score (cluster.Sweep, checked against
		// sklearn.metrics.silhouette_score in package cluster), and the
		// squared centre distances sum to its inertia for the centres
		// that are cohort means.
		var silSum, ss float64
		for i := range cat.Tracks {
			if tr := &cat.Tracks[i]; tr.CanonicalID == tr.ID {
				silSum += rows[i].Silhouette
				ss += rows[i].CentreDistance * rows[i].CentreDistance
			}
		}
		sweep := v.Improved.Sweeps[alg][v.Chosen.K-KMin]
		n := float64(v.Improved.N)
		if !scalar.EqualWithinAbsOrRel(silSum/n, sweep.Silhouette, 1e-12, 1e-12) {
			t.Errorf("mean silhouette %v, sweep %v", silSum/n, sweep.Silhouette)
		}
		if alg == AlgWard && !scalar.EqualWithinAbsOrRel(ss, sweep.Inertia, 1e-9, 1e-9) {
			t.Errorf("sum of squared distances %v, inertia %v", ss, sweep.Inertia)
		}
		if alg == AlgKMeans && !scalar.EqualWithinAbsOrRel(ss, sweep.Inertia, 1e-6, 1e-3) {
			t.Errorf("sum of squared distances to the K-Means centres %v, inertia about the means %v", ss, sweep.Inertia)
		}
	})
}

func TestCohortTableRejectsStaleValidation(t *testing.T) {
	cat, v0 := testValidation(t, 120)
	v := validationFor(t, cat, v0, AlgKMeans, 2)
	v.Labels = append([]int(nil), v.Labels...)
	v.Labels[3] = 1 - v.Labels[3]
	if _, err := tableWithSubcohorts(t, cat, v, studytest.Must(Profiles(cat, v.Labels, 2, 50))(t)); err == nil || !strings.Contains(err.Error(), "1 of 120 tracks") {
		t.Errorf("a cache out of step with the refit: err = %v", err)
	}
	v.IDs = v.IDs[1:]
	if _, err := tableWithSubcohorts(t, cat, v, studytest.Must(Profiles(cat, v0.Labels, 2, 50))(t)); err == nil {
		t.Error("a cache with fewer tracks was accepted")
	}
}

func TestCohortExportFiles(t *testing.T) {
	cat, v0 := testValidation(t, 120)
	v := validationFor(t, cat, v0, AlgGMM, 2)
	profiles := studytest.Must(Profiles(cat, v.Labels, 2, 50))(t)
	p := Params{Root: t.TempDir(), Catalog: DefaultCatalog}
	var first [2][]byte
	for run := 0; run < 2; run++ {
		rows, err := tableWithSubcohorts(t, cat, v, profiles)
		if err != nil {
			t.Fatal(err)
		}
		if err := catalog.WriteCohortCSV(p.OutputDir(), rows); err != nil {
			t.Fatal(err)
		}
		if err := parquetfile.WriteCohorts(p.OutputDir(), rows); err != nil {
			t.Fatal(err)
		}
		for j, name := range []string{catalog.CohortsCSVFile, catalog.CohortsParquetFile} {
			b, err := os.ReadFile(filepath.Join(p.OutputDir(), name))
			if err != nil {
				t.Fatal(err)
			}
			if run == 0 {
				first[j] = b
			} else if !bytes.Equal(b, first[j]) {
				t.Errorf("%s differs between two exports", name)
			}
		}
	}
	recs, err := csv.NewReader(bytes.NewReader(first[0])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(recs[0], []string{"id", "uri", "name", "album", "year", "popularity", "cohort", "cohort_name",
		"centre_distance", "silhouette", "membership_prob", "subcohort", "subcohort_name"}) {
		t.Errorf("header %v", recs[0])
	}
	if len(recs) != len(cat.Tracks)+1 {
		t.Fatalf("%d data rows for %d tracks", len(recs)-1, len(cat.Tracks))
	}
	seen := map[string]bool{}
	for i, rec := range recs[1:] {
		if rec[0] != cat.Tracks[i].ID || seen[rec[0]] {
			t.Fatalf("row %d: id %s", i, rec[0])
		}
		seen[rec[0]] = true
		if rec[6] != strconv.Itoa(v.Labels[i]) || rec[7] != profiles[v.Labels[i]].Name || rec[10] == "" ||
			rec[11] != strconv.Itoa(v.Labels[i])+"."+strconv.Itoa(v.SubLabels[i]) || rec[12] == "" {
			t.Errorf("row %d: %v", i, rec)
		}
	}
	if !bytes.HasPrefix(first[1], []byte("PAR1")) {
		t.Errorf("%s is not a Parquet file", catalog.CohortsParquetFile)
	}
}

func TestCohortTableRealCatalog(t *testing.T) {
	cat, v, p := realCohorts(t)
	rows, err := tableWithSubcohorts(t, cat, v, studytest.Must(Profiles(cat, v.Labels, v.Chosen.K, p.PopularThreshold))(t))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for i, r := range rows {
		if r.ID != cat.Tracks[i].ID || seen[r.ID] || r.Cohort != v.Labels[i] {
			t.Fatalf("row %d: %+v", i, r)
		}
		seen[r.ID] = true
	}
}

// TestCohortTableSampledValidation covers catalogs above
// MaxValidationRows: the algorithm was fitted on a seeded sample of the
// prepared rows and the others joined the nearest cohort mean. Here the
// sample is every other row of a small catalog.
func TestCohortTableSampledValidation(t *testing.T) {
	cat := studytest.BlobCatalog(160, 12)
	prep, err := ImprovedSet.Prepare(cat)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := prep.X.Dims()
	v := &Validation{Seed: 42, Plan: DefaultPlan(), Chosen: Choice{Set: ImprovedSet.Name, Algorithm: AlgKMeans, K: 2}}
	for r := 0; r < n; r += 2 {
		v.Improved.Sample = append(v.Improved.Sample, r)
	}
	x := v.Improved.Rows(prep.X)
	km := cluster.KMeans{K: 2, NInit: 10, Seed: 42}
	if err := km.Fit(x, nil); err != nil {
		t.Fatal(err)
	}
	fitted := RelabelBySize(km.Labels)
	v.IDs, v.Labels = expandToTracks(cat, prep.Rows, nearestCentre(prep.X, x, fitted, 2))
	v.SubLabels = make([]int, len(v.Labels))
	rows, err := tableWithSubcohorts(t, cat, v, studytest.Must(Profiles(cat, v.Labels, 2, 50))(t))
	if err != nil {
		t.Fatal(err)
	}
	inSample := map[string]bool{}
	for _, r := range v.Improved.Sample {
		inSample[cat.Tracks[prep.Rows[r]].ID] = true
	}
	sum, count := 0.0, 0
	for i, row := range rows {
		tr := &cat.Tracks[i]
		sampled := inSample[tr.CanonicalID]
		if sampled == math.IsNaN(row.Silhouette) {
			t.Errorf("track %d (sampled %v): silhouette %v", i, sampled, row.Silhouette)
		}
		if sampled && tr.CanonicalID == tr.ID {
			sum += row.Silhouette
			count++
		}
		if row.Cohort != v.Labels[i] {
			t.Errorf("track %d: cohort %d, want %d", i, row.Cohort, v.Labels[i])
		}
	}
	// sklearn.metrics.silhouette_score of the sample, as computed by
	// cluster.Silhouette (tested against it in package cluster).
	want, err := cluster.Silhouette(x, fitted)
	if err != nil {
		t.Fatal(err)
	}
	if count != len(v.Improved.Sample) || !scalar.EqualWithinAbsOrRel(sum/float64(count), want, 1e-12, 1e-12) {
		t.Errorf("%d sampled rows, mean silhouette %v, want %d and %v", count, sum/float64(count), len(v.Improved.Sample), want)
	}
}
