package embed

import "math"

// repulseList returns, for the point (px, py) and the list of entries at
// (xs[e], ys[e]) with weights cs[e] (a node's number of points),
//
//	fx = Σ_e cs[e] q_e² dx_e,  fy = Σ_e cs[e] q_e² dy_e,  z = Σ_e cs[e] q_e
//
// with dx_e = px - xs[e], dy_e = py - ys[e] and q_e = 1 / (1 + dx_e² + dy_e²):
// the entries in multiples of four by repulse4, the rest one at a time,
// the two parts then added.
func repulseList(px, py float64, xs, ys, cs []float64) (fx, fy, z float64) {
	ys, cs = ys[:len(xs)], cs[:len(xs)]
	n4 := len(xs) &^ 3
	if n4 > 0 {
		fx, fy, z = repulse4(px, py, xs[:n4], ys[:n4], cs[:n4])
	}
	var tx, ty, tz float64
	for e := n4; e < len(xs); e++ {
		dx, dy := px-xs[e], py-ys[e]
		q := 1 / (1 + float64(dx*dx) + float64(dy*dy))
		c := cs[e] * q
		tz += c
		c *= q
		tx += float64(c * dx)
		ty += float64(c * dy)
	}
	if n4 == 0 {
		return tx, ty, tz
	}
	return fx + tx, fy + ty, z + tz
}

// repulse4 returns the sums of repulseList over len(xs) entries (a
// multiple of 4), entry e in lane e%4, with q = 1 / (fma(dy, dy, dx²) + 1)
// and fused multiply-adds for the force sums (math.FMA: one rounding each,
// on every platform), the lanes added as (l0 + l2) + (l1 + l3). This order
// of operations is part of the embedding's definition: it keeps the
// layout the same, bit for bit, on every processor.
func repulse4(px, py float64, xs, ys, cs []float64) (fx, fy, z float64) {
	var sx, sy, sz [4]float64
	for e0 := 0; e0 < len(xs); e0 += 4 {
		for l := 0; l < 4; l++ {
			e := e0 + l
			dx, dy := px-xs[e], py-ys[e]
			q := 1 / (math.FMA(dy, dy, dx*dx) + 1)
			c := cs[e] * q
			sz[l] += c
			c *= q
			sx[l] = math.FMA(c, dx, sx[l])
			sy[l] = math.FMA(c, dy, sy[l])
		}
	}
	lanes := func(s [4]float64) float64 { return (s[0] + s[2]) + (s[1] + s[3]) }
	return lanes(sx), lanes(sy), lanes(sz)
}
