package cluster

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

// gmmComp is one Gaussian component: its mean and a triangular factor G of
// its precision matrix (precision = GᵀG, so the squared Mahalanobis
// distance is ||G(x-μ)||²), stored row-major with the non-zero range of
// every row, and log det G.
type gmmComp struct {
	mean   []float64
	g      []float64
	lo, hi []int
	logDet float64
}

// gmmState is a full set of mixture parameters.
type gmmState struct {
	weights []float64
	comps   []gmmComp
	covs    []*mat.SymDense
}

func (s gmmState) clone() gmmState {
	c := gmmState{weights: append([]float64(nil), s.weights...)}
	for _, p := range s.comps {
		c.comps = append(c.comps, gmmComp{
			mean: append([]float64(nil), p.mean...), g: append([]float64(nil), p.g...),
			lo: append([]int(nil), p.lo...), hi: append([]int(nil), p.hi...), logDet: p.logDet})
	}
	for _, v := range s.covs {
		c.covs = append(c.covs, mat.NewSymDense(v.SymmetricDim(), append([]float64(nil), v.RawSymmetric().Data...)))
	}
	return c
}

// gmmEM holds the data, responsibilities and per-block accumulators of an
// EM fit.
type gmmEM struct {
	data    []float64
	n, d, k int
	cov     CovarianceType
	reg     float64
	nb      int
	state   gmmState
	resp    []float64 // n x k
	xtx     []float64 // d x d, tied only

	bnk  [][]float64 // per block: k
	bsx  [][]float64 // k x d
	bsxx [][]float64 // k x d (diag, spherical) or k x d x d (full)
	blb  []float64
}

func newGMMEM(data []float64, n, d, k int, cov CovarianceType, reg float64) *gmmEM {
	nb := kmBlocks(n)
	e := &gmmEM{data: data, n: n, d: d, k: k, cov: cov, reg: reg, nb: nb,
		resp: make([]float64, n*k),
		bnk:  make([][]float64, nb), bsx: make([][]float64, nb), bsxx: make([][]float64, nb),
		blb: make([]float64, nb)}
	for b := 0; b < nb; b++ {
		e.bnk[b] = make([]float64, k)
		e.bsx[b] = make([]float64, k*d)
		if cov == FullCovariance {
			e.bsxx[b] = make([]float64, k*d*d)
		} else {
			e.bsxx[b] = make([]float64, k*d)
		}
	}
	e.state.weights = make([]float64, k)
	e.state.comps = make([]gmmComp, k)
	for j := range e.state.comps {
		e.state.comps[j] = gmmComp{mean: make([]float64, d), g: make([]float64, d*d),
			lo: make([]int, d), hi: make([]int, d)}
	}
	if cov == TiedCovariance {
		e.xtx = make([]float64, d*d)
		part := make([][]float64, nb)
		parallel.For(n, nb, func(b, lo, hi int) {
			p := make([]float64, d*d)
			for i := lo; i < hi; i++ {
				x := data[i*d : (i+1)*d]
				for f, xf := range x {
					row := p[f*d : (f+1)*d]
					for h, xh := range x {
						row[h] += xf * xh
					}
				}
			}
			part[b] = p
		})
		for _, p := range part {
			for i, v := range p {
				e.xtx[i] += v
			}
		}
	}
	return e
}

// eStep computes the log-responsibilities of every row by log-sum-exp,
// stores the responsibilities, accumulates the first M-step sums and
// returns the mean log-likelihood.
func (e *gmmEM) eStep() float64 {
	d, k := e.d, e.k
	logW := make([]float64, k)
	for j, w := range e.state.weights {
		logW[j] = math.Log(w)
	}
	parallel.For(e.n, e.nb, func(b, lo, hi int) {
		wlp4 := make([]float64, 4*k)
		diff := make([]float64, 4*d)
		var lse4 [4]float64
		nk, sx, sxx := e.bnk[b], e.bsx[b], e.bsxx[b]
		clear(nk)
		clear(sx)
		clear(sxx)
		var lb float64
		for i := lo; i < hi; i++ {
			x := e.data[i*d : (i+1)*d]
			// Rows go four at a time through the log densities (the same
			// bits as one at a time), then one by one, in order, through
			// the sums.
			a := (i - lo) % 4
			if a == 0 {
				if i+4 <= hi {
					gmmLogProb4(x, e.data[(i+1)*d:(i+2)*d], e.data[(i+2)*d:(i+3)*d], e.data[(i+3)*d:(i+4)*d],
						e.state.comps, logW, wlp4, diff, &lse4)
				} else {
					for t := i; t < hi; t++ {
						lse4[t-i] = gmmLogProb(e.data[t*d:(t+1)*d], e.state.comps, logW, wlp4[(t-i)*k:(t-i+1)*k], diff)
					}
				}
			}
			lse := lse4[a]
			wlp := wlp4[a*k : (a+1)*k]
			lb += lse
			r := e.resp[i*k : (i+1)*k]
			for j := range r {
				rj := math.Exp(wlp[j] - lse)
				r[j] = rj
				if rj == 0 {
					continue
				}
				nk[j] += rj
				s := sx[j*d : (j+1)*d]
				for f, v := range x {
					s[f] += rj * v
				}
				gmmAccumulateSecond(e.cov, sxx, j, d, rj, x)
			}
		}
		e.blb[b] = lb
	})
	var lb float64
	for b := 0; b < e.nb; b++ {
		lb += e.blb[b]
	}
	return lb / float64(e.n)
}

