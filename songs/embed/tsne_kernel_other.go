//go:build !amd64

package embed

func repulseList(px, py float64, xs, ys, cs []float64) (fx, fy, z float64) {
	return repulseListGo(px, py, xs, ys, cs)
}
