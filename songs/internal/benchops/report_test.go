package benchops

import (
	"os"
	"strings"
	"testing"
)

func TestWriteReport(t *testing.T) {
	f, err := os.Open("testdata/results.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, env, err := ReadRecords(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 12 || env == nil {
		t.Fatalf("read %d records, env %v; want 12 and an env", len(recs), env)
	}
	var b strings.Builder
	err = WriteReport(&b, recs, Env{Date: "2026-11-26 12:00 UTC", CPUs: 2, CPUModel: "Test CPU", Go: "go1.26.8", Python: env})
	if err != nil {
		t.Fatal(err)
	}
	got := b.String()
	// Expected cells worked out by hand from testdata/results.jsonl:
	// kmeans sklearn seconds 0.05 0.04 0.06 (median 0.05), go 0.02 0.01 0.03
	// (median 0.02), ratio 2.50; peaks 138 140 136 -> 138 and 17 19 18 -> 18,
	// ratio 18/138 = 0.13; cores 0.1/0.05 and 0.02/0.02; quality of the
	// median runs. load: one run each, 0.0346/0.0692 = 0.50, 41.5/83 = 0.50.
	for _, want := range []string{
		"- Machine: 2 CPUs (nproc), Test CPU.",
		"- Go side: go1.26.8.",
		"- Python side: python 3.11.2, sklearn 1.2.1, numpy 1.24.2, openblas 2 threads.",
		"| kmeans | 3/3 | 0.05 | 0.02 | 2.50 | 138 | 18 | 0.13 | 2.0/1.0 | k=8 inertia=9631.5949 n_iter=32 sizes=[221 219 204 202 198 196 194 166] | k=8 inertia=9631.5959 n_iter=24 |",
		"| meanshift | 1/0 | 0.962 | skipped: not implemented | – | 138 | – | – | 1.0/– | bandwidth=2.940252 clusters=5 | – |",
		"- sklearn kmeans: 1 of 3 runs (worst: other processes used 0.50 CPU s during a 0.060 s run)",
		"| ward | 20,000 | time ratio ≥ 2, memory ratio ≤ 0.1 | issue 3 | – | not measured |",
		"| load | 1/1 | 0.0346 | 0.0692 | 0.50 | 83 | 42 | 0.50 | 0.9/1.0 | rows=20000 cols=18 | rows=20000 cols=18 |",
		`| tsne | 0/1 | timeout after 300 s | 12.5 | – | – | 60 | – | –/2.0 | – | kl_divergence=3.2 note=a\|b |`,
	} {
		if !strings.Contains(got, want+"\n") {
			t.Errorf("report lacks the line\n%s\n\nreport:\n%s", want, got)
		}
	}
	i, j := strings.Index(got, "## n = 1,600\n"), strings.Index(got, "## n = 20,000\n")
	if i < 0 || j < i {
		t.Errorf("sizes missing or out of order (1,600 at %d, 20,000 at %d)", i, j)
	}
	if k, m := strings.Index(got, "| kmeans |"), strings.Index(got, "| meanshift |"); k > m {
		t.Error("ops are not in the reference script's order")
	}
}

