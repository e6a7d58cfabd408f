//go:build !amd64 || noasm

package embed

// repulse4 is repulse4Go: no assembly on this platform or build.
func repulse4(px, py float64, xs, ys, cs []float64) (fx, fy, z float64) {
	return repulse4Go(px, py, xs, ys, cs)
}
