//go:build !amd64 || noasm

package cluster

// kmDists fills out[r*kp+j] with the squared distance from row r of x to
// column j of the transposed centres ct, by kmDistsGo: no assembly on this
// platform or build.
func kmDists(x []float64, rows, d int, ct []float64, kp int, out []float64) {
	kmDistsGo(x, rows, d, ct, kp, out)
}

// kmDistsIdx is kmDists for the rows of x listed in idx, by kmDistsIdxGo.
func kmDistsIdx(x []float64, idx []int32, d int, ct []float64, kp int, out []float64) {
	kmDistsIdxGo(x, idx, d, ct, kp, out)
}
