package songs

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/cluster"
	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

// SetValidation is everything notebook 03 reads off one feature set, or
// off one cohort's recordings clustered alone (Side).
type SetValidation struct {
	Set FeatureSet
	// Total is the number of prepared rows (one per recording for a set
	// with OnePerRecording); N of them were validated. Sample, when not
	// nil, lists the prepared rows they are (a seeded sample of
	// Plan.MaxRows rows).
	Total      int
	N          int
	Sample     []int
	Components int
	PCARatio   []float64
	// WCSS holds K-Means' within-cluster sum of squares for k = 1..KMax.
	WCSS []float64
	// Knee is the k of the WCSS curve's knee (0 if none).
	Knee int
	// Sweeps holds, per algorithm, the metrics for k = KMin..KMax.
	Sweeps map[string][]cluster.SweepRow
	// Agreement holds, per k = KMin..KMax, the ARI (upper triangle and
	// diagonal) and NMI (lower triangle) between Algorithms i and j.
	Agreement [][][]float64
	// Gap is the gap statistic for k = 1..KMax; Gap.Best is 0 when
	// Tibshirani's rule indicates no k.
	Gap cluster.GapResult
	// MinClusterShare is the plan's threshold of degenerate solutions.
	MinClusterShare float64
	// KDistance is the sorted distance to the MinPts-th neighbour;
	// EpsKnee the radius at its knee, or its median when the curve is
	// flat (EpsFlat). Only the feature sets have the DBSCAN grid.
	KDistance []float64
	EpsKnee   float64
	EpsFlat   bool
	MinPts    int
	DBSCAN    []DBSCANRun
	// MeanShift is the Mean Shift bandwidth grid (improved set only).
	MeanShift []MeanShiftRun
	// Best is the (algorithm, k) of the highest silhouette among the
	// solutions that are not degenerate.
	Best Choice
}

// Row returns the sweep row of an algorithm at k.
//
// Row panics if the sweep has no row for k.
func (sv SetValidation) Row(alg string, k int) cluster.SweepRow {
	for _, r := range sv.Sweeps[alg] {
		if r.K == k {
			return r
		}
	}
	panic(fmt.Sprintf("songs: no %s sweep row at k = %d", alg, k))
}

// AgreementAt returns the agreement matrix of the algorithms at k.
func (sv SetValidation) AgreementAt(k int) [][]float64 {
	return sv.Agreement[k-sv.Sweeps[AlgKMeans][0].K]
}

// Degenerate reports whether the solution of an algorithm at k has a
// cluster under the plan's MinClusterShare of the rows.
func (sv SetValidation) Degenerate(alg string, k int) bool {
	return Degenerate(sv.Row(alg, k).Labels, sv.MinClusterShare)
}

// LabelsOf returns the labels of a solution on the validated rows,
// renumbered by decreasing size.
func (sv SetValidation) LabelsOf(c Choice) []int {
	return RelabelBySize(sv.Row(c.Algorithm, c.K).Labels)
}

// SmallestShare returns the number of clusters of labels (negative labels,
// noise, are no cluster) and the smallest one's share of all the rows (0
// without a cluster).
func SmallestShare(labels []int) (share float64, clusters int) {
	size := map[int]int{}
	for _, l := range labels {
		if l >= 0 {
			size[l]++
		}
	}
	if len(size) == 0 {
		return 0, 0
	}
	smallest := len(labels)
	for _, n := range size {
		smallest = min(smallest, n)
	}
	return float64(smallest) / float64(len(labels)), len(size)
}

// Degenerate reports whether a clustering splits rather than groups: it
// has at least two clusters and one of them holds less than minShare of
// the rows (noise rows, label -1, count among the rows). Mean Shift's
// 99.4% / 0.6% split of the course catalog is degenerate at any share
// above 0.006.
func Degenerate(labels []int, minShare float64) bool {
	share, clusters := SmallestShare(labels)
	return clusters >= 2 && share < minShare
}

// DBSCANRun is one point of the DBSCAN parameter grid.
type DBSCANRun struct {
	Eps        float64
	MinSamples int
	Clusters   int
	NoiseShare float64
	// SmallestShare is the smallest cluster's share of the rows;
	// Degenerate flags a grid point with a cluster under the plan's
	// MinClusterShare.
	SmallestShare float64
	Degenerate    bool
	Silhouette    float64 // of the non-noise rows; NaN when undefined
}

// MeanShiftRun is one point of the Mean Shift bandwidth grid: the
// bandwidth estimated at a quantile of the pairwise distances, the clusters
// found (bin seeding, every row labelled), the largest and the smallest
// one's share and whether the solution is degenerate. Clusters is 0 when
// no bin seed had a row within the bandwidth.
type MeanShiftRun struct {
	Quantile, Bandwidth float64
	Clusters            int
	LargestShare        float64
	SmallestShare       float64
	Degenerate          bool
	Silhouette          float64 // NaN with one cluster
}

