package cluster

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// gmmRowsLogProb calls fn(i, wlp, lse) for every row of x with the
// weighted log densities of the fitted components and their log-sum-exp.
func (g *GaussianMixture) gmmRowsLogProb(x mat.Matrix, fn func(i int, wlp []float64, lse float64)) {
	g.mustFit()
	n, d := x.Dims()
	if d != len(g.comps[0].mean) {
		panic("cluster: column count differs from the fitted mixture")
	}
	logW := make([]float64, g.K)
	for j, w := range g.Weights {
		logW[j] = math.Log(w)
	}
	row := make([]float64, d)
	wlp := make([]float64, g.K)
	diff := make([]float64, d)
	for i := 0; i < n; i++ {
		for f := range row {
			row[f] = x.At(i, f)
		}
		fn(i, wlp, gmmLogProb(row, g.comps, logW, wlp, diff))
	}
}

// Predict writes into dst, and returns, the most probable component of
// every row of x. dst nil is allocated. It panics before a successful Fit
// or on a dimension mismatch.
func (g *GaussianMixture) Predict(dst []int, x mat.Matrix) []int {
	n, _ := x.Dims()
	if dst == nil {
		dst = make([]int, n)
	}
	if len(dst) != n {
		panic("cluster: dst length mismatch")
	}
	g.gmmRowsLogProb(x, func(i int, wlp []float64, _ float64) {
		best := 0
		for j, v := range wlp {
			if v > wlp[best] {
				best = j
			}
		}
		dst[i] = best
	})
	return dst
}

// PredictProba returns the n x K posterior probabilities (responsibilities)
// of the components for every row of x, written into dst if it is not nil.
// It panics before a successful Fit or on a dimension mismatch.
func (g *GaussianMixture) PredictProba(dst *mat.Dense, x mat.Matrix) *mat.Dense {
	n, _ := x.Dims()
	if dst == nil {
		dst = mat.NewDense(n, g.K, nil)
	}
	if r, c := dst.Dims(); r != n || c != g.K {
		panic("cluster: dst must be n x K")
	}
	g.gmmRowsLogProb(x, func(i int, wlp []float64, lse float64) {
		for j, v := range wlp {
			dst.Set(i, j, math.Exp(v-lse))
		}
	})
	return dst
}

// Score returns the mean log-likelihood per row of x under the fitted
// mixture, as scikit-learn's score. It panics before a successful Fit or
// on a dimension mismatch.
func (g *GaussianMixture) Score(x mat.Matrix) float64 {
	n, _ := x.Dims()
	var s float64
	g.gmmRowsLogProb(x, func(_ int, _ []float64, lse float64) { s += lse })
	return s / float64(n)
}

// BIC returns the Bayesian information criterion of the fitted mixture on
// x (Schwarz 1978), as scikit-learn's bic:
//
//	BIC = -2 n Score(x) + p ln n,  p = NParameters().
//
// Lower is better. It panics before a successful Fit.
func (g *GaussianMixture) BIC(x mat.Matrix) float64 {
	n, _ := x.Dims()
	return -2*g.Score(x)*float64(n) + float64(g.NParameters())*math.Log(float64(n))
}

// AIC returns the Akaike information criterion of the fitted mixture on x
// (Akaike 1974), as scikit-learn's aic:
//
//	AIC = -2 n Score(x) + 2p,  p = NParameters().
//
// Lower is better. It panics before a successful Fit.
func (g *GaussianMixture) AIC(x mat.Matrix) float64 {
	n, _ := x.Dims()
	return -2*g.Score(x)*float64(n) + 2*float64(g.NParameters())
}
