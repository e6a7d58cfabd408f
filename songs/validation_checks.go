package songs

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"

	"github.com/songcohorts/cohorts/songs/cluster"
	"github.com/songcohorts/cohorts/songs/internal/parallel"
	"github.com/songcohorts/cohorts/songs/stats"
)

// KCheck is what the study checks of one solution beyond its silhouette:
// whether it beats data without clusters, and whether it comes back on
// resampled data.
type KCheck struct {
	Algorithm  string
	K          int
	Silhouette float64
	// Degenerate flags a solution with a cluster under the plan's
	// MinClusterShare.
	Degenerate bool
	Null       Reference
	Stability  Resampled
}

// Reference is the structureless reference of a silhouette: the same
// algorithm's silhouette on Draws data sets drawn from one Gaussian with
// the data's mean and covariance (cluster.GaussianReference).
type Reference struct {
	Draws []float64
	// Mean and SD (divisor n-1) summarise the draws. P is the Monte Carlo
	// p-value of the observed silhouette, (1 + draws at or above it) /
	// (draws + 1): below 0.05 only when the observed silhouette beats
	// every one of at least 20 draws.
	Mean, SD, P float64
}

// Beaten reports whether the observed silhouette beats the reference at
// the 5% level (P < 0.05).
func (r Reference) Beaten() bool { return r.P < 0.05 }

// Resampled is a solution's bootstrap stability: per resample, the ARI
// between the refit on the resample and the solution on the rows drawn
// (cluster.BootstrapAgreement), their Mean, and CI95, the 2.5% and 97.5%
// quantiles of the per-resample values (type 7; the bootstrap percentile
// interval).
type Resampled struct {
	ARI  []float64
	Mean float64
	CI95 [2]float64
}

// newReference summarises the draws of a reference against the observed
// silhouette.
func newReference(draws []float64, observed float64) Reference {
	r := Reference{Draws: draws, Mean: stat.Mean(draws, nil), SD: stat.StdDev(draws, nil)}
	above := 0
	for _, d := range draws {
		if d >= observed || math.IsNaN(d) {
			above++
		}
	}
	r.P = float64(1+above) / float64(len(draws)+1)
	return r
}

// newResampled summarises per-resample ARIs.
func newResampled(ari []float64) Resampled {
	return Resampled{ARI: ari, Mean: stat.Mean(ari, nil),
		CI95: [2]float64{stats.Quantile(ari, 0.025), stats.Quantile(ari, 0.975)}}
}

// checkSolution runs the plan's structureless reference and bootstrap
// stability for the solution row of an algorithm on x, side by side.
func checkSolution(x *mat.Dense, alg string, row cluster.SweepRow, plan Plan, seed uint64) (KCheck, error) {
	c := plan.Clusterer(alg, seed)
	kc := KCheck{Algorithm: alg, K: row.K, Silhouette: row.Silhouette, Degenerate: Degenerate(row.Labels, plan.MinClusterShare)}
	var draws, ari []float64
	err := parallel.Run(
		func() (err error) {
			if draws, err = cluster.GaussianReference(x, row.K, plan.NullDraws, seed, c); err != nil {
				return fmt.Errorf("%s at k = %d, structureless reference: %w", alg, row.K, err)
			}
			return nil
		},
		func() (err error) {
			if ari, err = cluster.BootstrapAgreement(x, row.Labels, row.K, plan.StabilityResamples, seed, c); err != nil {
				return fmt.Errorf("%s at k = %d, stability: %w", alg, row.K, err)
			}
			return nil
		},
	)
	if err != nil {
		return kc, err
	}
	kc.Null, kc.Stability = newReference(draws, row.Silhouette), newResampled(ari)
	return kc, nil
}
