package benchops

import (
	"encoding/json"
	"os"
	"runtime"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/songcohorts/cohorts/songs/internal/goldentest"
)

const fixture = "testdata/songs_120.csv"

// golden reads the records of sklearn_ref.py on the fixture
// (testdata/golden_sklearn.json, written by testdata/gen_golden.py).
func golden(t *testing.T) map[string]*Record {
	t.Helper()
	var g struct {
		Source  string
		Records []json.RawMessage
	}
	goldentest.ReadInto(t, "testdata/golden_sklearn.json", &g)
	if g.Source == "" {
		t.Fatal("golden file names no source")
	}
	out := map[string]*Record{}
	for _, raw := range g.Records {
		r := NewRecord()
		if err := json.Unmarshal(raw, r); err != nil {
			t.Fatal(err)
		}
		out[r.String("op")] = r
	}
	return out
}

func num(t *testing.T, r *Record, key string) float64 {
	t.Helper()
	v, ok := r.Float(key)
	if !ok {
		t.Fatalf("%s record has no number %s: %v", r.String("impl"), key, r.Keys())
	}
	return v
}

func ints(t *testing.T, r *Record, key string) []int {
	t.Helper()
	v, _ := r.Get(key)
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out []int
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("%s: %v", key, err)
	}
	return out
}

func run(t *testing.T, op string, cfg Config) *Record {
	t.Helper()
	cfg.CSV = fixture
	r := Run(op, cfg)
	if e := r.String("error"); e != "" {
		t.Fatalf("%s: %s", op, e)
	}
	if s := r.String("skipped"); s != "" {
		t.Skipf("%s skipped: %s", op, s)
	}
	return r
}

func TestRunFieldOrder(t *testing.T) {
	r := run(t, "kmeans", Config{})
	want := []string{"impl", "op", "n", "seconds", "rss_peak_mb", "rss_base_mb", "cpu_s", "other_cpu_s", "gomaxprocs", "k", "inertia", "n_iter", "sizes"}
	got := r.Keys()
	if len(got) < len(want) {
		t.Fatalf("keys %v, want a prefix %v", got, want)
	}
	for i, k := range want {
		if got[i] != k {
			t.Fatalf("keys %v, want prefix %v", got, want)
		}
	}
	if r.String("impl") != "go" || num(t, r, "n") != 120 || num(t, r, "gomaxprocs") != float64(runtime.GOMAXPROCS(0)) {
		t.Errorf("head of record wrong: %v", r)
	}
	if s := num(t, r, "seconds"); s <= 0 {
		t.Errorf("seconds = %v", s)
	}
}

// TestRunMatchesReference checks the deterministic quality figures of the
// ops against scikit-learn's on the same file (see golden).
func TestRunMatchesReference(t *testing.T) {
	ref := golden(t)

	t.Run("load", func(t *testing.T) {
		g, s := run(t, "load", Config{}), ref["load"]
		for _, k := range []string{"n", "rows", "cols"} {
			if num(t, g, k) != num(t, s, k) {
				t.Errorf("%s = %v, pandas.read_csv gives %v", k, num(t, g, k), num(t, s, k))
			}
		}
	})
	t.Run("pca", func(t *testing.T) {
		g, s := run(t, "pca", Config{}), ref["pca"]
		gv, sv := floatsOf(t, g, "explained_variance_ratio"), floatsOf(t, s, "explained_variance_ratio")
		if len(gv) != 11 || len(sv) != 11 {
			t.Fatalf("ratios: %v and %v", gv, sv)
		}
		for i := range gv {
			// Both printed to 6 decimals.
			if !scalar.EqualWithinAbs(gv[i], sv[i], 1.5e-6) {
				t.Errorf("explained_variance_ratio[%d] = %v, PCA().fit gives %v", i, gv[i], sv[i])
			}
		}
	})
	t.Run("ward", func(t *testing.T) {
		g, s := run(t, "ward", Config{}), ref["ward"]
		if !scalar.EqualWithinAbsOrRel(num(t, g, "wss"), num(t, s, "wss"), 1e-4, 1e-8) {
			t.Errorf("wss = %v, AgglomerativeClustering(linkage=ward) gives %v", num(t, g, "wss"), num(t, s, "wss"))
		}
		if gs, ss := ints(t, g, "sizes"), ints(t, s, "sizes"); !equalInts(gs, ss) {
			t.Errorf("sizes = %v, scikit-learn gives %v", gs, ss)
		}
	})
	t.Run("dbscan", func(t *testing.T) {
		// With fewer than 1000 rows the eps sample is every row, so the
		// estimate is the same on both sides.
		g, s := run(t, "dbscan", Config{}), ref["dbscan"]
		for _, k := range []string{"eps", "min_samples", "clusters", "noise_frac"} {
			if !scalar.EqualWithinAbs(num(t, g, k), num(t, s, k), 1e-6) {
				t.Errorf("%s = %v, DBSCAN gives %v", k, num(t, g, k), num(t, s, k))
			}
		}
	})
	t.Run("meanshift", func(t *testing.T) {
		// With fewer than 2000 rows the bandwidth sample is every row, so
		// the estimate is the same on both sides.
		g, s := run(t, "meanshift", Config{}), ref["meanshift"]
		for _, k := range []string{"bandwidth", "clusters", "n_iter"} {
			if !scalar.EqualWithinAbs(num(t, g, k), num(t, s, k), 1e-6) {
				t.Errorf("%s = %v, MeanShift gives %v", k, num(t, g, k), num(t, s, k))
			}
		}
		if gs, ss := ints(t, g, "sizes"), ints(t, s, "sizes"); !equalInts(gs, ss) {
			t.Errorf("sizes = %v, scikit-learn gives %v", gs, ss)
		}
	})
	t.Run("kmeans", func(t *testing.T) {
		// Different k-means++ draws reach different local optima: on these
		// 120 rows in 8 overlapping blobs the Go run found 704.2794 against
		// scikit-learn's 700.722 (0.5 % above). The op must stay within 1 %;
		// the package's own tests hold KMeans to 1e-3 on larger data.
		g, s := run(t, "kmeans", Config{}), ref["kmeans"]
		if gi, si := num(t, g, "inertia"), num(t, s, "inertia"); gi > si*(1+1e-2) {
			t.Errorf("inertia = %v, KMeans(n_init=10) reaches %v", gi, si)
		}
		sum := 0
		for _, c := range ints(t, g, "sizes") {
			sum += c
		}
		if sum != 120 {
			t.Errorf("sizes add up to %d", sum)
		}
	})
}

