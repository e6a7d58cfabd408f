package embed

import "math"

const (
	tsneCheckEvery = 50   // _N_ITER_CHECK of sklearn.manifold.TSNE
	tsneMinGain    = 0.01 // min_gain of sklearn.manifold._t_sne._gradient_descent
)

// optimise runs scikit-learn's two phases of gradient descent on y: early
// exaggeration with momentum 0.5, then momentum 0.8, each with fresh updates
// and gains. It returns the final KL divergence and the last iteration.
func (t *TSNE) optimise(p *sparseSym, y []float64, n int) (kl float64, it int) {
	lr := t.LearningRate
	if lr == 0 {
		lr = max(float64(n)/t.EarlyExaggeration/4, 50)
	}
	g := newTSNEGradient(p, n, t.Method == TSNEExact, t.Theta)
	explore := min(t.ExplorationIter, t.MaxIter)
	kl, it = t.descend(g, y, 0, explore, 0.5, lr, t.ExplorationIter, t.EarlyExaggeration)
	if explore == 0 {
		it = -1
	}
	if it+1 < t.MaxIter {
		kl, it = t.descend(g, y, it+1, t.MaxIter, 0.8, lr, t.NoProgressIter, 1)
	}
	return kl, it
}

// descend is _gradient_descent of scikit-learn 1.2.1 (delta-bar-delta gains,
// Jacobs 1988): iterations it0..nIter-1, checking the error and gradient
// norm every tsneCheckEvery iterations.
func (t *TSNE) descend(g *tsneGradient, y []float64, it0, nIter int, momentum, lr float64, noProgress int, ex float64) (kl float64, it int) {
	update := make([]float64, len(y))
	gains := make([]float64, len(y))
	grad := make([]float64, len(y))
	for i := range gains {
		gains[i] = 1
	}
	kl, it = math.MaxFloat64, it0
	best, bestIter := math.MaxFloat64, it0
	for i := it0; i < nIter; i++ {
		check := (i+1)%tsneCheckEvery == 0
		wantError := check || i == nIter-1
		e := g.compute(y, grad, ex, wantError)
		if wantError {
			kl = e
		}
		var norm2 float64
		for c, gr := range grad {
			if update[c]*gr < 0 {
				gains[c] += 0.2
			} else {
				gains[c] *= 0.8
			}
			gains[c] = max(gains[c], tsneMinGain)
			gr *= gains[c]
			norm2 += gr * gr
			update[c] = momentum*update[c] - lr*gr
			y[c] += update[c]
		}
		it = i
		if check {
			if kl < best {
				best, bestIter = kl, i
			} else if i-bestIter > noProgress {
				break
			}
			if math.Sqrt(norm2) <= t.MinGradNorm {
				break
			}
		}
	}
	return kl, it
}
