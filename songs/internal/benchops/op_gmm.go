package benchops

import "github.com/songcohorts/cohorts/songs/cluster"

// opGMM times GaussianMixture(n_components=k, covariance_type="full",
// tol=1e-3, reg_covar=1e-6, max_iter=100, n_init=1, seed 0), whose k-means
// initialisation is inside the timed call as in scikit-learn. Quality:
// n_iter, converged, lower_bound, bic.
func opGMM(j *job) error {
	g := cluster.GaussianMixture{K: j.cfg.K, Tol: 1e-3, RegCovar: 1e-6, MaxIter: 100, NInit: 1, Seed: 0}
	if err := j.measureErr(func() error { return g.Fit(j.z) }); err != nil {
		return err
	}
	j.info.Set("n_iter", g.NIter)
	j.info.Set("converged", g.Converged)
	j.info.Set("lower_bound", round(g.LowerBound, 6))
	j.info.Set("bic", round(g.BIC(j.z), 3))
	return nil
}
