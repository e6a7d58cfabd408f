//go:build !noasm

package neighbors

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestTileKernelBits checks the AVX/FMA kernels against the portable ones,
// tileDist4Go and tileMask4Go, bit for bit: the values, hits and masks, for widths from 1 to
// 40, thresholds that cut through the values, and a stride wider than the
// rows.
func TestTileKernelBits(t *testing.T) {
	if !useAVXFMA {
		t.Skip("the processor lacks AVX or FMA: the tile kernels are the portable ones")
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for _, d := range []int{1, 2, 3, 11, 40} {
		for _, rows := range []int{8, 64, 512} {
			stride := rows + 16
			xt := make([]float64, d*stride)
			for i := range xt {
				xt[i] = rng.NormFloat64() * math.Exp(rng.NormFloat64())
			}
			nx := make([]float64, rows)
			for r := range nx {
				for j := 0; j < d; j++ {
					nx[r] += xt[j*stride+r] * xt[j*stride+r]
				}
			}
			qb := make([]float64, 16*d)
			for j := 0; j < d; j++ {
				for a := 0; a < 4; a++ {
					v := rng.NormFloat64()
					for c := 0; c < 4; c++ {
						qb[16*j+4*a+c] = v
					}
				}
			}
			thr := &[4]float64{float64(d), 0, -float64(d), math.Inf(1)}
			want, got := make([]float64, 4*stride), make([]float64, 4*stride)
			wantHits, gotHits := make([]uint8, rows/8), make([]uint8, rows/8)
			tileDist4Go(xt, qb, nx, want, rows, d, stride, thr, wantHits)
			tileDist4(xt, qb, nx, got, rows, d, stride, thr, gotHits)
			for i := range want {
				if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
					t.Fatalf("d=%d rows=%d: out[%d] = %v, portable %v", d, rows, i, got[i], want[i])
				}
			}
			for i := range wantHits {
				if gotHits[i] != wantHits[i] {
					t.Fatalf("d=%d rows=%d: hits[%d] = %04b, portable %04b", d, rows, i, gotHits[i], wantHits[i])
				}
			}
			// The two-threshold kernel, with the thresholds of both.
			thr8 := &[8]float64{thr[0], thr[1], thr[2], thr[3], 1, -1, float64(d) / 2, math.Inf(-1)}
			wantHi, wantLo := make([]uint8, rows/2), make([]uint8, rows/2)
			gotHi, gotLo := make([]uint8, rows/2), make([]uint8, rows/2)
			tileMask4Go(xt, qb, nx, rows, d, stride, thr8, wantHi, wantLo)
			tileMask4(xt, qb, nx, rows, d, stride, thr8, gotHi, gotLo)
			for i := range wantHi {
				if gotHi[i] != wantHi[i] || gotLo[i] != wantLo[i] {
					t.Fatalf("d=%d rows=%d: masks[%d] = %08b/%08b, portable %08b/%08b", d, rows, i, gotHi[i], gotLo[i], wantHi[i], wantLo[i])
				}
			}
			// Both kernels pass the same rows for the same thresholds.
			for c := range wantHits {
				any := wantHi[4*c]|wantHi[4*c+1]|wantHi[4*c+2]|wantHi[4*c+3] != 0
				if any != (wantHits[c] != 0) {
					t.Fatalf("d=%d rows=%d: rows %d..%d: masks %v, hits %04b", d, rows, 8*c, 8*c+7, any, wantHits[c])
				}
			}
		}
	}
}
