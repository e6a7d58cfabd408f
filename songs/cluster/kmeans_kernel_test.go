package cluster

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/songcohorts/cohorts/songs/internal/blobtest"
)

// TestKMDistsMatchesScalar checks the distance kernel (assembly where the
// processor has it) against its portable form bit for bit, the indexed
// kernel against both, and against the
// scalar kmDist4 (separate product and sum) to rounding, over row counts
// and centre counts that exercise the four-row and one-row paths and the
// padding of the centre groups.
func TestKMDistsMatchesScalar(t *testing.T) {
	rng := kmRand(3)
	for _, d := range []int{1, 2, 5, 11} {
		for _, k := range []int{1, 3, 4, 5, 8, 10} {
			for _, rows := range []int{1, 3, 4, 7, 9, 64} {
				x := blobtest.Normal(rng, rows*d, 3)
				cs := blobtest.Normal(rng, k*d, 1)
				kp := kmPad4(k)
				ct := kmTranspose(nil, cs, k, d)
				got := make([]float64, rows*kp)
				kmDists(x, rows, d, ct, kp, got)
				ref := make([]float64, rows*kp)
				kmDistsGo(x, rows, d, ct, kp, ref)
				// The same rows in reverse order through the indexed
				// kernel and its portable form.
				idx := make([]int32, rows)
				for r := range idx {
					idx[r] = int32(rows - 1 - r)
				}
				gotIdx := make([]float64, rows*kp)
				kmDistsIdx(x, idx, d, ct, kp, gotIdx)
				refIdx := make([]float64, rows*kp)
				kmDistsIdxGo(x, idx, d, ct, kp, refIdx)
				for r := 0; r < rows; r++ {
					for j := 0; j < kp; j++ {
						want := math.Float64bits(ref[(rows-1-r)*kp+j])
						if math.Float64bits(gotIdx[r*kp+j]) != want || math.Float64bits(refIdx[r*kp+j]) != want {
							t.Fatalf("d=%d k=%d rows=%d: indexed row %d column %d: %v, portable %v, direct %v", d, k, rows, r, j, gotIdx[r*kp+j], refIdx[r*kp+j], ref[(rows-1-r)*kp+j])
						}
					}
				}
				for r := 0; r < rows; r++ {
					xr := x[r*d : (r+1)*d]
					for j := 0; j < k; j++ {
						want, _, _, _ := kmDist4(xr, cs[j*d:], cs[j*d:], cs[j*d:], cs[j*d:])
						g := got[r*kp+j]
						if math.Float64bits(g) != math.Float64bits(ref[r*kp+j]) {
							t.Fatalf("d=%d k=%d rows=%d r=%d j=%d: kernel %v, portable %v", d, k, rows, r, j, g, ref[r*kp+j])
						}
						if !scalar.EqualWithinAbsOrRel(g, want, 1e-13, 1e-13) {
							t.Fatalf("d=%d k=%d rows=%d r=%d j=%d: kernel %v, kmDist4 %v", d, k, rows, r, j, g, want)
						}
					}
				}
			}
		}
	}
}

// TestKMTwoSmallest checks the branch-free reductions against a plain scan
// (first index of the smallest, second smallest counting ties), with ties.
func TestKMTwoSmallest(t *testing.T) {
	rng := kmRand(5)
	for _, k := range []int{1, 2, 3, 7, 8, 9} {
		for rep := 0; rep < 500; rep++ {
			dist := make([]float64, k)
			for j := range dist {
				dist[j] = float64(rng.IntN(6)) * 0.5
			}
			best, d1, d2 := 0, math.Inf(1), math.Inf(1)
			for j, dd := range dist {
				if dd < d1 {
					best, d1, d2 = j, dd, d1
				} else if dd < d2 {
					d2 = dd
				}
			}
			gb, g1, g2 := kmTwoSmallest(dist)
			if gb != best || g1 != d1 || g2 != d2 {
				t.Fatalf("%v: got %d %v %v, want %d %v %v", dist, gb, g1, g2, best, d1, d2)
			}
		}
	}
}
