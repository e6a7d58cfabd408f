package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/atomicfile"
)

// runStage is one timed step of a cohort run.
type runStage struct {
	Name    string  `json:"name"`
	Seconds float64 `json:"seconds"`
}

// runChoice is the chosen solution, as notebook 03 reports it.
type runChoice struct {
	FeatureSet string  `json:"feature_set"`
	Algorithm  string  `json:"algorithm"`
	K          int     `json:"k"`
	Silhouette float64 `json:"silhouette"`
}

// runResult is what `songs run --json` prints.
type runResult struct {
	File   string `json:"file"`
	Tracks int    `json:"tracks"`
	Kept   int    `json:"kept"`
	// Recordings are the kept tracks' distinct recordings, the rows the
	// cohorts are chosen on; Validated those the validation ran on (all
	// of them, or a seeded sample: Sampled).
	Recordings int        `json:"recordings"`
	Validated  int        `json:"validated"`
	Sampled    bool       `json:"sampled"`
	Seed       uint64     `json:"seed"`
	Chosen     runChoice  `json:"chosen"`
	K          int        `json:"k"`
	Out        string     `json:"out"`
	Stages     []runStage `json:"stages"`
	Seconds    float64    `json:"seconds"`
	RSSPeakMB  float64    `json:"rss_peak_mb"`
}

// runFlags declares the flags of songs run and returns its body.
func runFlags(fs *flag.FlagSet) body {
	csvPath := catalogCSVFlag(fs)
	seed := fs.Int64("seed", -1, "seed of every random choice (default: SEED, else 42)")
	k := fs.Int("k", -1, fmt.Sprintf("number of cohorts, %d..%d, or 0 to choose as notebook 03 does (default: K, else 0)", songs.KMin, songs.KMax))
	outDir := fs.String("out", "output", "folder the cohort table cohorts_run.csv is written to")
	asJSON := fs.Bool("json", false, "print one JSON object instead of text")
	return func(p songs.Params, args []string, stdout io.Writer) error {
		if *k > songs.KMax || (*k >= 0 && *k < songs.KMin && *k != 0) {
			return usagef("--k must be 0 (choose) or %d..%d", songs.KMin, songs.KMax)
		}
		path := csvPath(p)
		s, kk := p.Seed, p.K
		if *seed >= 0 {
			s = uint64(*seed)
		}
		if *k >= 0 {
			kk = *k
		}
		res, err := cohortRun(path, s, kk, *outDir, func(st runStage) {
			if !*asJSON {
				fmt.Fprintf(stdout, "  %-28s %8.3f s\n", st.Name, st.Seconds)
			}
		})
		if err != nil {
			return err
		}
		if *asJSON {
			enc := json.NewEncoder(stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(res)
		}
		fmt.Fprintf(stdout, "%s: %d tracks, %d kept, %d recordings\n", res.File, res.Tracks, res.Kept, res.Recordings)
		if res.Sampled {
			fmt.Fprintf(stdout, "validated on a seeded sample of %d of the %d recordings (seed %d); the others joined the cohort with the nearest centre\n",
				res.Validated, res.Recordings, res.Seed)
		}
		c := res.Chosen
		fmt.Fprintf(stdout, "chosen: %s with k = %d on the %s features (silhouette %.4f), as notebook 03 chooses\n", c.Algorithm, c.K, c.FeatureSet, c.Silhouette)
		fmt.Fprintf(stdout, "cohorts written to %s\ntotal %.3f s, peak RSS %.1f MB\n", res.Out, res.Seconds, res.RSSPeakMB)
		return nil
	}
}

// cohortRun runs the study's pipeline on the catalog at path: load and
// validate, clean as notebook 01 does, choose the cohorts with
// songs.Validate as notebook 03 does (k chosen when k is 0; the checks of
// other k and the sub-cohorts, which the command does not export, are
// left to the notebook), and write the
// cohort table (id, cohort) to outDir/cohorts_run.csv; done is told of
// each stage as it ends.
func cohortRun(path string, seed uint64, k int, outDir string, done func(runStage)) (*runResult, error) {
	res := &runResult{File: path, Seed: seed}
	start := time.Now()
	last := start
	stage := func(name string) {
		now := time.Now()
		st := runStage{Name: name, Seconds: now.Sub(last).Seconds()}
		res.Stages = append(res.Stages, st)
		done(st)
		last = now
	}
	cat, err := catalog.Load(path)
	if err != nil {
		return nil, err
	}
	res.Tracks = len(cat.Tracks)
	stage("load and validate")
	cleaned := catalog.Clean(cat, songs.CleanOptionsFor(cat))
	if err := songs.CheckStudySize(cleaned); err != nil {
		return nil, err
	}
	kept := cleaned.Tracks
	cat, cleaned = nil, nil // the loaded catalog is no longer needed
	res.Kept = len(kept.Tracks)
	stage("clean")
	// The command exports the cohorts only: notebook 03's plan, with the
	// chosen k alone checked (no k = 2..6 side by side) and no second
	// level of sub-cohorts. The choice is the same.
	plan := songs.DefaultPlan()
	plan.SensitivityK, plan.Subcohorts = nil, false
	v, err := songs.Validate(kept, plan, seed, k)
	if err != nil {
		return nil, err
	}
	res.Recordings, res.Validated, res.Sampled = v.Improved.Total, v.Improved.N, v.Improved.Sample != nil
	res.Chosen = runChoice{FeatureSet: v.Chosen.Set, Algorithm: v.Chosen.Algorithm, K: v.Chosen.K, Silhouette: v.Chosen.Silhouette}
	res.K = v.Chosen.K
	stage("choose the cohorts (notebook 03's validation)")
	res.Out = filepath.Join(outDir, "cohorts_run.csv")
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, err
	}
	if err := writeRunCohorts(res.Out, v.IDs, v.Labels); err != nil {
		return nil, err
	}
	stage("export")
	res.Seconds = time.Since(start).Seconds()
	res.RSSPeakMB = peakRSSMB()
	return res, nil
}

// writeRunCohorts writes "id,cohort" for every cleaned track, cohorts
// numbered from 1 by decreasing size, atomically.
func writeRunCohorts(path string, ids []string, labels []int) error {
	f, err := atomicfile.Create(path, 0o644)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	w := csv.NewWriter(bw)
	rec := []string{"id", "cohort"}
	err = w.Write(rec)
	for i, id := range ids {
		if err != nil {
			break
		}
		rec[0], rec[1] = id, strconv.Itoa(labels[i]+1)
		err = w.Write(rec)
	}
	if w.Flush(); err == nil {
		err = w.Error()
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		f.Abort()
		return fmt.Errorf("cohort table %s: %w", path, err)
	}
	return f.Commit()
}

// peakRSSMB reads the process's peak resident set (VmHWM) in MB, or -1.
func peakRSSMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				if kb, err := strconv.ParseFloat(f[0], 64); err == nil {
					return kb / 1024
				}
			}
		}
	}
	return -1
}