// gmmLogProb fills wlp with log w_j + log N(x | μ_j, Σ_j) and returns
// their log-sum-exp, log p(x).
func gmmLogProb(x []float64, comps []gmmComp, logW, wlp, diff []float64) float64 {
	d := len(x)
	c0 := -0.5 * float64(d) * math.Log(2*math.Pi)
	max := math.Inf(-1)
	for j := range comps {
		c := &comps[j]
		for f, v := range x {
			diff[f] = v - c.mean[f]
		}
		var q float64
		for r := 0; r < d; r++ {
			row := c.g[r*d : (r+1)*d]
			var y float64
			for f := c.lo[r]; f < c.hi[r]; f++ {
				y += row[f] * diff[f]
			}
			q += y * y
		}
		v := c0 - 0.5*q + c.logDet + logW[j]
		wlp[j] = v
		if v > max {
			max = v
		}
	}
	if math.IsInf(max, -1) {
		return max
	}
	var s float64
	for _, v := range wlp {
		s += math.Exp(v - max)
	}
	return max + math.Log(s)
}

// initFromLabels sets the responsibilities to the one-hot labels and runs
// the M step, as scikit-learn's _initialize with init_params="kmeans".
func (e *gmmEM) initFromLabels(labels []int) error {
	d, k := e.d, e.k
	parallel.For(e.n, e.nb, func(b, lo, hi int) {
		nk, sx, sxx := e.bnk[b], e.bsx[b], e.bsxx[b]
		clear(nk)
		clear(sx)
		clear(sxx)
		for i := lo; i < hi; i++ {
			x := e.data[i*d : (i+1)*d]
			r := e.resp[i*k : (i+1)*k]
			clear(r)
			j := labels[i]
			r[j] = 1
			nk[j]++
			s := sx[j*d : (j+1)*d]
			for f, v := range x {
				s[f] += v
			}
			gmmAccumulateSecond(e.cov, sxx, j, d, 1, x)
		}
	})
	return e.mStep()
}

// mStep computes weights, means, covariances and precision factors from
// the accumulated sums (and, for full covariances, a second pass over the
// rows), as scikit-learn's _estimate_gaussian_parameters.
func (e *gmmEM) mStep() error {
	d, k := e.d, e.k
	nk := make([]float64, k)
	sx := make([]float64, k*d)
	sxx := make([]float64, len(e.bsxx[0]))
	for b := 0; b < e.nb; b++ {
		for j, v := range e.bnk[b] {
			nk[j] += v
		}
		for j, v := range e.bsx[b] {
			sx[j] += v
		}
		for j, v := range e.bsxx[b] {
			sxx[j] += v
		}
	}
	rsum := append([]float64(nil), nk...)
	var total float64
	for j := range nk {
		nk[j] += 10 * 0x1p-52
		total += nk[j]
	}
	st := &e.state
	for j := 0; j < k; j++ {
		st.weights[j] = nk[j] / total
		for f := 0; f < d; f++ {
			st.comps[j].mean[f] = sx[j*d+f] / nk[j]
		}
	}
	st.covs = st.covs[:0]
	switch e.cov {
	case FullCovariance:
		for j := 0; j < k; j++ {
			cov := mat.NewSymDense(d, nil)
			mu := st.comps[j].mean
			sj := sx[j*d : (j+1)*d]
			for f := 0; f < d; f++ {
				for h := 0; h <= f; h++ {
					// Σ r (x-μ)(x-μ)ᵀ = Σ r xxᵀ - μ(Σ r x)ᵀ - (Σ r x)μᵀ + (Σ r) μμᵀ.
					v := sxx[j*d*d+f*d+h] - mu[f]*sj[h] - sj[f]*mu[h] + rsum[j]*mu[f]*mu[h]
					v /= nk[j]
					if f == h {
						v += e.reg
					}
					cov.SetSym(f, h, v)
				}
			}
			if err := gmmFactor(&st.comps[j], cov); err != nil {
				return err
			}
			st.covs = append(st.covs, cov)
		}
	case TiedCovariance:
		cov := mat.NewSymDense(d, nil)
		for f := 0; f < d; f++ {
			for h := 0; h <= f; h++ {
				v := e.xtx[f*d+h]
				for j := 0; j < k; j++ {
					v -= nk[j] * st.comps[j].mean[f] * st.comps[j].mean[h]
				}
				v /= total
				if f == h {
					v += e.reg
				}
				cov.SetSym(f, h, v)
			}
		}
		for j := 0; j < k; j++ {
			if err := gmmFactor(&st.comps[j], cov); err != nil {
				return err
			}
		}
		st.covs = append(st.covs, cov)
	case DiagCovariance, SphericalCovariance:
		for j := 0; j < k; j++ {
			vars := make([]float64, d)
			var mean float64
			for f := 0; f < d; f++ {
				m := st.comps[j].mean[f]
				avgX2 := sxx[j*d+f] / nk[j]
				avgXM := m * sx[j*d+f] / nk[j]
				vars[f] = avgX2 - 2*avgXM + m*m + e.reg
				mean += vars[f]
			}
			if e.cov == SphericalCovariance {
				mean /= float64(d)
				for f := range vars {
					vars[f] = mean
				}
			}
			cov := mat.NewSymDense(d, nil)
			c := &st.comps[j]
			clear(c.g)
			c.logDet = 0
			for f, v := range vars {
				if v <= 0 {
					return ErrIllDefinedCovariance
				}
				cov.SetSym(f, f, v)
				c.g[f*d+f] = 1 / math.Sqrt(v)
				c.lo[f], c.hi[f] = f, f+1
				c.logDet += math.Log(c.g[f*d+f])
			}
			if e.cov == SphericalCovariance {
				c.logDet = float64(d) * math.Log(1/math.Sqrt(vars[0]))
			}
			st.covs = append(st.covs, cov)
		}
	}
	return nil
}