// sampleRows draws max of n row indices without replacement (seeded,
// sorted), or returns nil when n <= max.
func sampleRows(n, max int, seed uint64) []int {
	if n <= max {
		return nil
	}
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	idx := rng.Perm(n)[:max]
	sort.Ints(idx)
	return idx
}

// Rows returns the rows of x the set was validated on.
func (sv SetValidation) Rows(x *mat.Dense) *mat.Dense {
	if sv.Sample == nil {
		return x
	}
	_, d := x.Dims()
	out := mat.NewDense(len(sv.Sample), d, nil)
	for r, i := range sv.Sample {
		out.SetRow(r, x.RawRowView(i))
	}
	return out
}

// validateSet runs the plan's sweep of a prepared feature set, with the
// DBSCAN grid.
func validateSet(prep *Prepared, plan Plan, seed uint64) (SetValidation, error) {
	total, _ := prep.X.Dims()
	sample := sampleRows(total, plan.MaxRows, seed)
	x := SetValidation{Sample: sample}.Rows(prep.X)
	sv, err := validateMatrix(x, prep.Set, plan, seed)
	if err != nil {
		return sv, err
	}
	sv.Components, sv.Total, sv.Sample = prep.Components, total, sample
	if prep.PCA != nil {
		sv.PCARatio = prep.PCA.ExplainedVarianceRatio()
	}
	if err := dbscanGrid(&sv, x, plan); err != nil {
		return sv, err
	}
	return sv, nil
}

// validateMatrix sweeps the plan's algorithms over k on the rows of x:
// K-Means' WCSS from k = 1 and its knee, every algorithm's metrics for
// KMin..KMax, their agreement at each k, the gap statistic and the best
// solution that is not degenerate. The feature sets of the catalog and
// each cohort's recordings (Side) are validated by it.
func validateMatrix(x *mat.Dense, fs FeatureSet, plan Plan, seed uint64) (SetValidation, error) {
	n, _ := x.Dims()
	sv := SetValidation{Set: fs, N: n, Total: n, Sweeps: map[string][]cluster.SweepRow{}, MinClusterShare: plan.MinClusterShare}
	// The sweeps of the algorithms and the gap statistic run side by
	// side, each seeded on its own.
	sweeps := make([][]cluster.SweepRow, len(Algorithms))
	tasks := []func() error{func() (err error) {
		if sv.Gap, err = cluster.Gap(x, 1, plan.KMax, plan.GapReferences, seed, cluster.KMeans{NInit: 3, Seed: seed}); err != nil {
			return fmt.Errorf("gap statistic: %w", err)
		}
		return nil
	}}
	for i, a := range Algorithms {
		from := plan.KMin
		if a == AlgKMeans {
			from = 1 // K-Means' WCSS from k = 1, for the elbow
		}
		tasks = append(tasks, func() (err error) {
			if sweeps[i], err = cluster.Sweep(x, from, plan.KMax, plan.clusterFor(fs, a, seed)); err != nil {
				return fmt.Errorf("%s: %w", a, err)
			}
			return nil
		})
	}
	if err := parallel.Run(tasks...); err != nil {
		return sv, err
	}
	km := sweeps[0]
	ks := make([]float64, len(km))
	for i, r := range km {
		sv.WCSS = append(sv.WCSS, r.Inertia)
		ks[i] = float64(r.K)
	}
	if i, ok := cluster.Knee(ks, sv.WCSS, cluster.Convex, cluster.Decreasing, 1); ok {
		sv.Knee = km[i].K
	}
	sv.Sweeps[AlgKMeans] = km[plan.KMin-1:]
	for i, a := range Algorithms[1:] {
		sv.Sweeps[a] = sweeps[i+1]
	}
	for i := range sv.Sweeps[AlgKMeans] {
		labels := make([][]int, len(Algorithms))
		for j, a := range Algorithms {
			labels[j] = sv.Sweeps[a][i].Labels
		}
		sv.Agreement = append(sv.Agreement, agreement(labels))
	}
	sv.Best = Choice{Set: fs.Name, Silhouette: math.Inf(-1)}
	for _, a := range Algorithms {
		for _, r := range sv.Sweeps[a] {
			if r.Silhouette > sv.Best.Silhouette && !Degenerate(r.Labels, plan.MinClusterShare) {
				sv.Best = Choice{Set: fs.Name, Algorithm: a, K: r.K, Silhouette: r.Silhouette}
			}
		}
	}
	if sv.Best.Algorithm == "" {
		sv.Best.Silhouette = math.NaN()
	}
	return sv, nil
}

