package catalogtest

import (
	"encoding/csv"
	"strings"
	"testing"
)

// records parses CSVText's output back into maps by header.
func records(t *testing.T, text string) []map[string]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, row := range rows[1:] {
		m := map[string]string{}
		for k, h := range rows[0] {
			m[h] = row[k]
		}
		out = append(out, m)
	}
	return out
}

func TestEdits(t *testing.T) {
	for _, c := range []struct {
		name string
		edit func(int, map[string]string)
		want map[int]map[string]string // record (1-based) -> changed cells
	}{
		{"At", At(2, "energy", "x"), map[int]map[string]string{2: {"energy": "x"}}},
		{"Set", Set(map[int]map[string]string{1: {"name": "a", "tempo": ""}, 3: {"album": "b"}}),
			map[int]map[string]string{1: {"name": "a", "tempo": ""}, 3: {"album": "b"}}},
		{"Cycle", Cycle(2, map[int]map[string]string{0: {"mode": "x"}}), map[int]map[string]string{2: {"mode": "x"}, 4: {"mode": "x"}}},
	} {
		got := records(t, CSVText(CourseHeader, 4, false, c.edit))
		plain := records(t, CSVText(CourseHeader, 4, false, nil))
		if len(got) != 4 {
			t.Fatalf("%s: %d records", c.name, len(got))
		}
		for i := range got {
			for col, v := range got[i] {
				want, changed := c.want[i+1][col]
				if !changed {
					want = plain[i][col]
				}
				if v != want {
					t.Errorf("%s: record %d %s = %q, want %q", c.name, i+1, col, v, want)
				}
			}
		}
	}
}

func TestCopy(t *testing.T) {
	r := map[string]string{"name": "kept", "extra": "kept"}
	Copy(r, 3, "name")
	v := Values(3)
	if r["name"] != "kept" || r["extra"] != "kept" || r["id"] != ID(3) || r["energy"] != v["energy"] || len(r) != len(v)+1 {
		t.Errorf("Copy(r, 3, \"name\") = %v", r)
	}
}
