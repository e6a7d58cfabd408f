package cluster

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// readGolden decodes the golden file testdata/name, written by the
// script in testdata that its records name.
func readGolden(t testing.TB, name string, dst any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("reading golden file: %v", err)
	}
	if err := json.Unmarshal(b, dst); err != nil {
		t.Fatalf("decoding %s: %v", name, err)
	}
}

// denseOf returns the rows as a matrix.
func denseOf(rows [][]float64) *mat.Dense {
	x := mat.NewDense(len(rows), len(rows[0]), nil)
	for i, r := range rows {
		x.SetRow(i, r)
	}
	return x
}

// densitySameLabels reports whether two labelings define the same partition,
// with -1 (noise) required to match exactly.
func densitySameLabels(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	ab, ba := map[int]int{}, map[int]int{}
	for i := range a {
		if (a[i] == -1) != (b[i] == -1) {
			return false
		}
		if x, ok := ab[a[i]]; ok && x != b[i] {
			return false
		}
		if y, ok := ba[b[i]]; ok && y != a[i] {
			return false
		}
		ab[a[i]], ba[b[i]] = b[i], a[i]
	}
	return true
}
