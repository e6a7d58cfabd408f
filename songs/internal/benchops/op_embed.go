package benchops

import (
	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/embed"
)

// opFastICA times FastICA(n_components=11, whiten="unit-variance",
// whiten_solver="svd", algorithm="parallel", fun="logcosh", tol=1e-4,
// max_iter=200, seed 0) with the sources, as fit_transform. Quality:
// n_iter, converged.
func opFastICA(j *job) error {
	f := embed.FastICA{NComponents: 11, Whiten: embed.WhitenSVD, Tol: 1e-4, MaxIter: 200, Seed: 0}
	var sources mat.Dense
	if err := j.measureErr(func() error { return f.FitTransform(&sources, j.z) }); err != nil {
		return err
	}
	j.info.Set("n_iter", f.NIter())
	j.info.Set("converged", f.Converged())
	return nil
}

// opPCA times a full PCA (all 11 components) with the scores, as
// PCA().fit_transform. Quality: explained_variance_ratio, svd_solver
// ("covariance": the package's PCAAuto eigendecomposes the d×d scatter
// matrix for n >= d, where scikit-learn takes a LAPACK SVD of the n×d matrix).
func opPCA(j *job) error {
	var p embed.PCA
	var scores mat.Dense
	if err := j.measureErr(func() error { return p.FitTransform(&scores, j.z) }); err != nil {
		return err
	}
	r := p.ExplainedVarianceRatio()
	out := make([]float64, len(r))
	for i, v := range r {
		out[i] = round(v, 6)
	}
	j.info.Set("explained_variance_ratio", out)
	j.info.Set("svd_solver", "covariance")
	return nil
}

// opTSNE times Barnes-Hut t-SNE into the plane with scikit-learn 1.2.1's
// defaults and seed 0. Quality: kl_divergence, n_iter, trustworthiness.
func opTSNE(j *job) error {
	t := embed.NewTSNE(0)
	y, err := j.measureEmbedding(t)
	if err != nil {
		return err
	}
	j.info.Set("kl_divergence", round(t.KLDivergence(), 6))
	j.info.Set("n_iter", t.NIter())
	return j.setTrust(y)
}

// trustSample is the reference script's trustworthiness subsample size.
const trustSample = 5000

// setTrust records as trustworthiness the trustworthiness (k=10) of the
// embedding y of the rows on a seeded sample of at most 5000 rows, as the
// reference script's _trust.
func (j *job) setTrust(y *mat.Dense) error {
	idx := chooseSorted(j.n, trustSample, 0)
	t, err := embed.Trustworthiness(subRows(j.z, idx), subRows(y, idx), 10)
	if err != nil {
		return err
	}
	j.info.Set("trustworthiness", round(t, 6))
	return nil
}

// manifold is a nonlinear embedding as opTSNE and opUMAP time it.
type manifold interface {
	Fit(x mat.Matrix) error
	EmbeddingTo(dst *mat.Dense)
}

// measureEmbedding times m.Fit on the rows and returns the embedding.
func (j *job) measureEmbedding(m manifold) (*mat.Dense, error) {
	if err := j.measureErr(func() error { return m.Fit(j.z) }); err != nil {
		return nil, err
	}
	var y mat.Dense
	m.EmbeddingTo(&y)
	return &y, nil
}
