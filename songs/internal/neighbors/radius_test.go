package neighbors

import (
	"math/bits"
	"testing"
)

// TestGroupMatchesDirectTest checks Group.Screen, its counts and its masks,
// against the direct test SqDist(q, x) <= r² on every row, for radii that
// fall exactly on distances of grid data (where the kernel's screen is
// undecided and SqDist decides), and for queries that are not rows.
func TestGroupMatchesDirectTest(t *testing.T) {
	for _, d := range []int{1, 3, 11} {
		x := randMatrix(3*TileSize+77, d, uint64(d), true)
		data, n, _ := rowMajor(x)
		rt := NewTiles(data, n, d)
		queries := randMatrix(9, d, 99, true)
		for _, r2 := range []float64{0, 0.25, 1, 2.125, 4, 100} {
			g := rt.NewGroup(r2)
			for q0 := 0; q0 < 9; q0 += 4 {
				var qs [4][]float64
				var act [4]bool
				for a := 0; a < 4 && q0+a < 9; a++ {
					qs[a], act[a] = queries.RawRowView(q0+a), a != 1
				}
				g.Set(qs)
				for k := 0; k < rt.NumTiles(); k++ {
					c := g.Screen(k, act)
					lo, hi := rt.TileRows(k)
					for a := range act {
						if !act[a] {
							continue
						}
						want := 0
						for p := lo; p < hi; p++ {
							in := SqDist(qs[a], rt.Row(p)) <= r2
							got := g.Mask(a)[(p-lo)/8]>>((p-lo)%8)&1 == 1
							if in != got {
								t.Fatalf("d=%d r²=%v query %d row %d: within %v, screen %v", d, r2, q0+a, p, in, got)
							}
							if in {
								want++
							}
						}
						ones := 0
						for _, m := range g.Mask(a) {
							ones += bits.OnesCount8(m)
						}
						if c[a] != want || ones != want {
							t.Fatalf("d=%d r²=%v tile %d: count %d, mask %d rows, direct %d", d, r2, k, c[a], ones, want)
						}
					}
				}
			}
		}
	}
}

// TestTilesLayout checks that positions are a permutation of the rows, that
// tile sums add the tile's rows in position order, that a tile's width and
// box distances bound SqDist within it.
func TestTilesLayout(t *testing.T) {
	const n, d = 1300, 4
	x := randMatrix(n, d, 5, false)
	data, _, _ := rowMajor(x)
	rt := NewTiles(data, n, d)
	seen := make([]bool, n)
	for p := 0; p < n; p++ {
		i := rt.Orig(p)
		if seen[i] {
			t.Fatalf("row %d at two positions", i)
		}
		seen[i] = true
		for j, v := range rt.Row(p) {
			if v != data[i*d+j] {
				t.Fatalf("position %d does not hold row %d", p, i)
			}
		}
	}
	q := []float64{0.3, -1, 2, 0}
	for k := 0; k < rt.NumTiles(); k++ {
		lo, hi := rt.TileRows(k)
		sum := make([]float64, d)
		near, far := rt.BoxDist2(k, q)
		for p := lo; p < hi; p++ {
			for j, v := range rt.Row(p) {
				sum[j] += v
			}
			if s := SqDist(q, rt.Row(p)); s < near || s > far {
				t.Fatalf("tile %d row %d: distance² %v outside the box bounds [%v, %v]", k, p, s, near, far)
			}
			if s := SqDist(rt.Row(lo), rt.Row(p)); s > rt.TileWidth2(k) {
				t.Fatalf("tile %d: rows %d apart² %v beyond the width² %v", k, p, s, rt.TileWidth2(k))
			}
		}
		for j := range sum {
			if sum[j] != rt.TileSum(k)[j] {
				t.Fatalf("tile %d: sum %v, want %v", k, rt.TileSum(k), sum)
			}
		}
	}
}
