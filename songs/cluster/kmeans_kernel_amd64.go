//go:build !noasm

package cluster

import "golang.org/x/sys/cpu"

//go:noescape
func kmDistsAVX(x *float64, rows, d int, ct *float64, kp int, out *float64)

// useAVXFMA reports whether the processor and operating system support the
// 256-bit AVX and FMA instructions of the distance kernel; it is set once,
// at start-up.
var useAVXFMA = cpu.X86.HasAVX && cpu.X86.HasFMA

// kmDists fills out[r*kp+j] with the squared distance from row r of x to
// column j of the transposed centres ct, as kmDistsGo and with identical
// bits (the same fused multiply-adds in the same order).
func kmDists(x []float64, rows, d int, ct []float64, kp int, out []float64) {
	if rows <= 0 || kp <= 0 {
		return
	}
	if !useAVXFMA || d <= 0 || kp%4 != 0 {
		kmDistsGo(x, rows, d, ct, kp, out)
		return
	}
	_ = x[rows*d-1]
	_ = ct[d*kp-1]
	_ = out[rows*kp-1]
	kmDistsAVX(&x[0], rows, d, &ct[0], kp, &out[0])
}

//go:noescape
func kmDistsIdxAVX(x *float64, idx *int32, rows, d int, ct *float64, kp int, out *float64)

// kmDistsIdx is kmDists for the rows of x listed in idx, read in place:
// out[r*kp+j] is the squared distance from row idx[r] to column j of ct,
// with the same bits as kmDists. Every index must be a row of x.
func kmDistsIdx(x []float64, idx []int32, d int, ct []float64, kp int, out []float64) {
	rows := len(idx)
	if rows == 0 || kp <= 0 {
		return
	}
	if !useAVXFMA || d <= 0 || kp%4 != 0 {
		kmDistsIdxGo(x, idx, d, ct, kp, out)
		return
	}
	n := len(x) / d
	for _, i := range idx {
		if i < 0 || int(i) >= n {
			panic("cluster: row index out of range")
		}
	}
	_ = ct[d*kp-1]
	_ = out[rows*kp-1]
	kmDistsIdxAVX(&x[0], &idx[0], rows, d, &ct[0], kp, &out[0])
}
