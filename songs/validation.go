package songs

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/cluster"
	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

// KMin and KMax bound the numbers of clusters compared, as the original
// study (WCSS from k = 1).
const (
	KMin = 2
	KMax = 10
)

// Algorithm names.
const (
	AlgKMeans = "K-Means"
	AlgWard   = "Ward"
	AlgGMM    = "GMM"
)

// Algorithms are the clustering families compared for every k, in display
// order.
var Algorithms = []string{AlgKMeans, AlgWard, AlgGMM}

// OriginalGMMRestarts is the number of initialisations of the original
// study's Gaussian mixtures (scikit-learn's default n_init=1), kept by the
// reproduction.
const OriginalGMMRestarts = 1

// Clusterer returns the seeded clusterer of an algorithm name, with the
// original study's settings: K-Means with 10 restarts, Ward, and a
// full-covariance Gaussian mixture with OriginalGMMRestarts. Plan.Clusterer
// gives the validation's.
func Clusterer(name string, seed uint64) cluster.Clusterer {
	return clusterer(name, seed, 10, OriginalGMMRestarts)
}

// clusterer returns the seeded clusterer of an algorithm name with the
// given restarts.
func clusterer(name string, seed uint64, kmeansRestarts, gmmRestarts int) cluster.Clusterer {
	switch name {
	case AlgKMeans:
		return cluster.KMeans{NInit: kmeansRestarts, Seed: seed}
	case AlgWard:
		return cluster.ClustererFunc(func(x mat.Matrix, k int) ([]int, error) {
			a := cluster.Agglomerative{Linkage: cluster.Ward, NClusters: k}
			if err := a.Fit(x); err != nil {
				return nil, err
			}
			return a.Labels(), nil
		})
	case AlgGMM:
		return cluster.GaussianMixture{NInit: gmmRestarts, Seed: seed}
	}
	panic("songs: unknown algorithm " + name)
}

// Choice is a clustering solution: algorithm, k and its silhouette.
type Choice struct {
	Set        string
	Algorithm  string
	K          int
	Silhouette float64
}

// Validation is notebook 03's result, cached under data/processed.
type Validation struct {
	Seed uint64
	// Plan is what was run.
	Plan Plan
	// Key names the inputs the validation was computed from (see
	// ValidationFor); a cache with another key is stale.
	Key      string
	Original SetValidation
	Improved SetValidation
	Chosen   Choice
	// Checks holds the structureless reference and the bootstrap
	// stability of the chosen algorithm at every k of
	// Plan.SensitivityK (and at the chosen k), in increasing k.
	Checks []KCheck
	// Agreement[i][j] is the ARI (upper triangle and diagonal) and NMI
	// (lower triangle) between Algorithms i and j at the chosen k.
	Agreement [][]float64
	// IDs and Labels give the chosen cohort of every cleaned track.
	IDs    []string
	Labels []int
	// Sides holds, per cohort, the validation of its recordings clustered
	// alone (empty unless Plan.Subcohorts), and SubLabels the sub-cohort
	// of every cleaned track within its cohort (0..Sides[c].K-1, by
	// decreasing size; all 0 without sub-cohorts).
	Sides     []Side
	SubLabels []int
}

// Check returns the check of the chosen algorithm at k, and false when k
// was not checked.
func (v *Validation) Check(k int) (KCheck, bool) {
	for _, c := range v.Checks {
		if c.K == k {
			return c, true
		}
	}
	return KCheck{}, false
}

// ChosenCheck returns the structureless reference and stability of the
// chosen solution.
func (v *Validation) ChosenCheck() KCheck {
	c, ok := v.Check(v.Chosen.K)
	if !ok {
		panic("songs: the validation did not check its chosen solution")
	}
	return c
}

