package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestRunCohorts runs the whole pipeline on 400 synthetic tracks of two
// sound profiles: the sweep must pick k=2 (the best silhouette), and the
// exported table must hold every kept track once, with the two profiles
// in two different cohorts.
func TestRunCohorts(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "catalog.csv")
	if err := os.WriteFile(path, []byte(catalogCSV(400)), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	args := []string{"run", "--csv", path, "--k-min", "2", "--k-max", "4", "--seed", "7", "--out", dir, "--json"}
	if code := run(args, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var res runResult
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatalf("%v in %s", err, out.String())
	}
	if res.Tracks != 400 || res.Kept < 390 || res.Components < 1 || len(res.Sweep) != 3 {
		t.Fatalf("result %+v", res)
	}
	best := res.Sweep[0]
	for _, sw := range res.Sweep {
		if sw.Silhouette > best.Silhouette {
			best = sw
		}
		if sw.Inertia <= 0 || sw.NIter < 1 {
			t.Errorf("sweep entry %+v", sw)
		}
	}
	if res.K != best.K || res.K != 2 {
		t.Errorf("chose k=%d; best silhouette at k=%d, want 2", res.K, best.K)
	}
	if len(res.Stages) != 3+3+1 || res.RSSPeakMB <= 0 || res.Seconds <= 0 {
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
			continue
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

// TestRunUsage refuses a sweep below two cohorts.
func TestRunUsage(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"run", "--csv", "x.csv", "--k-min", "1"}, &out, &errb); code != 2 {
		t.Errorf("exit %d; want 2", code)
	}
}
