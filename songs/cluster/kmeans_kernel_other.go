//go:build !amd64

package cluster

// kmDists fills out[r*kp+j] with the squared distance from row r of x to
// column j of the transposed centres ct, as kmDistsGo.
func kmDists(x []float64, rows, d int, ct []float64, kp int, out []float64) {
	kmDistsGo(x, rows, d, ct, kp, out)
}
