package embed

import (
	"math"
	"math/bits"
	"math/rand/v2"

	"github.com/songcohorts/cohorts/songs/internal/neighbors"
	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

// umapLayout is the stochastic gradient descent of umap-learn 0.5.3's
// optimize_layout_euclidean (McInnes et al. 2018, section 3.3): each edge
// (i, j) of weight w is sampled every wmax / w epochs, pulling i towards j
// with the gradient of log(1 / (1 + a d^(2b))), and each sample draws
// negRate uniformly random vertices that push i away with the gradient of
// gamma · log(1 - 1 / (1 + a d^(2b))); every coordinate of a gradient is
// clipped to [-4, 4] and scaled by the learning rate, which decays linearly
// from alpha to 0 over the epochs. The negative samples of one edge are
// evaluated at the same head position and their moves summed, where
// umap-learn applies them one after another.
type umapLayout struct {
	dim          int
	a, b, gamma  float64
	alpha        float64
	negRate      float64
	epochs       int
	seed         uint64
	general      bool // use the general-dimension code even in 2-D (tests)
	snap         []float64
	next, nextNg []float64
	per, perNg   []float64
}

// optimise moves the row-major layout y (n × dim) along the edges of g.
func (l *umapLayout) optimise(y []float64, g *sparseSym) {
	n, dim := g.n, l.dim
	// Edges lighter than wmax / epochs would never be sampled; umap-learn
	// drops them.
	var wmax float64
	for _, w := range g.val {
		wmax = max(wmax, w)
	}
	m := len(g.val)
	l.per = make([]float64, m)
	l.perNg = make([]float64, m)
	l.next = make([]float64, m)
	l.nextNg = make([]float64, m)
	for e, w := range g.val {
		if w < wmax/float64(l.epochs) || w <= 0 {
			l.per[e] = math.Inf(1)
		} else {
			l.per[e] = wmax / w
		}
		l.next[e] = l.per[e]
		if l.negRate > 0 {
			l.perNg[e] = l.per[e] / l.negRate
		} else {
			l.perNg[e] = math.Inf(1)
		}
		l.nextNg[e] = l.perNg[e]
	}
	l.snap = make([]float64, len(y))
	nb := parallel.Blocks(n, 256)
	// One generator per shard, copied into the shard's frame while it runs
	// so that concurrent shards never write to a shared cache line.
	rngs := make([]rand.PCG, nb)
	for s := range rngs {
		rngs[s] = *rand.NewPCG(l.seed, uint64(s)+0x5eed)
	}
	alpha := l.alpha
	for epoch := 0; epoch < l.epochs; epoch++ {
		copy(l.snap, y)
		ep := float64(epoch)
		parallel.For(n, nb, func(s, lo, hi int) {
			src := rngs[s]
			if dim == 2 && !l.general {
				l.shard2(y, g, lo, hi, ep, alpha, &src, n)
			} else {
				l.shard(y, g, lo, hi, ep, alpha, &src, dim, n)
			}
			rngs[s] = src
		})
		alpha = l.alpha * (1 - float64(epoch+1)/float64(l.epochs))
	}
}

// shard runs one epoch for the edges whose head lies in [lo, hi).
func (l *umapLayout) shard(y []float64, g *sparseSym, lo, hi int, epoch, alpha float64, rng *rand.PCG, dim, n int) {
	a, b := l.a, l.b
	attract := -2 * a * b
	repel := 2 * l.gamma * b
	u := make([]float64, dim)
	for i := lo; i < hi; i++ {
		cur := y[i*dim : (i+1)*dim]
		for e := g.ptr[i]; e < g.ptr[i+1]; e++ {
			if l.next[e] > epoch {
				continue
			}
			j := g.col[e]
			other := l.snap[j*dim : (j+1)*dim]
			d2 := neighbors.SqDist(cur, other)
			if d2 > 0 {
				coef := attractCoef(d2, a, b, attract)
				for c := range cur {
					cur[c] += float64(2 * clip(coef*(cur[c]-other[c])) * alpha)
				}
			}
			l.next[e] += l.per[e]
			// The negative samples of one edge all see the head where the
			// edge left it; their moves are summed, so that they can be
			// evaluated independently of one another.
			negs := int((epoch - l.nextNg[e]) / l.perNg[e])
			for c := range u {
				u[c] = 0
			}
			for p := 0; p < negs; p++ {
				k := sampleVertex(rng, n)
				if k == i {
					continue
				}
				other := l.snap[k*dim : (k+1)*dim]
				d2 := neighbors.SqDist(cur, other)
				if d2 > 0 {
					coef := repelCoef(d2, a, b, repel)
					for c := range cur {
						u[c] += float64(clip(coef*(cur[c]-other[c])) * alpha)
					}
				} else {
					for c := range u {
						u[c] += 4 * alpha
					}
				}
			}
			for c := range cur {
				cur[c] += u[c]
			}
			l.nextNg[e] += float64(float64(negs) * l.perNg[e])
		}
	}
}

func clip(v float64) float64 {
	if v > 4 {
		return 4
	}
	if v < -4 {
		return -4
	}
	return v
}

// shard2 is shard for two-dimensional layouts, with the head vertex held in
// registers; it performs the same arithmetic in the same order.
func (l *umapLayout) shard2(y []float64, g *sparseSym, lo, hi int, epoch, alpha float64, rng *rand.PCG, n int) {
	a, b := l.a, l.b
	var bt repelBatch
	attract := -2 * a * b
	repel := 2 * l.gamma * b
	snap := l.snap[:2*n]
	next, per := l.next[:len(g.val)], l.per[:len(g.val)]
	nextNg, perNg := l.nextNg[:len(g.val)], l.perNg[:len(g.val)]
	for i := lo; i < hi; i++ {
		cx, cy := y[2*i], y[2*i+1]
		for e := g.ptr[i]; e < g.ptr[i+1]; e++ {
			if next[e] > epoch {
				continue
			}
			j := g.col[e]
			dx, dy := cx-snap[2*j], cy-snap[2*j+1]
			d2 := float64(dx*dx) + float64(dy*dy)
			if d2 > 0 {
				coef := attractCoef(d2, a, b, attract)
				cx += float64(2 * clip(coef*dx) * alpha)
				cy += float64(2 * clip(coef*dy) * alpha)
			}
			next[e] += per[e]
			negs := int((epoch - nextNg[e]) / perNg[e])
			// The negative samples are drawn in order and evaluated four
			// at a time; their moves are summed in the order drawn.
			var ux, uy float64
			for p := 0; p < negs; {
				m := 0
				for ; m < 4 && p < negs; p++ {
					k := sampleVertex(rng, n)
					if k == i {
						continue
					}
					dx, dy := cx-snap[2*k], cy-snap[2*k+1]
					bt.dx[m], bt.dy[m], bt.d2[m] = dx, dy, float64(dx*dx)+float64(dy*dy)
					m++
				}
				bt.repelTerms(m, a, b, repel, alpha)
				for q := 0; q < m; q++ {
					ux += bt.tx[q]
					uy += bt.ty[q]
				}
			}
			cx += ux
			cy += uy
			nextNg[e] += float64(float64(negs) * perNg[e])
		}
		y[2*i], y[2*i+1] = cx, cy
	}
}

// sampleVertex draws a vertex uniformly from [0, n) by Lemire's
// multiply-shift (the bias, below n / 2^64, is immaterial here).
func sampleVertex(rng *rand.PCG, n int) int {
	hi, _ := bits.Mul64(rng.Uint64(), uint64(n))
	return int(hi)
}

// minVectorBatch is the fewest samples worth a call of the vector kernel:
// below it, the portable code is faster than four padded lanes.
const minVectorBatch = 3

// repelBatch holds up to four negative samples of one head in two
// dimensions: their offsets from the head and squared distances, and the
// moves they make.
type repelBatch struct {
	dx, dy, d2, tx, ty [4]float64
}

// repelTerms sets the moves tx, ty of the first m samples: the clipped
// gradient of gamma log(1 - 1 / (1 + a d^(2b))) times alpha (repel is
// 2 gamma b), or 4 alpha in each coordinate at distance zero, as shard
// computes them one by one. Four samples at positive distances go to the
// vector kernel when there is one; padding lanes and zero distances are
// given a harmless distance and overwritten.
func (bt *repelBatch) repelTerms(m int, a, b, repel, alpha float64) {
	zero := false
	for q := 0; q < 4; q++ {
		if q >= m {
			bt.dx[q], bt.dy[q], bt.d2[q] = 0, 0, 1
		} else if bt.d2[q] == 0 {
			zero = true
		}
	}
	if !zero && m >= minVectorBatch && repel4(bt, b, a, repel, alpha) {
		return
	}
	bt.repelTermsGo(m, a, b, repel, alpha)
}
