package benchops

import (
	"encoding/json"
	"math"
	"testing"
)

func TestRecordLine(t *testing.T) {
	r := NewRecord()
	r.Set("impl", "go")
	r.Set("op", "pca")
	r.Set("n", 3)
	r.Set("seconds", 0.25)
	r.Set("bad", math.NaN())
	r.Set("note", "n >= 1 & <2>")
	r.Set("sizes", []int{3, 2})
	r.Set("ratios", []float64{0.5, math.Inf(1)})
	r.Set("ok", true)
	r.Set("n", 4) // an existing key keeps its place
	got, err := r.Line()
	if err != nil {
		t.Fatal(err)
	}
	// The layout of Python's json.dumps, which the reference script prints.
	want := `{"impl": "go", "op": "pca", "n": 4, "seconds": 0.25, "bad": null, "note": "n >= 1 & <2>", "sizes": [3, 2], "ratios": [0.5, null], "ok": true}`
	if string(got) != want {
		t.Errorf("Line:\n got %s\nwant %s", got, want)
	}
	if !json.Valid(got) {
		t.Errorf("Line is not valid JSON: %s", got)
	}
}

func TestRecordRoundTrip(t *testing.T) {
	// A line printed by sklearn_ref.py run --json (json.dumps): reading and
	// writing it back must give the same bytes, numbers included.
	line := `{"impl": "sklearn", "op": "kmeans", "n": 1600, "seconds": 0.046712, "rss_peak_mb": 138.0, "rss_base_mb": 132.1, "cpu_s": 0.089, "other_cpu_s": 0.0, "k": 8, "inertia": 9631.5949, "n_iter": 32, "sizes": [221, 219, 204, 202, 198, 196, 194, 166], "nested": {"a": [1, 2]}}`
	r := NewRecord()
	if err := json.Unmarshal([]byte(line), r); err != nil {
		t.Fatal(err)
	}
	if got := r.Keys(); len(got) != 13 || got[0] != "impl" || got[12] != "nested" {
		t.Errorf("keys out of order: %v", got)
	}
	if v, ok := r.Float("inertia"); !ok || v != 9631.5949 {
		t.Errorf("Float(inertia) = %v, %v", v, ok)
	}
	if r.String("op") != "kmeans" {
		t.Errorf("String(op) = %q", r.String("op"))
	}
	back, err := r.Line()
	if err != nil {
		t.Fatal(err)
	}
	// Objects inside a field come back with sorted keys and Go's compact
	// layout; the top level keeps Python's.
	want := line[:len(line)-len(`{"a": [1, 2]}}`)] + `{"a":[1,2]}}`
	if string(back) != want {
		t.Errorf("round trip:\n got %s\nwant %s", back, want)
	}
	r.Delete("nested")
	r.Delete("missing")
	if _, ok := r.Get("nested"); ok || len(r.Keys()) != 12 {
		t.Errorf("Delete left %v", r.Keys())
	}
}

func TestRecordNotObject(t *testing.T) {
	r := NewRecord()
	if err := json.Unmarshal([]byte(`[1, 2]`), r); err == nil {
		t.Error("a JSON array was accepted as a record")
	}
}
