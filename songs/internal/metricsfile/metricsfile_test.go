package metricsfile

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCanonicalJSON(t *testing.T) {
	tenth := 0.1 // a variable, so that 0.1 + 0.2 is a float64 sum, not a constant
	type inner struct {
		Zeta  float64 `json:"zeta"`
		Alpha []int   `json:"alpha"`
	}
	v := map[string]any{
		"b":     inner{Zeta: tenth + 0.2, Alpha: []int{3, 1}},
		"a":     "</script>",
		"big":   int64(1) << 60,
		"empty": map[string]int{},
	}
	got, err := CanonicalJSON(v)
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "a": "\u003c/script\u003e",
  "b": {
    "alpha": [
      3,
      1
    ],
    "zeta": 0.30000000000000004
  },
  "big": 1152921504606846976,
  "empty": {}
}
`
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// Same value, different spelling or map order: same bytes.
	a, _ := CanonicalJSON(map[string]any{"x": 1.5, "y": 2.0})
	b, _ := canonicalize([]byte(`{"y": 2.0, "x": 1.50}`))
	if string(a) != string(b) {
		t.Errorf("not canonical: %s vs %s", a, b)
	}
	if _, err := CanonicalJSON(map[string]float64{"nan": math.NaN()}); err == nil {
		t.Errorf("NaN accepted")
	}
}

func TestMerge(t *testing.T) {
	dir := t.TempDir()
	f1 := filepath.Join(dir, "metrics-01.json")
	f2 := filepath.Join(dir, "metrics-02.json")
	if err := Write(f1, map[string]any{"reproduction": map[string]int{"rows_after_cleaning": 1610}, "shared": 1}); err != nil {
		t.Fatal(err)
	}
	if err := Write(f2, map[string]any{"chosen": map[string]any{"k": 3, "algorithm": "kmeans"}, "shared": 1.0}); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, "metrics.json")
	if err := Merge(dst, f2, f1); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(dst)
	want := `{
  "chosen": {
    "algorithm": "kmeans",
    "k": 3
  },
  "reproduction": {
    "rows_after_cleaning": 1610
  },
  "shared": 1
}
`
	if string(got) != want {
		t.Errorf("merged\n%s\nwant\n%s", got, want)
	}
	// A conflicting key fails and leaves the previous output intact.
	if err := Write(f2, map[string]any{"shared": 2}); err != nil {
		t.Fatal(err)
	}
	err := Merge(dst, f1, f2)
	if err == nil || !strings.Contains(err.Error(), `"shared"`) {
		t.Errorf("conflict error %v", err)
	}
	if again, _ := os.ReadFile(dst); string(again) != want {
		t.Errorf("failed merge changed the output")
	}
	if err := Merge(dst, filepath.Join(dir, "missing.json")); err == nil {
		t.Errorf("missing file accepted")
	}
	os.WriteFile(f1, []byte("[1,2]"), 0o644)
	if err := Merge(dst, f1); err == nil {
		t.Errorf("non-object accepted")
	}
}

func TestMergeJSONNested(t *testing.T) {
	a := []byte(`{"reproduction": {"rows_after_cleaning": 1600, "iqr_outliers": {"tempo": 34}}}`)
	b := []byte(`{"reproduction": {"kmeans_wcss": [1, 2]}, "chosen": {"k": 2}}`)
	got, err := MergeJSON([]string{"a", "b"}, [][]byte{a, b})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"chosen":{"k":2},"reproduction":{"iqr_outliers":{"tempo":34},"kmeans_wcss":[1,2],"rows_after_cleaning":1600}}`
	var compact bytes.Buffer
	if err := json.Compact(&compact, got); err != nil {
		t.Fatal(err)
	}
	if compact.String() != want {
		t.Errorf("nested merge\n got %s\nwant %s", got, want)
	}
	c := []byte(`{"reproduction": {"rows_after_cleaning": 1599}}`)
	_, err = MergeJSON([]string{"a", "c"}, [][]byte{a, c})
	if err == nil || !strings.Contains(err.Error(), "reproduction.rows_after_cleaning") {
		t.Errorf("conflicting leaf: error %v, want one naming reproduction.rows_after_cleaning", err)
	}
}
