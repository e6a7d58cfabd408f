package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	benchFixtureCSV   = "../../internal/benchops/testdata/songs_120.csv"
	benchFixtureJSONL = "../../internal/benchops/testdata/results.jsonl"
)

func TestBenchWorkerPrintsOneRecord(t *testing.T) {
	var out, errb bytes.Buffer
	code := run([]string{"bench", benchWorker, "--csv", benchFixtureCSV, "--op", "pca"}, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || lines[0] != `{"_n": 120}` {
		t.Fatalf("worker output:\n%s", out.String())
	}
	if !strings.HasPrefix(lines[1], `{"impl": "go", "op": "pca", "n": 120, "seconds": `) ||
		!strings.Contains(lines[1], `"explained_variance_ratio": [`) {
		t.Errorf("record line: %s", lines[1])
	}
	n, rec := benchParse(out.Bytes())
	if n != 120 || rec == nil || rec.String("op") != "pca" {
		t.Errorf("benchParse: n %d, record %v", n, rec)
	}
}

func TestBenchRejectsBadOps(t *testing.T) {
	if _, err := benchOpList("kmeans,nosuch"); err == nil {
		t.Error("an unknown op was accepted")
	}
	if ops, err := benchOpList(" kmeans, pca ,"); err != nil || len(ops) != 2 || ops[1] != "pca" {
		t.Errorf("benchOpList = %v, %v", ops, err)
	}
	if ops, _ := benchOpList("all"); len(ops) != 12 {
		t.Errorf("all = %v", ops)
	}
	var out, errb bytes.Buffer
	if code := run([]string{"bench", "--csv", benchFixtureCSV}, &out, &errb); code != 2 {
		t.Errorf("bench without --op: exit %d", code)
	}
}

func TestBenchReportWritesTable(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "sub", "bench.md")
	var out, errb bytes.Buffer
	code := run([]string{"bench-report", "--in", benchFixtureJSONL, "--out", dst}, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	b, err := os.ReadFile(dst)
	if err != nil {
		t.Fatal(err)
	}
	md := string(b)
	// The kmeans row of the fixture (medians worked out in
	// benchops.TestWriteReport).
	for _, want := range []string{"# Go against scikit-learn", "## n = 1,600", "## n = 20,000",
		"| kmeans | 3/3 | 0.05 | 0.02 | 2.50 | 138 | 18 | 0.13 |", "- Go side: go", "GOMAXPROCS 2"} {
		if !strings.Contains(md, want) {
			t.Errorf("bench.md lacks %q:\n%s", want, md)
		}
	}
}

func TestBenchLine(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"bench", benchWorker, "--csv", benchFixtureCSV, "--op", "load"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	_, rec := benchParse(out.Bytes())
	line := benchLine(rec)
	if !strings.HasPrefix(line, "load       n=120 ") || !strings.Contains(line, "rows=120 cols=18") {
		t.Errorf("readable line: %q", line)
	}
}
