package benchops

import (
	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/embed"
)

func init() {
	opFuncs["pca"] = opPCA
	opFuncs["fastica"] = opFastICA
	opFuncs["tsne"] = opTSNE
}

// opFastICA times FastICA(n_components=11, whiten="unit-variance",
// whiten_solver="svd", algorithm="parallel", fun="logcosh", tol=1e-4,
// max_iter=200, seed 0) with the sources, as fit_transform. Quality:
// n_iter, converged.
func opFastICA(j *job) error {
	f := embed.FastICA{NComponents: 11, Whiten: embed.WhitenSVD, Tol: 1e-4, MaxIter: 200, Seed: 0}
	var sources mat.Dense
	var err error
	j.measure(func() { err = f.FitTransform(&sources, j.z) })
	if err != nil {
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
	var err error
	j.measure(func() { err = p.FitTransform(&scores, j.z) })
	if err != nil {
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
	var err error
	j.measure(func() { err = t.Fit(j.z) })
	if err != nil {
		return err
	}
	var y mat.Dense
	t.EmbeddingTo(&y)
	j.info.Set("kl_divergence", round(t.KLDivergence(), 6))
	j.info.Set("n_iter", t.NIter())
	tw, err := trust(j.z, &y)
	if err != nil {
		return err
	}
	j.info.Set("trustworthiness", tw)
	return nil
}

// trustSample is the reference script's trustworthiness subsample size.
const trustSample = 5000

// trust returns the trustworthiness (k=10) of the embedding y of z on a
// seeded sample of at most 5000 rows, as the reference script's _trust.
func trust(z, y *mat.Dense) (float64, error) {
	n, _ := z.Dims()
	idx := chooseSorted(n, trustSample, 0)
	t, err := embed.Trustworthiness(subRows(z, idx), subRows(y, idx), 10)
	return round(t, 6), err
}
