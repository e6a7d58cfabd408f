package embed

func tsneCPUID(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)

func tsneXGETBV() (eax, edx uint32)

//go:noescape
func repulseListAVX(px, py float64, xs, ys, cs *float64, n int) (fx, fy, z float64)

// hasAVX2 reports whether the processor and operating system support the
// AVX2 and FMA instructions of the vector kernels (repulseListAVX,
// umapRepel4AVX).
var hasAVX2 = func() bool {
	maxID, _, _, _ := tsneCPUID(0, 0)
	if maxID < 7 {
		return false
	}
	_, _, c1, _ := tsneCPUID(1, 0)
	const fma, osxsave, avx = 1 << 12, 1 << 27, 1 << 28
	if c1&fma == 0 || c1&osxsave == 0 || c1&avx == 0 {
		return false
	}
	if xcr0, _ := tsneXGETBV(); xcr0&6 != 6 {
		return false
	}
	_, b7, _, _ := tsneCPUID(7, 0)
	return b7&(1<<5) != 0
}()

// repulseList evaluates an interaction list for the point (px, py); see
// repulseListGo. With AVX2 the sums are accumulated in four lanes, so they
// may differ from the portable ones in the last bits.
func repulseList(px, py float64, xs, ys, cs []float64) (fx, fy, z float64) {
	n4 := len(xs) &^ 3
	if !hasAVX2 || n4 == 0 {
		return repulseListGo(px, py, xs, ys, cs)
	}
	_, _ = ys[n4-1], cs[n4-1]
	fx, fy, z = repulseListAVX(px, py, &xs[0], &ys[0], &cs[0], n4)
	tx, ty, tz := repulseListGo(px, py, xs[n4:], ys[n4:], cs[n4:])
	return fx + tx, fy + ty, z + tz
}
