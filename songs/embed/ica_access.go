package embed

import "gonum.org/v1/gonum/mat"

// Transform writes the sources of x, (x - mean) componentsᵀ, into dst, as
// scikit-learn's FastICA.transform. An empty dst is sized n×k. It panics if
// f is not fitted or x has a different number of columns than the fitted
// data.
func (f *FastICA) Transform(dst *mat.Dense, x mat.Matrix) {
	f.check("FastICA.Transform")
	transformCentred(dst, x, "FastICA.Transform", f.mean, f.components, f.k)
}

// InverseTransform maps sources back to the data space,
// sources mixingᵀ + mean, into dst, as scikit-learn's
// FastICA.inverse_transform. An empty dst is sized n×d. It panics if f is
// not fitted or sources does not have k columns.
func (f *FastICA) InverseTransform(dst *mat.Dense, sources mat.Matrix) {
	f.check("FastICA.InverseTransform")
	if _, c := sources.Dims(); c != f.k {
		panic("embed: FastICA.InverseTransform: sources need one column per component")
	}
	n, _ := sources.Dims()
	prepareDst(dst, n, f.d, "FastICA.InverseTransform")
	var tmp mat.Dense
	tmp.Mul(sources, f.mixing.T())
	for i := 0; i < n; i++ {
		for j := 0; j < f.d; j++ {
			dst.Set(i, j, tmp.At(i, j)+f.mean[j])
		}
	}
}

// ComponentsTo writes the k×d unmixing matrix applied to centred data
// (scikit-learn's components_, W K) into dst. An empty dst is sized for the
// result. It panics if f is not fitted.
func (f *FastICA) ComponentsTo(dst *mat.Dense) {
	f.check("FastICA.ComponentsTo")
	prepareDst(dst, f.k, f.d, "FastICA.ComponentsTo")
	dst.Copy(f.components)
}

// MixingTo writes the d×k mixing matrix, the pseudo-inverse of the
// components (scikit-learn's mixing_), into dst. An empty dst is sized for
// the result. It panics if f is not fitted.
func (f *FastICA) MixingTo(dst *mat.Dense) {
	f.check("FastICA.MixingTo")
	prepareDst(dst, f.d, f.k, "FastICA.MixingTo")
	dst.Copy(f.mixing)
}

// WhiteningTo writes the k×d whitening matrix K (scikit-learn's
// whitening_) into dst. An empty dst is sized for the result. It panics if
// f is not fitted.
func (f *FastICA) WhiteningTo(dst *mat.Dense) {
	f.check("FastICA.WhiteningTo")
	prepareDst(dst, f.k, f.d, "FastICA.WhiteningTo")
	dst.Copy(f.whitening)
}

// Mean returns a copy of the column means of the fitted data. It panics if
// f is not fitted.
func (f *FastICA) Mean() []float64 {
	f.check("FastICA.Mean")
	return append([]float64(nil), f.mean...)
}

// NIter returns the number of iterations of the last Fit; for
// ICADeflation, the largest number over the components (scikit-learn's
// n_iter_). It panics if f is not fitted.
func (f *FastICA) NIter() int {
	f.check("FastICA.NIter")
	return f.nIter
}

// Converged reports whether the last Fit reached the tolerance within
// MaxIter iterations (for ICADeflation: for every component). It panics if
// f is not fitted.
func (f *FastICA) Converged() bool {
	f.check("FastICA.Converged")
	return f.converged
}

func (f *FastICA) check(name string) {
	if f.components == nil {
		panic("embed: " + name + ": FastICA not fitted")
	}
}
