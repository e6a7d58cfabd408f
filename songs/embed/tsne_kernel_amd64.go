//go:build !noasm

package embed

//go:noescape
func repulseListAVX(px, py float64, xs, ys, cs *float64, n int) (fx, fy, z float64)

// repulse4 is repulse4Go, by the AVX2/FMA kernel where the processor has
// it, with the same bits.
func repulse4(px, py float64, xs, ys, cs []float64) (fx, fy, z float64) {
	n := len(xs)
	if !useAVX2FMA || n%4 != 0 || n == 0 {
		return repulse4Go(px, py, xs, ys, cs)
	}
	_, _ = ys[n-1], cs[n-1]
	return repulseListAVX(px, py, &xs[0], &ys[0], &cs[0], n)
}