// dbscanGrid runs DBSCAN around the knee of the k-distance curve of x.
func dbscanGrid(sv *SetValidation, x *mat.Dense, plan Plan) error {
	_, d := x.Dims()
	var err error
	sv.MinPts = 2 * d
	sv.EpsKnee, sv.KDistance, err = cluster.SuggestEps(x, sv.MinPts)
	if errors.Is(err, cluster.ErrNoKnee) {
		// A flat curve: every row is as far from its neighbours, so
		// any radius on it is the curve's value; take the median.
		sv.EpsKnee, sv.EpsFlat, err = sv.KDistance[len(sv.KDistance)/2], true, nil
	}
	if err != nil {
		return fmt.Errorf("k-distance: %w", err)
	}
	for _, f := range plan.DBSCANEpsFactors {
		for _, m := range []int{d, 2 * d} {
			run, err := runDBSCAN(x, f*sv.EpsKnee, m, plan.MinClusterShare)
			if err != nil {
				return err
			}
			sv.DBSCAN = append(sv.DBSCAN, run)
		}
	}
	return nil
}

func runDBSCAN(x *mat.Dense, eps float64, minSamples int, minShare float64) (DBSCANRun, error) {
	m := cluster.DBSCAN{Eps: eps, MinSamples: minSamples}
	if err := m.Fit(x); err != nil {
		return DBSCANRun{}, err
	}
	labels := m.Labels()
	run := DBSCANRun{Eps: eps, MinSamples: minSamples, Clusters: m.NClusters(), Silhouette: math.NaN(),
		Degenerate: Degenerate(labels, minShare)}
	run.SmallestShare, _ = SmallestShare(labels)
	var keep []int
	for i, l := range labels {
		if l < 0 {
			run.NoiseShare++
		} else {
			keep = append(keep, i)
		}
	}
	run.NoiseShare /= float64(len(labels))
	if run.Clusters >= 2 && len(keep) > run.Clusters {
		_, d := x.Dims()
		sub := mat.NewDense(len(keep), d, nil)
		sl := make([]int, len(keep))
		for r, i := range keep {
			sub.SetRow(r, x.RawRowView(i))
			sl[r] = labels[i]
		}
		if s, err := cluster.Silhouette(sub, sl); err == nil {
			run.Silhouette = s
		}
	}
	return run, nil
}

// meanShiftGrid runs Mean Shift at the bandwidths of the plan's quantiles.
func meanShiftGrid(x *mat.Dense, plan Plan, seed uint64) ([]MeanShiftRun, error) {
	var out []MeanShiftRun
	for _, q := range plan.MeanShiftQuantiles {
		bw, err := cluster.EstimateBandwidth(x, q, 2000, seed)
		if err != nil {
			return nil, err
		}
		ms := cluster.MeanShift{Bandwidth: bw, BinSeeding: true, ClusterAll: true}
		if err := ms.Fit(x); errors.Is(err, cluster.ErrNoSeedInBandwidth) {
			// No cluster at this bandwidth: recorded as 0 clusters.
			out = append(out, MeanShiftRun{Quantile: q, Bandwidth: bw, LargestShare: math.NaN(), SmallestShare: math.NaN(), Silhouette: math.NaN()})
			continue
		} else if err != nil {
			return nil, err
		}
		labels := ms.Labels()
		sizes := map[int]int{}
		largest := 0
		for _, l := range labels {
			sizes[l]++
			largest = max(largest, sizes[l])
		}
		run := MeanShiftRun{Quantile: q, Bandwidth: bw, Clusters: len(sizes), LargestShare: float64(largest) / float64(len(labels)),
			Degenerate: Degenerate(labels, plan.MinClusterShare), Silhouette: math.NaN()}
		run.SmallestShare, _ = SmallestShare(labels)
		if len(sizes) >= 2 && len(sizes) < len(labels) {
			if run.Silhouette, err = cluster.Silhouette(x, labels); err != nil {
				return nil, err
			}
		}
		out = append(out, run)
	}
	return out, nil
}

// agreement fills the ARI/NMI matrix of several labelings.
func agreement(labels [][]int) [][]float64 {
	m := make([][]float64, len(labels))
	for i := range m {
		m[i] = make([]float64, len(labels))
		for j := range m[i] {
			if j >= i {
				m[i][j] = cluster.AdjustedRandIndex(labels[i], labels[j])
			} else {
				m[i][j] = cluster.NormalizedMutualInfo(labels[i], labels[j])
			}
		}
	}
	return m
}