// TestReportUMAPParallel checks that umap-learn without a seed is shown
// against the Go UMAP runs, in the row after umap: 40 s / 20 s = 2.00
// and 10 s / 20 s = 0.50.
func TestReportUMAPParallel(t *testing.T) {
	rec := func(impl, op string, sec float64) *Record {
		r := NewRecord()
		r.Set("impl", impl)
		r.Set("op", op)
		r.Set("n", 100000)
		r.Set("seconds", sec)
		return r
	}
	recs := []*Record{rec("sklearn", "umap", 40), rec("go", "umap", 20), rec("sklearn", "umap-parallel", 10),
		rec("go", CohortRunOp, 5)}
	var b strings.Builder
	if err := WriteReport(&b, recs, Env{Date: "now"}); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{"| umap | 1/1 | 40 | 20 | 2.00 |", "| umap-parallel | 1/1 | 10 | 20 | 0.50 |"} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q:\n%s", want, got)
		}
	}
	u, p, c := strings.Index(got, "| umap |"), strings.Index(got, "| umap-parallel |"), strings.Index(got, "| cohort-run |")
	if !(u < p && p < c) {
		t.Errorf("rows out of order: umap at %d, umap-parallel at %d, cohort-run at %d", u, p, c)
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1600: "1,600", 1000000: "1,000,000", -20000: "-20,000"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestTargetVerdict(t *testing.T) {
	rec := func(impl string, sec, peak float64, extra ...any) *cell {
		r := NewRecord()
		r.Set("impl", impl)
		r.Set("seconds", sec)
		r.Set("rss_peak_mb", peak)
		for i := 0; i+1 < len(extra); i += 2 {
			r.Set(extra[i].(string), extra[i+1])
		}
		return &cell{runs: []*Record{r}}
	}
	ward := Target{Op: "ward", N: 20000, MinTimeRatio: 2, MaxMemoryRatio: 0.1}
	// 13.5 s / 9 s = 1.5, 25 % short of 2; 640 MB / 3200 MB = 0.2, twice 0.1.
	got, v := ward.verdict(rec("sklearn", 13.5, 3200), rec("go", 9, 640))
	if got != "time 1.50, memory 0.20" || v != "not met: time 25% short, memory 2.0× over" {
		t.Errorf("ward: %q, %q", got, v)
	}
	got, v = ward.verdict(rec("sklearn", 13.5, 3200), rec("go", 4.5, 32))
	if got != "time 3.00, memory 0.01" || v != "met" {
		t.Errorf("ward met: %q, %q", got, v)
	}
	if _, v = ward.verdict(rec("sklearn", 13.5, 3200), nil); v != "not measured" {
		t.Errorf("no Go record: %q", v)
	}
	if got, v = ward.verdict(nil, rec("go", 4.5, 32)); got != "–" || v != "not compared: no scikit-learn time, no scikit-learn peak" {
		t.Errorf("no sklearn record: %q, %q", got, v)
	}
	load := Target{Op: "load", N: 1000000, MinTimeRatio: 4, MaxFileRatio: 2}
	// 1.47 / 0.49 = 3.00 (25 % short of 4); 500 MB / 192 MB = 2.60.
	got, v = load.verdict(rec("sklearn", 1.47, 688), rec("go", 0.49, 500, "file_mb", 192.0))
	if got != "time 3.00, peak/file 2.60" || v != "not met: time 25% short, peak 1.3× over" {
		t.Errorf("load: %q, %q", got, v)
	}
	if s := load.String(); s != "time ratio ≥ 4, Go peak ≤ 2 × file size" {
		t.Errorf("String = %q", s)
	}
}

func TestTargetVerdictAbsolute(t *testing.T) {
	run := Target{Op: CohortRunOp, N: 1000000, MaxSeconds: 60, MaxPeakMB: 2048}
	r := NewRecord()
	r.Set("impl", "go")
	r.Set("seconds", 75.0)
	r.Set("rss_peak_mb", 1500.0)
	got, v := run.verdict(nil, &cell{runs: []*Record{r}})
	if got != "Go 75.0 s, Go peak 1500 MB" || v != "not met: 15 s over 60 s" {
		t.Errorf("cohort run: %q, %q", got, v)
	}
	if s := run.String(); s != "Go ≤ 60 s, Go peak ≤ 2048 MB" {
		t.Errorf("String = %q", s)
	}
}

// Unmet lists the goals the records miss, the largest time shortfall
// first, and leaves out those met or not measured.
func TestUnmet(t *testing.T) {
	var recs []*Record
	add := func(impl, op string, n int, sec float64) {
		r := NewRecord()
		r.Set("impl", impl)
		r.Set("op", op)
		r.Set("n", float64(n))
		r.Set("seconds", sec)
		r.Set("rss_peak_mb", 100.0)
		recs = append(recs, r)
	}
	add("sklearn", "umap", 100000, 43.3)
	add("go", "umap", 100000, 31.8) // 1.36 of 4: 66% short
	add("sklearn", "kmeans", 1000000, 4.65)
	add("go", "kmeans", 1000000, 2.9) // 1.60 of 2: 20% short
	add("sklearn", "pca", 1000000, 0.18)
	add("go", "pca", 1000000, 0.09) // 2 of 1: met
	var got []string
	for _, tg := range Unmet(recs) {
		got = append(got, tg.Op)
	}
	if strings.Join(got, " ") != "umap kmeans" {
		t.Errorf("Unmet = %v, want [umap kmeans]", got)
	}
}
