package neighbors

import (
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/mat"
)

func randomMatrix(n, d int, seed uint64) *mat.Dense {
	rng := rand.New(rand.NewPCG(seed, 1))
	x := mat.NewDense(n, d, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < d; j++ {
			// Rounded values create exact ties in distances.
			x.Set(i, j, math.Round(rng.NormFloat64()*4)/4)
		}
	}
	return x
}

func bruteDist(x *mat.Dense, q []float64) []float64 {
	n, _ := x.Dims()
	out := make([]float64, n)
	for i := 0; i < n; i++ {
		out[i] = math.Sqrt(dist2(q, x.RawRowView(i)))
	}
	return out
}

// The reference here is an exhaustive scan over all rows.
func TestRadiusAgainstBruteForce(t *testing.T) {
	for _, d := range []int{1, 3, 11} {
		x := randomMatrix(500, d, uint64(d))
		tree := New(x, 8)
		for qi := 0; qi < 50; qi++ {
			q := x.RawRowView(qi * 7)
			for _, r := range []float64{0, 0.5, 1.5, 4, 100} {
				bd := bruteDist(x, q)
				var want []int
				var wantSum = make([]float64, d)
				for i, v := range bd {
					if v <= r {
						want = append(want, i)
						for j := 0; j < d; j++ {
							wantSum[j] += x.At(i, j)
						}
					}
				}
				got := tree.Radius(q, r, nil)
				sort.Ints(got)
				if len(got) != len(want) {
					t.Fatalf("d=%d r=%v: got %d rows, want %d", d, r, len(got), len(want))
				}
				for i := range got {
					if got[i] != want[i] {
						t.Fatalf("d=%d r=%v: row %d is %d, want %d", d, r, i, got[i], want[i])
					}
				}
				if c := tree.RadiusCount(q, r, 0); c != len(want) {
					t.Fatalf("d=%d r=%v: count %d, want %d", d, r, c, len(want))
				}
				upTo, early := tree.RadiusUpTo(q, r, 3, nil)
				if early != (len(want) >= 3) || (!early && len(upTo) != len(want)) || len(upTo) > 3 {
					t.Fatalf("d=%d r=%v: RadiusUpTo gave %d rows (early %v), full %d", d, r, len(upTo), early, len(want))
				}
				if c := tree.RadiusCount(q, r, 3); (len(want) >= 3) != (c >= 3) {
					t.Fatalf("d=%d r=%v: limited count %d, full %d", d, r, c, len(want))
				}
				sum := make([]float64, d)
				if c := tree.RadiusSum(q, r, sum); c != len(want) {
					t.Fatalf("d=%d r=%v: sum count %d, want %d", d, r, c, len(want))
				}
				for j := range sum {
					if !scalar.EqualWithinAbsOrRel(sum[j], wantSum[j], 1e-9, 1e-12) {
						t.Fatalf("d=%d r=%v: sum[%d]=%v, want %v", d, r, j, sum[j], wantSum[j])
					}
				}
			}
		}
	}
}

// The reference is a full sort of all distances by (distance, index).
func TestKNNAgainstBruteForce(t *testing.T) {
	for _, d := range []int{2, 11} {
		x := randomMatrix(400, d, 10+uint64(d))
		tree := New(x, 0)
		for qi := 0; qi < 40; qi++ {
			q := x.RawRowView(qi * 9)
			bd := bruteDist(x, q)
			order := make([]int, len(bd))
			for i := range order {
				order[i] = i
			}
			sort.SliceStable(order, func(a, b int) bool { return bd[order[a]] < bd[order[b]] })
			for _, k := range []int{1, 5, 22, 400} {
				idx := make([]int, k)
				dist := make([]float64, k)
				tree.KNN(q, k, idx, dist)
				for i := 0; i < k; i++ {
					if idx[i] != order[i] || dist[i] != bd[order[i]] {
						t.Fatalf("d=%d k=%d: neighbour %d is (%d, %v), want (%d, %v)", d, k, i, idx[i], dist[i], order[i], bd[order[i]])
					}
				}
			}
		}
	}
}

func BenchmarkRadiusCount(b *testing.B) {
	for _, n := range []int{20000, 100000} {
		x := randomMatrix(n, 11, 3)
		tree := New(x, 0)
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				tree.RadiusCount(x.RawRowView(i%n), 1.5, 0)
			}
		})
	}
}

func BenchmarkKNN(b *testing.B) {
	for _, n := range []int{20000, 100000} {
		x := randomMatrix(n, 11, 4)
		tree := New(x, 0)
		idx := make([]int, 22)
		dist := make([]float64, 22)
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				tree.KNN(x.RawRowView(i%n), 22, idx, dist)
			}
		})
	}
}
