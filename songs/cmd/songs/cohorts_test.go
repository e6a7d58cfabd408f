package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/cluster"
)

// catalogCSV writes n synthetic tracks of two sound profiles (seeded)
// with the study's columns; track 0 is "Paint It, Black" and track 1 its
// remaster.
func catalogCSV(n int) string {
	rng := rand.New(rand.NewPCG(5, 5))
	var b strings.Builder
	w := csv.NewWriter(&b)
	_ = w.Write([]string{"name", "album", "release_date", "id", "uri", "acousticness", "danceability", "energy", "instrumentalness",
		"liveness", "loudness", "speechiness", "tempo", "valence", "popularity", "duration_ms"})
	f := func(v float64) string { return fmt.Sprintf("%.4f", v) }
	var first []string
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("C%021d", i)
		s := float64(i % 2)
		name := fmt.Sprintf("Song %d", i)
		rec := []string{name, "Album", fmt.Sprintf("%d-01-01", 1965+i%30), id, "spotify:track:" + id,
			f(0.2 + 0.5*s + 0.05*rng.Float64()), f(0.3 + 0.3*s + 0.05*rng.Float64()), f(0.8 - 0.5*s + 0.05*rng.Float64()),
			f(0.01 + 0.01*rng.Float64()), f(0.1 + 0.6*s + 0.05*rng.Float64()), f(-6 - 6*s + rng.Float64()),
			f(0.04 + 0.02*rng.Float64()), f(100 + 20*s + 5*rng.Float64()), f(0.4 + 0.2*s + 0.05*rng.Float64()),
			fmt.Sprint(10 + i%80), fmt.Sprint(200000 + 50000*int(s) + rng.IntN(10000))}
		switch i {
		case 0:
			rec[0] = "Paint It, Black"
			first = rec
		case 1: // a remaster: same recording, later release
			rec = append([]string(nil), first...)
			rec[0], rec[2], rec[3], rec[4] = "Paint It, Black - Remastered 2009", "2009-01-01", id, "spotify:track:"+id
		}
		_ = w.Write(rec)
	}
	w.Flush()
	return b.String()
}

// stageProject makes a project folder with a raw catalog, its cleaned
// tracks and validation cache, and points SONGS_ROOT at it. It returns
// the number of cleaned tracks.
func stageProject(t *testing.T) (songs.Params, int) {
	t.Helper()
	root := t.TempDir()
	t.Setenv("SONGS_ROOT", root)
	t.Setenv("CATALOG", "")
	t.Setenv("RAW_CSV", "")
	t.Setenv("K", "")
	t.Setenv("SEED", "")
	raw := filepath.Join(root, "data", "raw", "rolling_stones_spotify.csv")
	if err := os.MkdirAll(filepath.Dir(raw), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(raw, []byte(catalogCSV(songs.MinTracks+20)), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := songs.ParamsFromEnv()
	if err != nil {
		t.Fatal(err)
	}
	c, err := songs.LoadRaw(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := catalog.WriteInterim(p.InterimDir(), c); err != nil {
		t.Fatal(err)
	}
	v := kmeansValidation(t, c.Tracks, p.Seed)
	if v.Key, err = songs.ValidationKey(p); err != nil {
		t.Fatal(err)
	}
	if err := songs.SaveValidation(p, v); err != nil {
		t.Fatal(err)
	}
	return p, len(c.Tracks.Tracks)
}

// kmeansValidation is the validation cache notebook 03 writes when it
// chooses K-Means with k = 2 on the improved features: sklearn-style
// KMeans(n_clusters=2, n_init=10) on one row per recording, cohorts
// numbered by size, a reissue in its recording's cohort.
func kmeansValidation(t *testing.T, cat *catalog.Catalog, seed uint64) *songs.Validation {
	t.Helper()
	prep, err := songs.ImprovedSet.Prepare(cat)
	if err != nil {
		t.Fatal(err)
	}
	km := cluster.KMeans{K: 2, NInit: 10, Seed: seed}
	if err := km.Fit(prep.X, nil); err != nil {
		t.Fatal(err)
	}
	byID := map[string]int{}
	for r, l := range songs.RelabelBySize(km.Labels) {
		byID[cat.Tracks[prep.Rows[r]].ID] = l
	}
	v := &songs.Validation{Seed: seed, Plan: songs.DefaultPlan(), Chosen: songs.Choice{Set: songs.ImprovedSet.Name, Algorithm: songs.AlgKMeans, K: 2}}
	for _, tr := range cat.Tracks {
		v.IDs = append(v.IDs, tr.ID)
		v.Labels = append(v.Labels, byID[tr.CanonicalID])
		v.SubLabels = append(v.SubLabels, 0) // one sub-cohort per cohort
	}
	return v
}

func runCmd(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return out.String(), errb.String(), code
}

func TestCommandsSayWhatToMake(t *testing.T) {
	root := t.TempDir()
	t.Setenv("SONGS_ROOT", root)
	t.Setenv("CATALOG", "")
	t.Setenv("RAW_CSV", "")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"cohorts"}, "make output/01-cleaning.html"},
		{[]string{"recommend", "--track", "Angie"}, "make output/01-cleaning.html"},
		{[]string{"assign", "--csv", "x.csv"}, "make output/04-insights.html"},
	} {
		_, errs, code := runCmd(t, tc.args...)
		if code != 1 || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", tc.args, code, errs, tc.want)
		}
	}
}

