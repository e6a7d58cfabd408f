package songs

import (
	"fmt"
	"slices"

	"github.com/songcohorts/cohorts/songs/cluster"
)

// Plan says what the cluster validation compares, how hard it looks and
// how much it resamples. Validate runs it; notebook 03 shows it
// (view.PlanTable); the validation cache is keyed by it.
type Plan struct {
	// Sets are the feature sets swept; the cohorts are chosen on Improved.
	Sets []FeatureSet
	// Algorithms are swept for every k from KMin to KMax (K-Means' WCSS
	// and the gap statistic from k = 1).
	Algorithms []string
	KMin, KMax int
	// MaxRows bounds the rows the sweeps run on: above it a seeded sample
	// is validated (Ward, the mixtures and exact silhouettes grow
	// quadratically), and the other rows join the cohort with the nearest
	// centre.
	MaxRows int
	// KMeansRestarts is K-Means' number of k-means++ initialisations, the
	// best kept. GMMRestarts is the Gaussian mixtures' on the improved
	// set (the reproduction of the original keeps OriginalGMMRestarts),
	// the largest likelihood kept, so that BIC and AIC compare optima
	// rather than local optima.
	KMeansRestarts, GMMRestarts int
	// GapReferences is the number of uniform reference data sets of the
	// gap statistic.
	GapReferences int
	// SensitivityK are the k whose solutions are profiled side by side
	// and checked: NullDraws draws of the structureless reference and
	// StabilityResamples bootstrap refits of the chosen algorithm each.
	SensitivityK       []int
	NullDraws          int
	StabilityResamples int
	// MinClusterShare is the share of the rows under which a cluster
	// makes its solution degenerate (a few outliers split off rather than
	// a cohort); degenerate solutions are flagged and never chosen.
	MinClusterShare float64
	// Subcohorts clusters each cohort's recordings alone, with the same
	// sweep, reference and stability, for a second level of cohorts. A
	// cohort is split when its best solution beats the structureless
	// reference and its mean bootstrap ARI is at least MinStability (a
	// split that does not come back on resampled data serves no
	// recommendation).
	Subcohorts   bool
	MinStability float64
	// DBSCANEpsFactors scale the k-distance knee radius into DBSCAN's grid
	// (MinSamples d and 2d for d features); MeanShiftQuantiles are the
	// quantiles of the pairwise distances its bandwidths are estimated at.
	DBSCANEpsFactors   []float64
	MeanShiftQuantiles []float64
}

// DefaultPlan is the validation of the study: the original and the
// improved feature sets; K-Means (10 restarts), Ward and a full-covariance
// Gaussian mixture (5 restarts) for k = 2..10 on at most
// MaxValidationRows rows; the gap statistic against 10 uniform data sets;
// the solutions of k = 2..6 profiled and checked against 20 draws of one
// Gaussian and 100 bootstrap refits; clusters under 2% of the rows
// flagged as degenerate; and each cohort clustered alone for the
// sub-cohorts, kept when they beat the reference with a mean bootstrap
// ARI of at least 0.6.
func DefaultPlan() Plan {
	return Plan{
		Sets:       []FeatureSet{OriginalSet, ImprovedSet},
		Algorithms: append([]string(nil), Algorithms...),
		KMin:       KMin, KMax: KMax,
		MaxRows:        MaxValidationRows,
		KMeansRestarts: 10, GMMRestarts: 5,
		GapReferences:      10,
		SensitivityK:       []int{2, 3, 4, 5, 6},
		NullDraws:          20,
		StabilityResamples: 100,
		MinClusterShare:    0.02,
		Subcohorts:         true,
		MinStability:       0.6,
		DBSCANEpsFactors:   []float64{0.75, 1, 1.25},
		MeanShiftQuantiles: []float64{0.1, 0.2, 0.3},
	}
}

// MaxValidationRows bounds the rows the k sweeps run on: above it a seeded
// sample is validated (Ward, the GMM sweep and exact silhouettes grow
// quadratically), and the other rows join the cohort with the nearest centre.
const MaxValidationRows = 6000

