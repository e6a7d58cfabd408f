package embed

import (
	"math"

	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

// float32Tiny is np.finfo(np.float32).tiny, the floor scikit-learn's
// Barnes-Hut code applies inside the logarithm of the KL divergence.
const float32Tiny = 1.1754943508222875e-38

// tsneGradient evaluates the t-SNE objective for one degree of freedom:
//
//	w_ij = 1 / (1 + |y_i - y_j|²),  q_ij = w_ij / Z,  Z = sum_{k≠l} w_kl
//	dC/dy_i = 4 sum_j (p_ij - q_ij) w_ij (y_i - y_j)
//
// (van der Maaten and Hinton 2008, eq. 5), with the repulsive part either
// summed exactly or approximated by a Barnes-Hut quadtree.
type tsneGradient struct {
	p      *sparseSym
	n      int
	exact  bool
	theta2 float64
	tree   quadTree
	neg    []float64 // repulsive forces, unnormalised
	nb     int       // number of row blocks
	zPart  []float64
	klPart []float64
	leaves []int
	far    []interactionList // interaction list buffer of each block
}

func newTSNEGradient(p *sparseSym, n int, exact bool, theta float64) *tsneGradient {
	nb := parallel.Blocks(n, 128)
	return &tsneGradient{
		p: p, n: n, exact: exact, theta2: theta * theta,
		neg: make([]float64, 2*n), nb: nb,
		zPart: make([]float64, nb), klPart: make([]float64, nb),
	}
}

// compute writes the gradient at y into grad, with P multiplied by ex, and
// returns the KL divergence when wantError is set (as scikit-learn, with the
// exaggerated P).
func (g *tsneGradient) compute(y, grad []float64, ex float64, wantError bool) float64 {
	var z float64
	if g.exact {
		z = g.repulseExact(y)
	} else {
		z = g.repulseBH(y)
	}
	p := g.p
	parallel.For(g.n, g.nb, func(b, lo, hi int) {
		var kl float64
		for i := lo; i < hi; i++ {
			yx, yy := y[2*i], y[2*i+1]
			var fx, fy float64
			for e := p.ptr[i]; e < p.ptr[i+1]; e++ {
				j := p.col[e]
				dx, dy := yx-y[2*j], yy-y[2*j+1]
				w := 1 / (1 + dx*dx + dy*dy)
				pe := p.val[e] * ex
				m := pe * w
				fx += m * dx
				fy += m * dy
				if wantError {
					if g.exact {
						kl += pe * math.Log(max(pe, machineEpsilon)/max(w/z, machineEpsilon))
					} else {
						kl += pe * math.Log(max(pe, float32Tiny)/max(w/z, float32Tiny))
					}
				}
			}
			grad[2*i] = 4 * (fx - g.neg[2*i]/z)
			grad[2*i+1] = 4 * (fy - g.neg[2*i+1]/z)
		}
		g.klPart[b] = kl
	})
	if !wantError {
		return 0
	}
	var kl float64
	for _, v := range g.klPart {
		kl += v
	}
	return kl
}

// repulseBH fills g.neg with the Barnes-Hut repulsive forces and returns the
// approximate normalisation Z. Leaves are split into a fixed number of
// blocks in tree order; partial sums are reduced in block order.
func (g *tsneGradient) repulseBH(y []float64) float64 {
	t := &g.tree
	t.build(y, g.n)
	g.leaves = g.leaves[:0]
	for v, lo := range t.lo {
		if lo >= 0 {
			g.leaves = append(g.leaves, v)
		}
	}
	nl := len(g.leaves)
	nb := min(g.nb, nl)
	if g.far == nil {
		g.far = make([]interactionList, g.nb)
	}
	parallel.For(nl, nb, func(b, lo, hi int) {
		var z float64
		for _, leaf := range g.leaves[lo:hi] {
			z += t.repulseLeaf(leaf, g.theta2, g.neg, &g.far[b])
		}
		g.zPart[b] = z
	})
	var z float64
	for _, v := range g.zPart[:nb] {
		z += v
	}
	return max(z, machineEpsilon)
}

// repulseExact fills g.neg with the exact repulsive forces and returns Z.
func (g *tsneGradient) repulseExact(y []float64) float64 {
	n := g.n
	parallel.For(n, g.nb, func(b, lo, hi int) {
		var z float64
		for i := lo; i < hi; i++ {
			yx, yy := y[2*i], y[2*i+1]
			var fx, fy float64
			for j := 0; j < n; j++ {
				if j == i {
					continue
				}
				dx, dy := yx-y[2*j], yy-y[2*j+1]
				w := 1 / (1 + dx*dx + dy*dy)
				z += w
				fx += w * w * dx
				fy += w * w * dy
			}
			g.neg[2*i], g.neg[2*i+1] = fx, fy
		}
		g.zPart[b] = z
	})
	var z float64
	for _, v := range g.zPart {
		z += v
	}
	return max(z, machineEpsilon)
}