func TestRunOthers(t *testing.T) {
	for _, op := range []string{"silhouette", "fastica", "knn"} {
		t.Run(op, func(t *testing.T) {
			r := run(t, op, Config{})
			switch op {
			case "silhouette":
				if s := num(t, r, "score"); s < -1 || s > 1 || num(t, r, "sample_size") != 120 {
					t.Errorf("score %v sample_size %v", s, num(t, r, "sample_size"))
				}
			case "fastica":
				if it := num(t, r, "n_iter"); it < 1 || it > 200 {
					t.Errorf("n_iter = %v", it)
				}
			case "knn":
				// 1000 queries drawn with replacement, as the reference
				// script does below 1000 rows.
				if num(t, r, "queries") != 1000 || num(t, r, "mean_d10") <= 0 {
					t.Errorf("queries %v mean_d10 %v", num(t, r, "queries"), num(t, r, "mean_d10"))
				}
			}
		})
	}
}

func TestRunCapAndErrors(t *testing.T) {
	// Caps apply above MaxRows; lower the cap by using a copy.
	old := Caps["ward"]
	Caps["ward"] = Cap{MaxRows: 100, Reason: "test limit"}
	defer func() { Caps["ward"] = old }()
	r := Run("ward", Config{CSV: fixture})
	if s := r.String("skipped"); !strings.HasPrefix(s, "n > 100: test limit") || num(t, r, "n") != 120 {
		t.Errorf("capped ward: %v", r)
	}
	if r := Run("ward", Config{CSV: fixture, NoCap: true}); r.String("skipped") != "" {
		t.Errorf("NoCap ward skipped: %s", r.String("skipped"))
	}
	if r := Run("pca", Config{CSV: "testdata/missing.csv"}); r.String("error") == "" {
		t.Error("a missing file gave no error")
	}
	var rows int
	Run("pca", Config{CSV: fixture, OnRows: func(n int) { rows = n }})
	if rows != 120 {
		t.Errorf("OnRows got %d", rows)
	}
	defer func() {
		if recover() == nil {
			t.Error("an unknown op did not panic")
		}
	}()
	Run("nosuchop", Config{CSV: fixture})
}

func TestMeasurePeak(t *testing.T) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc on this system")
	}
	var keep []byte
	r := Measure(func() {
		keep = make([]byte, 64<<20)
		for i := 0; i < len(keep); i += 4096 {
			keep[i] = 1
		}
	})
	peak, base := num(t, r, "rss_peak_mb"), num(t, r, "rss_base_mb")
	if peak-base < 60 {
		t.Errorf("peak %v MB, base %v MB: a 64 MB allocation was not seen", peak, base)
	}
	if _, ok := r.Get("rss_peak_scope"); !ok {
		// The high-water mark was reset: a second call allocating nothing
		// must not see the 64 MB again once the memory is released.
		keep = nil
		r2 := Measure(func() {})
		if p := num(t, r2, "rss_peak_mb"); p > peak-30 {
			t.Errorf("peak after reset %v MB, previous peak %v MB: not reset", p, peak)
		}
	}
	_ = keep
}

func floatsOf(t *testing.T, r *Record, key string) []float64 {
	t.Helper()
	v, _ := r.Get(key)
	b, _ := json.Marshal(v)
	var out []float64
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("%s: %v", key, err)
	}
	return out
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