// Check refuses a plan Validate cannot run: it must compare the original
// and the improved sets (in that order) with the study's algorithms, over
// KMin..KMax (2 <= KMin <= KMax <= 10), on at least 100 rows, with at
// least one restart, 2 reference draws, 2 resamples and 1 gap reference,
// SensitivityK increasing inside KMin..KMax, MinClusterShare in [0, 0.5),
// and positive DBSCAN factors and Mean Shift quantiles in (0, 1).
func (p Plan) Check() error {
	bad := func(format string, a ...any) error { return fmt.Errorf("songs: validation plan: "+format, a...) }
	if len(p.Sets) != 2 || !sameSet(p.Sets[0], OriginalSet) || !sameSet(p.Sets[1], ImprovedSet) {
		return bad("Sets must be OriginalSet and ImprovedSet")
	}
	if !slices.Equal(p.Algorithms, Algorithms) {
		return bad("Algorithms must be %v", Algorithms)
	}
	if p.KMin != KMin || p.KMax < p.KMin || p.KMax > KMax {
		return bad("k must run from %d to at most %d, not %d..%d", KMin, KMax, p.KMin, p.KMax)
	}
	switch {
	case p.MaxRows < 100:
		return bad("MaxRows %d is under 100", p.MaxRows)
	case p.KMeansRestarts < 1 || p.GMMRestarts < 1:
		return bad("restarts must be at least 1 (K-Means %d, GMM %d)", p.KMeansRestarts, p.GMMRestarts)
	case p.GapReferences < 1:
		return bad("GapReferences %d is under 1", p.GapReferences)
	case p.NullDraws < 2:
		return bad("NullDraws %d is under 2", p.NullDraws)
	case p.StabilityResamples < 2:
		return bad("StabilityResamples %d is under 2", p.StabilityResamples)
	case !(p.MinClusterShare >= 0 && p.MinClusterShare < 0.5):
		return bad("MinClusterShare %v is outside [0, 0.5)", p.MinClusterShare)
	case !(p.MinStability >= -1 && p.MinStability <= 1):
		return bad("MinStability %v is outside [-1, 1]", p.MinStability)
	}
	for i, k := range p.SensitivityK {
		if k < p.KMin || k > p.KMax || (i > 0 && k <= p.SensitivityK[i-1]) {
			return bad("SensitivityK %v must increase inside %d..%d", p.SensitivityK, p.KMin, p.KMax)
		}
	}
	for _, f := range p.DBSCANEpsFactors {
		if !(f > 0) {
			return bad("DBSCAN eps factor %v is not positive", f)
		}
	}
	for _, q := range p.MeanShiftQuantiles {
		if !(q > 0 && q < 1) {
			return bad("Mean Shift quantile %v is outside (0, 1)", q)
		}
	}
	return nil
}

// sameSet reports whether two feature sets are the same.
func sameSet(a, b FeatureSet) bool {
	return a.Name == b.Name && slices.Equal(a.Columns, b.Columns) && a.PCAVariance == b.PCAVariance && a.OnePerRecording == b.OnePerRecording
}

// Clusterer returns the seeded clusterer of an algorithm name with the
// plan's restarts.
func (p Plan) Clusterer(name string, seed uint64) cluster.Clusterer {
	return clusterer(name, seed, p.KMeansRestarts, p.GMMRestarts)
}

// clusterFor returns the plan's clusterer for a feature set: the original
// set keeps the original study's single mixture restart.
func (p Plan) clusterFor(set FeatureSet, name string, seed uint64) cluster.Clusterer {
	if set.Name == OriginalSet.Name {
		return clusterer(name, seed, p.KMeansRestarts, OriginalGMMRestarts)
	}
	return p.Clusterer(name, seed)
}

// clone returns a copy of p sharing no slices with it.
func (p Plan) clone() Plan {
	p.Sets = slices.Clone(p.Sets)
	p.Algorithms = slices.Clone(p.Algorithms)
	p.SensitivityK = slices.Clone(p.SensitivityK)
	p.DBSCANEpsFactors = slices.Clone(p.DBSCANEpsFactors)
	p.MeanShiftQuantiles = slices.Clone(p.MeanShiftQuantiles)
	return p
}

// key fingerprints the plan for the validation cache: every field.
func (p Plan) key() string {
	return fmt.Sprintf("%+v", p)
}