func TestCommandsUsage(t *testing.T) {
	for _, args := range [][]string{{"recommend"}, {"recommend", "--track", "x", "-n", "0"}, {"recommend", "--track", "x", "--diversity", "2"},
		{"assign"}, {"cohorts", "extra"}, {"cohorts", "--nosuch"}} {
		if _, _, code := runCmd(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	for _, c := range []string{"cohorts", "recommend", "assign"} {
		out, _, code := runCmd(t, c, "--help")
		if code != 0 || !strings.Contains(out, "usage: songs "+c) || !strings.Contains(out, "-json") {
			t.Errorf("%s --help: exit %d\n%s", c, code, out)
		}
	}
}

func TestCohortsRecommendAssign(t *testing.T) {
	p, n := stageProject(t)

	out, errs, code := runCmd(t, "cohorts", "--save")
	if code != 0 {
		t.Fatalf("cohorts --save: %d %s", code, errs)
	}
	if lines := strings.Count(out, "\n"); lines != n+1 {
		t.Errorf("cohorts printed %d lines, want a header and %d tracks", lines, n)
	}
	csvBytes, err := os.ReadFile(filepath.Join(p.OutputDir(), catalog.CohortsCSVFile))
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "c.csv")
	if _, errs, code := runCmd(t, "cohorts", "--out", dst); code != 0 {
		t.Fatal(errs)
	}
	if again, _ := os.ReadFile(dst); !bytes.Equal(again, csvBytes) {
		t.Error("cohorts --out differs from the saved cohorts.csv")
	}
	out, _, _ = runCmd(t, "cohorts", "--json")
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) != n || rows[0]["membership_prob"] != nil {
		t.Fatalf("cohorts --json: %v, %d rows, %v", err, len(rows), rows[0])
	}

	out, errs, code = runCmd(t, "recommend", "--track", "paint it black", "-n", "5")
	if code != 0 || !strings.HasPrefix(out, "seed: Paint It, Black (Album, 1965)") || strings.Contains(out, "Remastered") {
		t.Errorf("recommend: %d %s\n%s", code, errs, out)
	}
	// The title matches the original and its remaster: recommend says so,
	// which one it used and how to pick the other.
	if want := `"paint it black" matches 2 tracks; using "Paint It, Black" (Album, 1965) [C000000000000000000000]. ` +
		"To use another, give its id to --track:\n  \"Paint It, Black - Remastered 2009\" (Album, 2009) [C000000000000000000001]"; !strings.Contains(errs, want) {
		t.Errorf("recommend with two matches: stderr %q, want %q", errs, want)
	}
	out, _, _ = runCmd(t, "recommend", "--track", "Song 4", "--track", "Song 6", "-n", "3", "--json")
	var rec struct {
		Seeds           []map[string]any
		Recommendations []map[string]any
	}
	if err := json.Unmarshal([]byte(out), &rec); err != nil || len(rec.Seeds) != 2 || len(rec.Recommendations) != 3 {
		t.Errorf("recommend --json: %v\n%s", err, out)
	}
	out, errs, code = runCmd(t, "recommend", "--track", "Song 4", "-n", "3", "--local-scaling", "5", "--json")
	if err := json.Unmarshal([]byte(out), &rec); code != 0 || err != nil || len(rec.Recommendations) != 3 {
		t.Errorf("recommend --local-scaling: %d %s %v\n%s", code, errs, err, out)
	}
	if _, _, code := runCmd(t, "recommend", "--track", "Song 4", "--local-scaling", "-1"); code != 2 {
		t.Errorf("--local-scaling -1: exit %d, want 2 (usage)", code)
	}
	out, _, code = runCmd(t, "recommend", "--track", "Song 3", "--playlist", "-n", "4")
	if code != 0 || !strings.Contains(out, "step") || strings.Count(out, "\n") != 6 {
		t.Errorf("playlist:\n%s", out)
	}
	if _, errs, code := runCmd(t, "recommend", "--track", "no such title"); code != 1 || !strings.Contains(errs, "no track matches") {
		t.Errorf("unknown title: %d %s", code, errs)
	}

	// New tracks: copies of catalog tracks under new ids join their
	// cohorts; an invalid row is skipped with its reason.
	lines := strings.Split(strings.TrimSpace(catalogCSV(6)), "\n")
	fresh := []string{lines[0]}
	for i, l := range lines[3:] {
		fresh = append(fresh, strings.ReplaceAll(l, fmt.Sprintf("C%021d", i+2), fmt.Sprintf("N%021d", i+2)))
	}
	fresh = append(fresh, strings.Replace(strings.ReplaceAll(lines[2], fmt.Sprintf("C%021d", 1), fmt.Sprintf("N%021d", 99)), ",2009-01-01,", ",2009-13-45,", 1))
	newCSV := filepath.Join(t.TempDir(), "new.csv")
	if err := os.WriteFile(newCSV, []byte(strings.Join(fresh, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code = runCmd(t, "assign", "--csv", newCSV, "--json")
	if code != 0 {
		t.Fatalf("assign: %s", errs)
	}
	var as struct {
		Tracks []struct {
			ID     string
			Cohort int
		}
		Skipped []catalog.LogEntry
	}
	if err := json.Unmarshal([]byte(out), &as); err != nil {
		t.Fatal(err)
	}
	cohortOf := map[string]string{}
	r := csv.NewReader(bytes.NewReader(csvBytes))
	all, _ := r.ReadAll()
	for _, rec := range all[1:] {
		cohortOf[rec[0]] = rec[6]
	}
	if len(as.Tracks) != 4 || len(as.Skipped) != 1 {
		t.Fatalf("assign: %+v", as)
	}
	for _, tr := range as.Tracks {
		if want := cohortOf["C"+tr.ID[1:]]; fmt.Sprint(tr.Cohort) != want {
			t.Errorf("%s: cohort %d, its copy's %s", tr.ID, tr.Cohort, want)
		}
	}
	out, _, code = runCmd(t, "assign", "--csv", newCSV)
	if code != 0 || !strings.Contains(out, "4 tracks assigned") || !strings.Contains(out, "skipped record 5") {
		t.Errorf("assign text:\n%s", out)
	}
}