// gmmAccumulateSecond adds the second moments of x with weight r to
// component j's accumulator: the lower triangle of r·xxᵀ for full
// covariances, the squares r·x_f² for diagonal and spherical ones, nothing
// for tied ones (which use XᵀX).
func gmmAccumulateSecond(cov CovarianceType, sxx []float64, j, d int, r float64, x []float64) {
	switch cov {
	case FullCovariance:
		sj := sxx[j*d*d : (j+1)*d*d]
		for f, xf := range x {
			a := r * xf
			row := sj[f*d : f*d+f+1]
			for h := range row {
				row[h] += a * x[h]
			}
		}
	case DiagCovariance, SphericalCovariance:
		s2 := sxx[j*d : (j+1)*d]
		for f, v := range x {
			s2[f] += r * v * v
		}
	}
}

// gmmFactor sets c's precision factor from a covariance matrix: with
// Σ = LLᵀ, G = L⁻¹ (lower triangular), so that ||G(x-μ)||² is the squared
// Mahalanobis distance and log det G = -½ log det Σ.
func gmmFactor(c *gmmComp, cov *mat.SymDense) error {
	d := cov.SymmetricDim()
	var chol mat.Cholesky
	if ok := chol.Factorize(cov); !ok {
		return ErrIllDefinedCovariance
	}
	var l, inv mat.TriDense
	chol.LTo(&l)
	if err := inv.InverseTri(&l); err != nil {
		return ErrIllDefinedCovariance
	}
	c.logDet = 0
	for r := 0; r < d; r++ {
		for f := 0; f < d; f++ {
			c.g[r*d+f] = inv.At(r, f)
		}
		c.lo[r], c.hi[r] = 0, r+1
		c.logDet += math.Log(c.g[r*d+r])
	}
	return nil
}

// setExplicit sets the parameters from scikit-learn style initial
// weights, means and precision matrices.
func (e *gmmEM) setExplicit(weights []float64, means mat.Matrix, prec [][]float64) error {
	d, k := e.d, e.k
	st := &e.state
	copy(st.weights, weights)
	st.covs = st.covs[:0]
	for j := 0; j < k; j++ {
		c := &st.comps[j]
		for f := 0; f < d; f++ {
			c.mean[f] = means.At(j, f)
		}
		clear(c.g)
		c.logDet = 0
		switch e.cov {
		case FullCovariance, TiedCovariance:
			p := prec[0]
			if e.cov == FullCovariance {
				p = prec[j]
			}
			var chol mat.Cholesky
			if ok := chol.Factorize(mat.NewSymDense(d, append([]float64(nil), p...))); !ok {
				return ErrIllDefinedCovariance
			}
			var m mat.TriDense
			chol.LTo(&m)
			// precision = M Mᵀ, so ||Mᵀ(x-μ)||² is the Mahalanobis form: G = Mᵀ.
			for r := 0; r < d; r++ {
				for f := r; f < d; f++ {
					c.g[r*d+f] = m.At(f, r)
				}
				c.lo[r], c.hi[r] = r, d
				c.logDet += math.Log(c.g[r*d+r])
			}
		case DiagCovariance, SphericalCovariance:
			for f := 0; f < d; f++ {
				v := prec[j][0]
				if e.cov == DiagCovariance {
					v = prec[j][f]
				}
				c.g[f*d+f] = math.Sqrt(v)
				c.lo[f], c.hi[f] = f, f+1
				c.logDet += math.Log(c.g[f*d+f])
			}
		}
	}
	return nil
}
