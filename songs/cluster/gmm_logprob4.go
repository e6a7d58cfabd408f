package cluster

import "math"

// gmmLogProb4 is gmmLogProb for four rows at once: the four rows' sums are
// independent chains that keep the floating-point units busy, and each row
// is summed in the same order as gmmLogProb, so the results are the same
// bits. wlp holds 4 x k values, row a at wlp[a*k:], diff 4 x d scratch;
// lse receives the four log-sum-exps.
func gmmLogProb4(x0, x1, x2, x3 []float64, comps []gmmComp, logW, wlp, diff []float64, lse *[4]float64) {
	d := len(x0)
	k := len(comps)
	x1, x2, x3 = x1[:d], x2[:d], x3[:d]
	d0, d1, d2, d3 := diff[:d], diff[d:2*d], diff[2*d:3*d], diff[3*d:4*d]
	c0 := -0.5 * float64(d) * math.Log(2*math.Pi)
	for j := range comps {
		c := &comps[j]
		mean := c.mean[:d]
		for f, m := range mean {
			d0[f] = x0[f] - m
			d1[f] = x1[f] - m
			d2[f] = x2[f] - m
			d3[f] = x3[f] - m
		}
		var q0, q1, q2, q3 float64
		for r := 0; r < d; r++ {
			lo, hi := c.lo[r], c.hi[r]
			row := c.g[r*d+lo : r*d+hi]
			e0, e1, e2, e3 := d0[lo:hi], d1[lo:hi], d2[lo:hi], d3[lo:hi]
			var y0, y1, y2, y3 float64
			for f, g := range row {
				y0 += g * e0[f]
				y1 += g * e1[f]
				y2 += g * e2[f]
				y3 += g * e3[f]
			}
			q0 += y0 * y0
			q1 += y1 * y1
			q2 += y2 * y2
			q3 += y3 * y3
		}
		wlp[j] = c0 - 0.5*q0 + c.logDet + logW[j]
		wlp[k+j] = c0 - 0.5*q1 + c.logDet + logW[j]
		wlp[2*k+j] = c0 - 0.5*q2 + c.logDet + logW[j]
		wlp[3*k+j] = c0 - 0.5*q3 + c.logDet + logW[j]
	}
	for a := 0; a < 4; a++ {
		v := wlp[a*k : (a+1)*k]
		max := math.Inf(-1)
		for _, u := range v {
			if u > max {
				max = u
			}
		}
		if math.IsInf(max, -1) {
			lse[a] = max
			continue
		}
		var s float64
		for _, u := range v {
			s += math.Exp(u - max)
		}
		lse[a] = max + math.Log(s)
	}
}
