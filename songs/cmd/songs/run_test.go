package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
)

// runJSON runs `songs run --json` with args and decodes its result.
func runJSON(t *testing.T, args ...string) runResult {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(append([]string{"run", "--json"}, args...), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var res runResult
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatalf("%v in %s", err, out.String())
	}
	return res
}

// TestRunCohorts runs the whole pipeline on 400 synthetic tracks of two
// sound profiles: notebook 03's choice must be k = 2, and the exported
// table must hold every kept track once, with the two profiles in two
// different cohorts and the remaster with its recording.
func TestRunCohorts(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "catalog.csv")
	if err := os.WriteFile(path, []byte(catalogCSV(400)), 0o644); err != nil {
		t.Fatal(err)
	}
	res := runJSON(t, "--csv", path, "--seed", "7", "--k", "0", "--out", dir)
	// 400 tracks, one of them a remaster: 399 recordings.
	if res.Tracks != 400 || res.Kept != 400 || res.Recordings != 399 || res.Validated != 399 || res.Sampled || res.K != 2 ||
		res.Chosen.K != 2 || res.Chosen.FeatureSet != songs.ImprovedSet.Name {
		t.Fatalf("result %+v", res)
	}
	if len(res.Stages) != 4 || res.RSSPeakMB <= 0 || res.Seconds <= 0 {
		t.Errorf("stages %v, peak %.1f MB, %.3f s", res.Stages, res.RSSPeakMB, res.Seconds)
	}
	f, err := os.Open(filepath.Join(dir, "cohorts_run.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != res.Kept+1 || recs[0][0] != "id" || recs[0][1] != "cohort" {
		t.Fatalf("%d lines, header %v; want %d", len(recs), recs[0], res.Kept+1)
	}
	// catalogCSV gives track i (id C...i) profile i%2, except track 1, a
	// remaster of track 0.
	cohortOf := map[int]string{}
	seen := map[string]bool{}
	for _, r := range recs[1:] {
		if seen[r[0]] {
			t.Fatalf("id %s exported twice", r[0])
		}
		seen[r[0]] = true
		i, err := strconv.Atoi(r[0][1:])
		if err != nil || (r[1] != "1" && r[1] != "2") {
			t.Fatalf("row %v", r)
		}
		if i == 1 {
			i = 0 // the remaster joins its recording
		}
		if c, ok := cohortOf[i%2]; ok && c != r[1] {
			t.Fatalf("track %d in cohort %s; its profile is in cohort %s", i, r[1], c)
		}
		cohortOf[i%2] = r[1]
	}
	if cohortOf[0] == cohortOf[1] {
		t.Error("both profiles in one cohort")
	}
}

// TestRunChoosesAsNotebook03 runs the command on the staged course catalog
// and checks that it reports the choice notebook 03 shows for the same
// catalog, SEED and K: the notebooks clean the file in notebook 01, write
// the cleaned tracks to Parquet, and validate what notebook 03 reads back.
func TestRunChoosesAsNotebook03(t *testing.T) {
	if testing.Short() {
		t.Skip("two validations of the course catalog")
	}
	path := catalogtest.Staged(t, catalogtest.RollingStones)
	for _, k := range []int{0, 3} {
		res := runJSON(t, "--csv", path, "--seed", "42", "--k", strconv.Itoa(k), "--out", t.TempDir())
		cat, err := catalog.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		p := songs.Params{Root: t.TempDir(), Catalog: songs.DefaultCatalog, Seed: 42, K: k}
		if err := catalog.WriteInterim(p.InterimDir(), catalog.Clean(cat, songs.CleanOptionsFor(cat))); err != nil {
			t.Fatal(err)
		}
		v, err := songs.ValidationFor(p)
		if err != nil {
			t.Fatal(err)
		}
		want := runChoice{FeatureSet: v.Chosen.Set, Algorithm: v.Chosen.Algorithm, K: v.Chosen.K, Silhouette: v.Chosen.Silhouette}
		if res.Chosen != want || res.Kept != songs.OriginalRowsAfterCleaning {
			t.Errorf("K=%d: the command chose %+v from %d tracks; notebook 03 shows %+v", k, res.Chosen, res.Kept, want)
		}
	}
}

// TestRunUsage refuses a number of cohorts outside the validated range.
func TestRunUsage(t *testing.T) {
	for _, k := range []string{"1", "11", "5000"} {
		var out, errb bytes.Buffer
		if code := run([]string{"run", "--csv", "x.csv", "--k", k}, &out, &errb); code != 2 {
			t.Errorf("--k %s: exit %d; want 2", k, code)
		}
	}
}
