package cluster

import "math"

// kmPad4 returns k rounded up to a multiple of 4, the width of the centre
// groups of the distance kernel.
func kmPad4(k int) int { return (k + 3) &^ 3 }

// kmTranspose writes the k row-major centres cs (k x d) into ct as a d x kp
// column block, ct[f*kp+j] = cs[j*d+f], with kp = kmPad4(k) and the padding
// columns zero. It returns ct, allocated if too short.
func kmTranspose(ct, cs []float64, k, d int) []float64 {
	kp := kmPad4(k)
	if cap(ct) < d*kp {
		ct = make([]float64, d*kp)
	}
	ct = ct[:d*kp]
	clear(ct)
	for j := 0; j < k; j++ {
		for f, v := range cs[j*d : (j+1)*d] {
			ct[f*kp+j] = v
		}
	}
	return ct
}

// kmDistsGo is the portable form of the distance kernel: for every row r of
// the row-major block x (rows x d) and every column j < kp of the
// transposed centres ct (d x kp), out[r*kp+j] is the squared Euclidean
// distance sum_f (x[r][f] - ct[f][j])², summed in feature order with one
// rounding per subtraction and per fused multiply-add (math.FMA, exact on
// every platform, so the assembly kernel gives identical bits).
func kmDistsGo(x []float64, rows, d int, ct []float64, kp int, out []float64) {
	for r := 0; r < rows; r++ {
		xr := x[r*d : (r+1)*d]
		o := out[r*kp : (r+1)*kp]
		for g := 0; g < kp; g += 4 {
			var s0, s1, s2, s3 float64
			for f, v := range xr {
				c := ct[f*kp+g : f*kp+g+4]
				e0 := v - c[0]
				e1 := v - c[1]
				e2 := v - c[2]
				e3 := v - c[3]
				s0 = math.FMA(e0, e0, s0)
				s1 = math.FMA(e1, e1, s1)
				s2 = math.FMA(e2, e2, s2)
				s3 = math.FMA(e3, e3, s3)
			}
			o[g], o[g+1], o[g+2], o[g+3] = s0, s1, s2, s3
		}
	}
}

// kmDistsIdxGo is the portable form of kmDistsIdx: kmDistsGo for the rows
// of x listed in idx.
func kmDistsIdxGo(x []float64, idx []int32, d int, ct []float64, kp int, out []float64) {
	for r, i := range idx {
		kmDistsGo(x[int(i)*d:(int(i)+1)*d], 1, d, ct, kp, out[r*kp:(r+1)*kp])
	}
}
