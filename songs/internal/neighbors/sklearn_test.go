package neighbors

import (
	"math"
	"strconv"
	"testing"

	"github.com/songcohorts/cohorts/songs/internal/goldentest"
)

// sklearnGolden is testdata/sklearn.json, written by
// testdata/gen_sklearn.py with scikit-learn's k-d tree.
type sklearnGolden struct {
	Source       string           `json:"source"`
	X            [][]float64      `json:"x"`
	Q            [][]float64      `json:"q"`
	K            int              `json:"k"`
	QueryIndex   [][]int          `json:"query_index"`
	QueryDist    [][]float64      `json:"query_dist"`
	SelfIndex    [][]int          `json:"self_index"`
	SelfDist     [][]float64      `json:"self_dist"`
	RadiusCounts map[string][]int `json:"radius_counts"`
}

// compareSklearn requires scikit-learn's neighbours exactly and its
// distances to 1e-14 relative (both sum squared differences; the k-d tree
// may add them in another grouping).
func compareSklearn(t *testing.T, name string, got *Result, idx [][]int, dist [][]float64) {
	t.Helper()
	for i := range idx {
		gi, gd := got.Row(i)
		for j := range idx[i] {
			if gi[j] != idx[i][j] || math.Abs(gd[j]-dist[i][j]) > 1e-14*dist[i][j] {
				t.Fatalf("%s: query %d neighbour %d = (%d, %v); scikit-learn (%d, %v)", name, i, j, gi[j], gd[j], idx[i][j], dist[i][j])
			}
		}
	}
}

func TestAgainstScikitLearn(t *testing.T) {
	g := goldentest.Read[sklearnGolden](t, "testdata/sklearn.json")
	x, q := goldentest.Dense(g.X), goldentest.Dense(g.Q)
	tree := NewTree(x)
	compareSklearn(t, "Search", Search(x, q, g.K), g.QueryIndex, g.QueryDist)
	compareSklearn(t, "Tree.Search", tree.Search(q, g.K), g.QueryIndex, g.QueryDist)
	compareSklearn(t, "SearchSelf", SearchSelf(x, g.K), g.SelfIndex, g.SelfDist)
	compareSklearn(t, "Tree.SearchSelf", tree.SearchSelf(g.K), g.SelfIndex, g.SelfDist)

	data, n, _ := rowMajor(x)
	rt := NewTiles(data, n, x.RawMatrix().Cols)
	for rs, want := range g.RadiusCounts {
		r, err := strconv.ParseFloat(rs, 64)
		if err != nil {
			t.Fatal(err)
		}
		got := radiusCounts(rt, r*r)
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("radius %v: row %d has %d rows within, scikit-learn %d", r, i, got[i], want[i])
			}
		}
	}
}

// radiusCounts returns, for every input row, the number of rows within
// the radius whose square is r2, through Group.Screen over every tile.
func radiusCounts(rt *Tiles, r2 float64) []int {
	counts := make([]int, rt.Len())
	g := rt.NewGroup(r2)
	for p := 0; p < rt.Len(); p += 4 {
		var qs [4][]float64
		var act [4]bool
		for a := 0; a < 4 && p+a < rt.Len(); a++ {
			qs[a], act[a] = rt.Row(p+a), true
		}
		g.Set(qs)
		for k := 0; k < rt.NumTiles(); k++ {
			c := g.Screen(k, act)
			for a := range c {
				if act[a] {
					counts[rt.Orig(p+a)] += c[a]
				}
			}
		}
	}
	return counts
}
