package songs

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

// Side is one cohort's recordings clustered alone, the second level of the
// cohort hierarchy: the same features and standardisation as the cohorts,
// the same sweep of every algorithm and k, structureless reference and
// stability (Plan). The sub-cohorts are the cohorts' algorithm's solution
// with the highest silhouette that is not degenerate, kept when it beats
// the structureless reference and comes back under resampling (mean
// bootstrap ARI at least Plan.MinStability); otherwise the cohort stays one
// sub-cohort. One algorithm for both levels keeps the hierarchy one method,
// whose rule for a new track (the nearest centre, for K-Means) holds at
// both levels.
type Side struct {
	Cohort int
	// N is the number of the cohort's validated rows. A cohort of fewer
	// than MinSideRows is not clustered (Validation is empty).
	N          int
	Validation SetValidation
	// Best is the cohorts' algorithm's solution with the highest
	// silhouette that is not degenerate, and Check its structureless
	// reference and stability (both zero when the side was not clustered
	// or has no such solution).
	Best  Choice
	Check KCheck
	// K is the number of sub-cohorts: Best.K when it beats the
	// structureless reference and is stable, else 1.
	K int
	// Labels are the sub-cohorts of the side's validated rows, in row
	// order, 0..K-1 by decreasing size.
	Labels []int
}

// Clustered reports whether the side was clustered (it has at least
// MinSideRows validated rows and a solution that is not degenerate).
func (s Side) Clustered() bool { return s.Check.K > 0 }

// MinSideRows is the fewest validated rows of a cohort that is clustered
// alone: five per cluster of the largest k swept.
const MinSideRows = 5 * KMax

// validateSides clusters the rows of x of each of the k cohorts of labels
// alone, side by side, and chooses their sub-cohorts with algorithm alg.
func validateSides(x *mat.Dense, labels []int, k int, alg string, plan Plan, seed uint64) ([]Side, error) {
	sides := make([]Side, k)
	tasks := make([]func() error, k)
	for c := range sides {
		tasks[c] = func() (err error) {
			if sides[c], err = validateSide(rowsWithLabel(x, labels, c), c, alg, plan, seed); err != nil {
				return fmt.Errorf("cohort %d clustered alone: %w", c, err)
			}
			return nil
		}
	}
	return sides, parallel.Run(tasks...)
}

// validateSide validates the rows xc of cohort c and chooses its
// sub-cohorts with algorithm alg.
func validateSide(xc *mat.Dense, c int, alg string, plan Plan, seed uint64) (Side, error) {
	n, _ := xc.Dims()
	s := Side{Cohort: c, N: n, K: 1, Labels: make([]int, n)}
	if n < MinSideRows {
		return s, nil
	}
	var err error
	if s.Validation, err = validateMatrix(xc, ImprovedSet, plan, seed); err != nil {
		return s, err
	}
	s.Best = Choice{Set: ImprovedSet.Name, Silhouette: math.Inf(-1)}
	for _, r := range s.Validation.Sweeps[alg] {
		if r.Silhouette > s.Best.Silhouette && !Degenerate(r.Labels, plan.MinClusterShare) {
			s.Best = Choice{Set: ImprovedSet.Name, Algorithm: alg, K: r.K, Silhouette: r.Silhouette}
		}
	}
	if s.Best.Algorithm == "" {
		s.Best = Choice{}
		return s, nil
	}
	row := s.Validation.Row(alg, s.Best.K)
	if s.Check, err = checkSolution(xc, alg, row, plan, seed); err != nil {
		return s, err
	}
	if s.Check.Null.Beaten() && s.Check.Stability.Mean >= plan.MinStability {
		s.K, s.Labels = s.Best.K, RelabelBySize(row.Labels)
	}
	return s, nil
}

// rowsWithLabel returns the rows of x labelled c.
func rowsWithLabel(x *mat.Dense, labels []int, c int) *mat.Dense {
	var idx []int
	for i, l := range labels {
		if l == c {
			idx = append(idx, i)
		}
	}
	return SetValidation{Sample: idx}.Rows(x)
}

// subLabelsOf gives every validated row its sub-cohort within its cohort.
func subLabelsOf(sides []Side, labels []int) []int {
	out := make([]int, len(labels))
	next := make([]int, len(sides))
	for i, c := range labels {
		out[i] = sides[c].Labels[next[c]]
		next[c]++
	}
	return out
}

// nearestSubCentre labels every row of all, whose cohorts are allLabels,
// by the nearest mean of its cohort's sub-cohorts on the validated rows
// (sample, with cohorts labels and sub-cohorts sub).
func nearestSubCentre(all, sample *mat.Dense, allLabels, labels, sub []int, sides []Side) []int {
	out := make([]int, len(allLabels))
	for _, s := range sides {
		if s.K < 2 {
			continue
		}
		var subOf []int
		for i, c := range labels {
			if c == s.Cohort {
				subOf = append(subOf, sub[i])
			}
		}
		var rows []int
		for i, c := range allLabels {
			if c == s.Cohort {
				rows = append(rows, i)
			}
		}
		got := nearestCentre(SetValidation{Sample: rows}.Rows(all), rowsWithLabel(sample, labels, s.Cohort), subOf, s.K)
		for r, i := range rows {
			out[i] = got[r]
		}
	}
	return out
}

// SideRows returns the rows of cohort c among x, the validated rows of
// the improved feature set (SetValidation.Rows): the recordings its side
// was clustered on.
func (v *Validation) SideRows(x *mat.Dense, c int) *mat.Dense {
	return rowsWithLabel(x, v.ChosenLabels(), c)
}
