//go:build !noasm

package neighbors

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestTileKernelBits checks the AVX kernels against the portable ones,
// tileDist4Go and tileMask4Go, bit for bit: the values and the masks, for widths from 1 to
// 40, thresholds that cut through the values, and a stride wider than the
// rows.
func TestTileKernelBits(t *testing.T) {
	if !useAVX {
		t.Skip("the processor lacks AVX: tileDist4 is tileDist4Go")
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
			wantMask, gotMask := make([]uint8, rows/2), make([]uint8, rows/2)
			tileDist4Go(xt, qb, nx, want, rows, d, stride, thr, wantMask)
			tileDist4(xt, qb, nx, got, rows, d, stride, thr, gotMask)
			for i := range want {
				if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
					t.Fatalf("d=%d rows=%d: out[%d] = %v, portable %v", d, rows, i, got[i], want[i])
				}
			}
			for i := range wantMask {
				if gotMask[i] != wantMask[i] {
					t.Fatalf("d=%d rows=%d: mask[%d] = %08b, portable %08b", d, rows, i, gotMask[i], wantMask[i])
				}
			}
			// The two-threshold kernel, with the thresholds of both.
			thr8 := &[8]float64{thr[0], thr[1], thr[2], thr[3], 1, -1, float64(d) / 2, math.Inf(-1)}
			wantHi, wantLo := make([]uint8, rows/2), make([]uint8, rows/2)
			gotHi, gotLo := make([]uint8, rows/2), make([]uint8, rows/2)
			tileMask4Go(xt, qb, nx, rows, d, stride, thr8, wantHi, wantLo)
			tileMask4(xt, qb, nx, rows, d, stride, thr8, gotHi, gotLo)
			for i := range wantHi {
				if gotHi[i] != wantHi[i] || gotLo[i] != wantLo[i] || wantHi[i] != wantMask[i] {
					t.Fatalf("d=%d rows=%d: masks[%d] = %08b/%08b, portable %08b/%08b, tileDist4 %08b", d, rows, i, gotHi[i], gotLo[i], wantHi[i], wantLo[i], wantMask[i])
				}
			}
		}
	}
}
