package embed

import "golang.org/x/sys/cpu"

//go:noescape
func repulseListAVX(px, py float64, xs, ys, cs *float64, n int) (fx, fy, z float64)

// hasAVX2 reports whether the processor and operating system support the
// AVX2 and FMA instructions of the vector kernels (repulseListAVX,
// umapRepel4AVX).
var hasAVX2 = cpu.X86.HasAVX2 && cpu.X86.HasFMA

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
