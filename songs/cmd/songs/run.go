package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/cluster"
	"github.com/songcohorts/cohorts/songs/internal/atomicfile"
)

func init() {
	commands["run"] = command{summary: "the whole cohort run on any catalog: load, clean, scale, PCA, K-Means sweep, export", run: runRun}
}

// runSilhouetteSample is the number of tracks the silhouette of each k is
// computed on (scikit-learn's silhouette_score sample_size).
const runSilhouetteSample = 10000

// runStage is one timed step of a cohort run.
type runStage struct {
	Name    string  `json:"name"`
	Seconds float64 `json:"seconds"`
}

// runSweep is the K-Means result for one k.
type runSweep struct {
	K          int     `json:"k"`
	Inertia    float64 `json:"inertia"`
	NIter      int     `json:"n_iter"`
	Silhouette float64 `json:"silhouette"`
}

// runResult is what `songs run --json` prints.
type runResult struct {
	File       string     `json:"file"`
	Tracks     int        `json:"tracks"`
	Kept       int        `json:"kept"`
	Components int        `json:"components"`
	Sweep      []runSweep `json:"sweep"`
	K          int        `json:"k"`
	Out        string     `json:"out"`
	Stages     []runStage `json:"stages"`
	Seconds    float64    `json:"seconds"`
	RSSPeakMB  float64    `json:"rss_peak_mb"`
}

func runRun(args []string, stdout io.Writer) error {
	fs := newFlags("run", "--csv FILE [--k-min 2 --k-max 10] [--n-init 3] [--seed S] [--out DIR] [--json]", stdout)
	csvPath := fs.String("csv", "", "catalog CSV file or glob (default: RAW_CSV, else the study's catalog)")
	kMin := fs.Int("k-min", 2, "smallest number of cohorts tried")
	kMax := fs.Int("k-max", 10, "largest number of cohorts tried")
	nInit := fs.Int("n-init", 3, "k-means++ restarts for each k")
	seed := fs.Int64("seed", -1, "seed of the k-means++ draws and the silhouette sample (default: SEED, else 42)")
	outDir := fs.String("out", "output", "folder the cohort table cohorts_run.csv is written to")
	asJSON := fs.Bool("json", false, "print one JSON object instead of text")
	if err := parse(fs, args); err != nil {
		return helpOK(err)
	}
	if fs.NArg() > 0 || *kMin < 2 || *kMax < *kMin || *nInit < 1 {
		fmt.Fprintln(stdout, "songs run: need 2 <= --k-min <= --k-max, --n-init >= 1 and no arguments")
		return errUsage
	}
	p, err := songs.ParamsFromEnv()
	if err != nil && (*csvPath == "" || *seed < 0) {
		return err
	}
	path := *csvPath
	if path == "" {
		path = p.Path(p.RawCSV)
	}
	s := uint64(*seed)
	if *seed < 0 {
		s = p.Seed
	}
	res, err := cohortRun(path, *kMin, *kMax, *nInit, s, *outDir, func(st runStage) {
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
	fmt.Fprintf(stdout, "%s: %d tracks, %d kept, %d principal components\n", res.File, res.Tracks, res.Kept, res.Components)
	for _, sw := range res.Sweep {
		mark := ""
		if sw.K == res.K {
			mark = "  <- chosen"
		}
		fmt.Fprintf(stdout, "  k=%-3d silhouette %.4f  inertia %.1f  (%d iterations)%s\n", sw.K, sw.Silhouette, sw.Inertia, sw.NIter, mark)
	}
	fmt.Fprintf(stdout, "cohorts written to %s\ntotal %.3f s, peak RSS %.1f MB\n", res.Out, res.Seconds, res.RSSPeakMB)
	return nil
}

// cohortRun runs the pipeline on the catalog at path and writes the cohort
// table (id, cohort) to outDir/cohorts_run.csv; done is told of each stage
// as it ends.
func cohortRun(path string, kMin, kMax, nInit int, seed uint64, outDir string, done func(runStage)) (*runResult, error) {
	res := &runResult{File: path}
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
	kept := catalog.Clean(cat, catalog.CleanOptions{}).Tracks
	cat = nil // the loaded catalog is no longer needed
	res.Kept = len(kept.Tracks)
	if res.Kept <= kMax {
		return nil, fmt.Errorf("%d tracks kept after cleaning: too few for %d cohorts", res.Kept, kMax)
	}
	stage("clean")
	prep, err := songs.OriginalSet.Prepare(kept)
	if err != nil {
		return nil, err
	}
	res.Components = prep.Components
	stage("standardise and PCA")
	var best *cluster.KMeans
	bestScore := 0.0
	for k := kMin; k <= kMax; k++ {
		km := &cluster.KMeans{K: k, NInit: nInit, Seed: seed}
		if err := km.Fit(prep.X, nil); err != nil {
			return nil, fmt.Errorf("k-means, k=%d: %w", k, err)
		}
		score, err := cluster.SilhouetteSampled(prep.X, km.Labels, runSilhouetteSample, seed)
		if err != nil {
			return nil, fmt.Errorf("silhouette, k=%d: %w", k, err)
		}
		res.Sweep = append(res.Sweep, runSweep{K: k, Inertia: km.Inertia, NIter: km.NIter, Silhouette: score})
		if best == nil || score > bestScore {
			best, bestScore = km, score
		} else {
			km.Labels = nil // only the best labels are kept
		}
		stage(fmt.Sprintf("k-means and silhouette k=%d", k))
	}
	res.K = best.K
	res.Out = filepath.Join(outDir, "cohorts_run.csv")
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, err
	}
	if err := writeRunCohorts(res.Out, kept, prep.Rows, best.Labels); err != nil {
		return nil, err
	}
	stage("export")
	res.Seconds = time.Since(start).Seconds()
	res.RSSPeakMB = peakRSSMB()
	return res, nil
}

// writeRunCohorts writes "id,cohort" for every clustered track, cohorts
// numbered from 1, atomically.
func writeRunCohorts(path string, cat *catalog.Catalog, rows, labels []int) error {
	f, err := atomicfile.Create(path, 0o644)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	w := csv.NewWriter(bw)
	rec := []string{"id", "cohort"}
	err = w.Write(rec)
	for r, i := range rows {
		if err != nil {
			break
		}
		rec[0], rec[1] = cat.Tracks[i].ID, strconv.Itoa(labels[r]+1)
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
