package embed

// repulseListGo returns, for the point (px, py) and the list of entries at
// (xs[e], ys[e]) with weights cs[e] (a node's number of points),
//
//	fx = sum_e cs[e] q_e² dx_e,  fy = sum_e cs[e] q_e² dy_e,  z = sum_e cs[e] q_e
//
// with dx_e = px - xs[e], dy_e = py - ys[e] and q_e = 1 / (1 + dx_e² + dy_e²).
func repulseListGo(px, py float64, xs, ys, cs []float64) (fx, fy, z float64) {
	ys, cs = ys[:len(xs)], cs[:len(xs)]
	for e, x := range xs {
		dx, dy := px-x, py-ys[e]
		q := 1 / (1 + dx*dx + dy*dy)
		c := cs[e] * q
		z += c
		c *= q
		fx += c * dx
		fy += c * dy
	}
	return fx, fy, z
}
