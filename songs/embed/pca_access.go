package embed

import (
	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

// Transform writes the scores of x on the kept components,
// (x - mean) Vₖ, into dst. An empty dst is sized n×k. It panics if p is not
// fitted or x has a different number of columns than the fitted data.
func (p *PCA) Transform(dst *mat.Dense, x mat.Matrix) {
	p.check("PCA.Transform")
	transformCentred(dst, x, "PCA.Transform", p.mean, p.components, p.k)
}

// InverseTransform maps scores on the kept components back to the data
// space, scores Vₖᵀ + mean, into dst. An empty dst is sized n×d. With fewer
// components than columns this is the projection of the data onto the
// principal subspace. It panics if p is not fitted or scores does not have
// k columns.
func (p *PCA) InverseTransform(dst *mat.Dense, scores mat.Matrix) {
	p.check("PCA.InverseTransform")
	data, n, k := rowMajor(scores)
	if k != p.k {
		panic("embed: PCA.InverseTransform: scores need one column per kept component")
	}
	d := p.d
	prepareDst(dst, n, d, "PCA.InverseTransform")
	out := dst.RawMatrix()
	c := p.components.RawMatrix()
	parallel.For(n, parallel.Blocks(n, 2048), func(_, lo, hi int) {
		buf := make([]float64, k)
		for r := lo; r < hi; r++ {
			copy(buf, data[r*k:(r+1)*k]) // scores may alias dst
			o := out.Data[r*out.Stride : r*out.Stride+d]
			copy(o, p.mean)
			for j, s := range buf {
				axis := c.Data[j*c.Stride : j*c.Stride+d]
				for i, a := range axis {
					o[i] += s * a
				}
			}
		}
	})
}

// ExplainedVariance returns the variances of the kept components, with
// n - 1 degrees of freedom as scikit-learn's explained_variance_. It panics
// if p is not fitted.
func (p *PCA) ExplainedVariance() []float64 {
	p.check("PCA.ExplainedVariance")
	return append([]float64(nil), p.variance[:p.k]...)
}

// ExplainedVarianceRatio returns the fraction of the total variance that
// each kept component explains, as scikit-learn's
// explained_variance_ratio_. It panics if p is not fitted.
func (p *PCA) ExplainedVarianceRatio() []float64 {
	p.check("PCA.ExplainedVarianceRatio")
	r := make([]float64, p.k)
	for j := range r {
		r[j] = p.variance[j] / p.totalVar
	}
	return r
}

// CumulativeRatio returns the running sum of ExplainedVarianceRatio. It
// panics if p is not fitted.
func (p *PCA) CumulativeRatio() []float64 {
	r := p.ExplainedVarianceRatio()
	for j := 1; j < len(r); j++ {
		r[j] += r[j-1]
	}
	return r
}

// ComponentsFor returns the smallest number of components whose cumulative
// explained variance ratio exceeds target, as scikit-learn chooses
// n_components for a fraction in (0, 1). It looks at all min(n, d)
// components, whatever NComponents is, and returns min(n, d) if no prefix
// exceeds target. It panics if p is not fitted or target is not in (0, 1).
func (p *PCA) ComponentsFor(target float64) int {
	p.check("PCA.ComponentsFor")
	if !(target > 0 && target < 1) {
		panic("embed: PCA.ComponentsFor: target outside (0, 1)")
	}
	cum := 0.0
	for j, v := range p.variance {
		cum += v / p.totalVar
		if cum > target {
			return j + 1
		}
	}
	return len(p.variance)
}

// SingularValues returns the singular values of the centred data for the
// kept components, sqrt((n - 1) var_j). It panics if p is not fitted.
func (p *PCA) SingularValues() []float64 {
	p.check("PCA.SingularValues")
	return append([]float64(nil), p.singular[:p.k]...)
}

// Mean returns a copy of the column means of the fitted data. It panics if
// p is not fitted.
func (p *PCA) Mean() []float64 {
	p.check("PCA.Mean")
	return append([]float64(nil), p.mean...)
}

// ComponentsTo writes the kept principal axes into dst as a k×d matrix
// whose rows are unit vectors (scikit-learn's components_). An empty dst is
// sized for the result. It panics if p is not fitted.
func (p *PCA) ComponentsTo(dst *mat.Dense) {
	p.check("PCA.ComponentsTo")
	prepareDst(dst, p.k, p.d, "PCA.ComponentsTo")
	dst.Copy(p.components.Slice(0, p.k, 0, p.d))
}

// LoadingsTo writes the loadings into dst as a d×k matrix: the principal
// axes scaled by the standard deviation of their scores,
//
//	L[i, j] = V[i, j] * sqrt(var_j)
//
// For standardised data L[i, j] is the correlation between feature i and
// component j. An empty dst is sized for the result. It panics if p is not
// fitted.
func (p *PCA) LoadingsTo(dst *mat.Dense) {
	p.check("PCA.LoadingsTo")
	prepareDst(dst, p.d, p.k, "PCA.LoadingsTo")
	for i := 0; i < p.d; i++ {
		for j := 0; j < p.k; j++ {
			dst.Set(i, j, p.components.At(j, i)*sqrtNonNeg(p.variance[j]))
		}
	}
}

func (p *PCA) check(name string) {
	if p.components == nil {
		panic("embed: " + name + ": PCA not fitted")
	}
}