// Validate runs the cluster validation of plan on both feature sets and
// chooses the solution: the highest silhouette of the improved set among
// the solutions that are not degenerate, or the best algorithm at k when
// k > 0. It then checks the choice against the structureless reference
// and by bootstrap stability at every k of plan.SensitivityK, and, with
// plan.Subcohorts, clusters each cohort's recordings alone. Notebook 03
// and `songs run` choose with it. A plan that Check refuses, or k outside
// 0 and plan.KMin..plan.KMax, is an error before any work.
func Validate(cat *catalog.Catalog, plan Plan, seed uint64, k int) (*Validation, error) {
	if err := plan.Check(); err != nil {
		return nil, err
	}
	if k != 0 && (k < plan.KMin || k > plan.KMax) {
		return nil, fmt.Errorf("songs: k = %d is outside the validated range %d..%d", k, plan.KMin, plan.KMax)
	}
	v := &Validation{Seed: seed, Plan: plan.clone()}
	// The feature sets are prepared one after the other (on a large
	// catalog each preparation holds several copies of its matrix), then
	// validated side by side; the improved set's Mean Shift grid, checks
	// and sides follow it.
	orig, err := OriginalSet.Prepare(cat)
	if err != nil {
		return nil, fmt.Errorf("original features: %w", err)
	}
	prep, err := ImprovedSet.Prepare(cat)
	if err != nil {
		return nil, fmt.Errorf("improved features: %w", err)
	}
	var x *mat.Dense
	err = parallel.Run(
		func() (err error) {
			if v.Original, err = validateSet(orig, plan, seed); err != nil {
				return fmt.Errorf("original features: %w", err)
			}
			return nil
		},
		func() (err error) {
			if v.Improved, err = validateSet(prep, plan, seed); err != nil {
				return fmt.Errorf("improved features: %w", err)
			}
			x = v.Improved.Rows(prep.X)
			v.Chosen = v.Improved.Best
			if k > 0 {
				v.Chosen = bestAt(v.Improved, k)
			}
			if v.Chosen.Algorithm == "" {
				return fmt.Errorf("no clustering of k = %d..%d has a silhouette and no cluster under %.0f%% of the rows", plan.KMin, plan.KMax, 100*plan.MinClusterShare)
			}
			return validateChosen(v, x, seed)
		},
	)
	if err != nil {
		return nil, err
	}
	v.Agreement = v.Improved.AgreementAt(v.Chosen.K)
	chosen := v.Improved.LabelsOf(v.Chosen)
	rows := chosen
	if v.Improved.Sample != nil {
		rows = nearestCentre(prep.X, x, chosen, v.Chosen.K)
	}
	v.IDs, v.Labels = expandToTracks(cat, prep.Rows, rows)
	if !plan.Subcohorts {
		v.SubLabels = make([]int, len(v.Labels))
		return v, nil
	}
	if v.Sides, err = validateSides(x, chosen, v.Chosen.K, v.Chosen.Algorithm, plan, seed); err != nil {
		return nil, err
	}
	sub := subLabelsOf(v.Sides, chosen)
	if v.Improved.Sample != nil {
		sub = nearestSubCentre(prep.X, x, rows, chosen, sub, v.Sides)
	}
	_, v.SubLabels = expandToTracks(cat, prep.Rows, sub)
	return v, nil
}

// validateChosen runs, side by side, the Mean Shift grid on the improved
// set's rows x and the checks of the chosen algorithm at every k of the
// plan's SensitivityK and the chosen k.
func validateChosen(v *Validation, x *mat.Dense, seed uint64) error {
	plan := v.Plan
	ks := append([]int(nil), plan.SensitivityK...)
	if indexOfInt(ks, v.Chosen.K) < 0 {
		ks = insertSorted(ks, v.Chosen.K)
	}
	v.Checks = make([]KCheck, len(ks))
	tasks := []func() error{func() (err error) {
		if v.Improved.MeanShift, err = meanShiftGrid(x, plan, seed); err != nil {
			return fmt.Errorf("mean shift: %w", err)
		}
		return nil
	}}
	for i, kk := range ks {
		tasks = append(tasks, func() (err error) {
			row := v.Improved.Sweeps[v.Chosen.Algorithm][kk-plan.KMin]
			v.Checks[i], err = checkSolution(x, v.Chosen.Algorithm, row, plan, seed)
			return err
		})
	}
	return parallel.Run(tasks...)
}

// bestAt returns the algorithm with the highest silhouette at k among the
// solutions that are not degenerate (all of them when every one is).
func bestAt(sv SetValidation, k int) Choice {
	best := Choice{Set: sv.Set.Name, K: k, Silhouette: math.Inf(-1)}
	for _, degenerateOK := range []bool{false, true} {
		for _, a := range Algorithms {
			r := sv.Row(a, k)
			if r.Silhouette > best.Silhouette && (degenerateOK || !sv.Degenerate(a, k)) {
				best.Algorithm, best.Silhouette = a, r.Silhouette
			}
		}
		if best.Algorithm != "" {
			break
		}
	}
	return best
}

func indexOf(s []string, v string) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

func indexOfInt(s []int, v int) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

// insertSorted inserts v into the increasing s.
func insertSorted(s []int, v int) []int {
	i := 0
	for i < len(s) && s[i] < v {
		i++
	}
	return append(s[:i], append([]int{v}, s[i:]...)...)
}

// ChosenLabels returns the chosen solution's labels on the validated rows
// of the improved feature set, renumbered by size.
func (v *Validation) ChosenLabels() []int {
	return v.Improved.LabelsOf(v.Chosen)
}
