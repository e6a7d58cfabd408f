package songs

import (
	"fmt"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
)

// checkMatrix compares a correlation matrix with a golden one.
func checkMatrix(t *testing.T, name string, columns []string, got, want [][]float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d rows, want %d", name, len(got), len(want))
	}
	for i := range want {
		for j := range want[i] {
			if !studytest.Near(got[i][j], want[i][j], tol) {
				t.Errorf("%s %s-%s = %v, want %v", name, columns[i], columns[j], got[i][j], want[i][j])
			}
		}
	}
}

// TestCorrelationMatrix compares both correlations of the synthetic table
// (rounded values, so Spearman sees ties) with pandas DataFrame.corr.
func TestCorrelationMatrix(t *testing.T) {
	g := readGoldenDomain(t)
	cat := syntheticCatalog(t, g)
	cols := g.Synthetic.Columns
	checkMatrix(t, "Pearson", cols, CorrelationMatrix(cat, cols, false), g.Synthetic.Pearson, 1e-12)
	checkMatrix(t, "Spearman", cols, CorrelationMatrix(cat, cols, true), g.Synthetic.Spearman, 1e-12)
}

func TestStrongestPairs(t *testing.T) {
	cols := []string{"a", "b", "c"}
	m := [][]float64{{1, 0.3, -0.6}, {0.3, 1, 0.8}, {-0.6, 0.8, 1}}
	pos, neg := StrongestPairs(m, cols)
	if pos != (Pair{"b", "c", 0.8}) || neg != (Pair{"a", "c", -0.6}) {
		t.Errorf("StrongestPairs = %+v, %+v; want b-c 0.8 and a-c -0.6", pos, neg)
	}
}

// TestCorrelationRealCatalog compares both matrices of the eleven numeric
// columns with pandas and finds the original study's strongest pairs
// among the nine audio features (ORIGINAL-STUDY.md: energy-loudness +0.70,
// danceability-liveness -0.52).
func TestCorrelationRealCatalog(t *testing.T) {
	cat := studytest.RealCleaned(t).Tracks
	g := readGoldenDomain(t).Real.Correlation
	if strings.Join(cat.NumericColumns(), ",") != strings.Join(g.Columns, ",") {
		t.Fatalf("numeric columns %q, want %q", cat.NumericColumns(), g.Columns)
	}
	checkMatrix(t, "Pearson", g.Columns, CorrelationMatrix(cat, g.Columns, false), g.Pearson, 1e-12)
	checkMatrix(t, "Spearman", g.Columns, CorrelationMatrix(cat, g.Columns, true), g.Spearman, 1e-12)

	pos, neg := StrongestPairs(CorrelationMatrix(cat, catalog.AudioFeatures, false), catalog.AudioFeatures)
	if pos.A != catalog.Energy || pos.B != catalog.Loudness || fmt.Sprintf("%.2f", pos.R) != "0.70" {
		t.Errorf("most positive pair %+v, want energy-loudness 0.70", pos)
	}
	if neg.A != catalog.Danceability || neg.B != catalog.Liveness || fmt.Sprintf("%.2f", neg.R) != "-0.52" {
		t.Errorf("most negative pair %+v, want danceability-liveness -0.52", neg)
	}
}
