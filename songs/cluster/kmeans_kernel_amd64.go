package cluster

func kmCPUID(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)

func kmXGETBV() (eax, edx uint32)

//go:noescape
func kmDistsAVX(x *float64, rows, d int, ct *float64, kp int, out *float64)

// kmHasAVX reports whether the processor and operating system support the
// 256-bit AVX and FMA instructions of the distance kernel.
var kmHasAVX = func() bool {
	maxID, _, _, _ := kmCPUID(0, 0)
	if maxID < 1 {
		return false
	}
	_, _, c1, _ := kmCPUID(1, 0)
	const fma, osxsave, avx = 1 << 12, 1 << 27, 1 << 28
	if c1&fma == 0 || c1&osxsave == 0 || c1&avx == 0 {
		return false
	}
	xcr0, _ := kmXGETBV()
	return xcr0&6 == 6
}()

// kmDists fills out[r*kp+j] with the squared distance from row r of x to
// column j of the transposed centres ct, as kmDistsGo and with identical
// bits (the same fused multiply-adds in the same order).
func kmDists(x []float64, rows, d int, ct []float64, kp int, out []float64) {
	if rows <= 0 || kp <= 0 {
		return
	}
	if !kmHasAVX || d <= 0 || kp%4 != 0 {
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
	if !kmHasAVX || d <= 0 || kp%4 != 0 {
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
