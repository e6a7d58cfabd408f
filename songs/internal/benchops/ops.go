package benchops

import (
	"errors"
	"fmt"
	"os"
	"runtime/pprof"

	"gonum.org/v1/gonum/mat"
)

// Ops are the operations, in the order of the reference script's "all".
var Ops = []string{"load", "kmeans", "silhouette", "ward", "dbscan", "meanshift",
	"gmm", "pca", "fastica", "tsne", "umap", "knn"}

// Config holds the parameters of a run.
type Config struct {
	// CSV is the catalog file.
	CSV string
	// K is the number of clusters of kmeans, silhouette, ward and gmm;
	// 0 means 8.
	K int
	// Eps fixes DBSCAN's radius; 0 means estimate it as the reference
	// script does (median distance of 1000 sampled rows to their 22nd
	// nearest row, itself included).
	Eps float64
	// Bandwidth fixes Mean Shift's bandwidth; 0 means estimate it as the
	// reference script does (estimate_bandwidth with quantile 0.05 on at
	// most 2000 sampled rows).
	Bandwidth float64
	// NoCap runs ops above the row limits of Caps.
	NoCap bool
	// CPUProfile, if not empty, is a file that receives a CPU profile
	// (runtime/pprof) of the timed call. Profiling slows the call a little.
	CPUProfile string
	// OnRows, if not nil, is called with the number of rows once the data
	// are prepared, before the timed call, so that a caller can report n
	// for a run that is later killed.
	OnRows func(n int)
}

// Cap is the largest number of rows an op accepts, with the reason.
type Cap struct {
	MaxRows int
	Reason  string
}

// Caps are the row limits of the ops that cannot scale; they are the
// reference script's, so that both sides run the same sizes.
var Caps = map[string]Cap{
	"ward":      {30000, "ward is quadratic in time; above 30,000 rows cluster a sample or the centroids of a k-means with a few hundred clusters"},
	"meanshift": {50000, "mean shift is quadratic in time; above 50,000 rows fit it on a sample"},
	"tsne":      {50000, "t-SNE takes minutes above 50,000 rows; embed a sample"},
	"umap":      {200000, "UMAP takes minutes above 200,000 rows; embed a sample"},
}

// kOps are the ops that take K.
var kOps = map[string]bool{"kmeans": true, "silhouette": true, "ward": true, "gmm": true}

// errNotImplemented marks an op whose implementation is missing.
var errNotImplemented = errors.New("not implemented")

// job is one op on prepared data: info collects the quality figures, fields
// the timing of the one measured call.
type job struct {
	cfg    Config
	z      *mat.Dense
	n      int
	info   *Record
	fields *Record
}

// measure times fn with Measure; an op calls it exactly once.
func (j *job) measure(fn func()) {
	j.fields = measureProfiled(fn, j.cfg.CPUProfile)
}

// measureErr times fn as measure does and returns its error.
func (j *job) measureErr(fn func() error) error {
	var err error
	j.measure(func() { err = fn() })
	return err
}

// measureProfiled is Measure, with a CPU profile of fn written to path
// when path is not empty. The profile is started before and stopped after
// the timed call.
func measureProfiled(fn func(), path string) *Record {
	if path == "" {
		return Measure(fn)
	}
	f, err := os.Create(path)
	if err != nil {
		panic(fmt.Sprintf("benchops: cpu profile: %v", err))
	}
	defer f.Close()
	var rec *Record
	if err := pprof.StartCPUProfile(f); err != nil {
		panic(fmt.Sprintf("benchops: cpu profile: %v", err))
	}
	rec = Measure(fn)
	pprof.StopCPUProfile()
	rec.Set("cpu_profile", path)
	return rec
}

// opFuncs maps an op name to its implementation ("load" is Run's own).
var opFuncs = map[string]func(*job) error{
	"kmeans": opKMeans, "silhouette": opSilhouette, "ward": opWard, "dbscan": opDBSCAN, "meanshift": opMeanShift, "gmm": opGMM,
	"pca": opPCA, "fastica": opFastICA, "tsne": opTSNE, "umap": opUMAP, "knn": opKNN,
}

// Run runs op in this process and returns its record: impl "go", op, n,
// the timing fields of Measure and the op's quality figures, or skipped
// (the op refuses this n, or is not implemented) or error.
// Run panics if op is not one of Ops.
func Run(op string, cfg Config) *Record {
	known := false
	for _, o := range Ops {
		known = known || o == op
	}
	if !known {
		panic(fmt.Sprintf("benchops: unknown op %q", op))
	}
	if cfg.K == 0 {
		cfg.K = 8
	}
	rec := NewRecord()
	rec.Set("impl", "go")
	rec.Set("op", op)
	if op == "load" {
		if err := runLoad(rec, cfg); err != nil {
			rec.Set("error", err.Error())
		}
		return rec
	}
	z, err := ReadFeatures(cfg.CSV)
	if err == nil {
		err = Standardise(z)
	}
	if err != nil {
		rec.Set("error", err.Error())
		return rec
	}
	n, _ := z.Dims()
	rec.Set("n", n)
	if cfg.OnRows != nil {
		cfg.OnRows(n)
	}
	if c, ok := Caps[op]; ok && n > c.MaxRows && !cfg.NoCap {
		rec.Set("skipped", fmt.Sprintf("n > %d: %s", c.MaxRows, c.Reason))
		return rec
	}
	fn := opFuncs[op]
	if fn == nil {
		rec.Set("skipped", errNotImplemented.Error())
		return rec
	}
	j := &job{cfg: cfg, z: z, n: n, info: NewRecord()}
	if kOps[op] {
		j.info.Set("k", cfg.K)
	}
	if err := fn(j); err != nil {
		if errors.Is(err, errNotImplemented) {
			rec.Set("skipped", err.Error())
		} else {
			rec.Set("error", err.Error())
		}
		return rec
	}
	if j.fields == nil {
		panic("benchops: op " + op + " did not measure its call")
	}
	rec.Merge(j.fields)
	rec.Merge(j.info)
	return rec
}
