package songs

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"sort"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/cluster"
	"github.com/songcohorts/cohorts/songs/internal/atomicfile"
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

// Clusterer returns the seeded clusterer of an algorithm name.
func Clusterer(name string, seed uint64) cluster.Clusterer {
	switch name {
	case AlgKMeans:
		return cluster.KMeans{NInit: 10, Seed: seed}
	case AlgWard:
		return cluster.ClustererFunc(func(x mat.Matrix, k int) ([]int, error) {
			a := cluster.Agglomerative{Linkage: cluster.Ward, NClusters: k}
			if err := a.Fit(x); err != nil {
				return nil, err
			}
			return a.Labels(), nil
		})
	case AlgGMM:
		return cluster.GaussianMixture{Seed: seed}
	}
	panic("songs: unknown algorithm " + name)
}

// SetValidation is everything notebook 03 reads off one feature set.
type SetValidation struct {
	Set FeatureSet
	// N is the number of rows validated; Sample, when not nil, lists the
	// prepared rows they are (a seeded sample of MaxValidationRows rows).
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
	Gap    cluster.GapResult
	// KDistance is the sorted distance to the MinPts-th neighbour;
	// EpsKnee the radius at its knee.
	KDistance []float64
	EpsKnee   float64
	MinPts    int
	DBSCAN    []DBSCANRun
	// MeanShift is the Mean Shift bandwidth grid (improved set only).
	MeanShift []MeanShiftRun
	// Best is the (algorithm, k) of the highest silhouette.
	Best Choice
}

// DBSCANRun is one point of the DBSCAN parameter grid.
type DBSCANRun struct {
	Eps        float64
	MinSamples int
	Clusters   int
	NoiseShare float64
	Silhouette float64 // of the non-noise rows; NaN when undefined
}

// MeanShiftRun is one point of the Mean Shift bandwidth grid: the
// bandwidth estimated at a quantile of the pairwise distances, the clusters
// found (bin seeding, every row labelled) and the largest one's share.
type MeanShiftRun struct {
	Quantile, Bandwidth float64
	Clusters            int
	LargestShare        float64
	Silhouette          float64 // NaN with one cluster
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
	// Key names the inputs the validation was computed from (see
	// ValidationFor); a cache with another key is stale.
	Key       string
	Original  SetValidation
	Improved  SetValidation
	Chosen    Choice
	Stability map[int]float64 // chosen algorithm, k = 2..6
	// Agreement[i][j] is the ARI (upper triangle and diagonal) and NMI
	// (lower triangle) between Algorithms i and j at the chosen k.
	Agreement [][]float64
	// IDs and Labels give the chosen cohort of every cleaned track.
	IDs    []string
	Labels []int
}

// MaxValidationRows bounds the rows the k sweeps run on: above it a seeded
// sample is validated (Ward, the GMM sweep and exact silhouettes grow
// quadratically), and the other rows join the cohort with the nearest centre.
const MaxValidationRows = 6000

// ValidationFile is the cache of Validate's result.
const ValidationFile = "validation.gob"

// Validate runs the cluster validation of notebook 03 on both feature sets
// and chooses the solution: the highest silhouette of the improved set, or
// the best algorithm at k when k > 0.
func Validate(cat *Catalog, seed uint64, k int) (*Validation, error) {
	v := &Validation{Seed: seed}
	// The two feature sets are validated side by side; the improved set's
	// Mean Shift grid and stability refits follow it.
	var prep *Prepared
	var x *mat.Dense
	err := parallel.Run(
		func() (err error) {
			if v.Original, err = validateSet(cat, OriginalSet, seed); err != nil {
				return fmt.Errorf("original features: %w", err)
			}
			return nil
		},
		func() (err error) {
			if v.Improved, err = validateSet(cat, ImprovedSet, seed); err != nil {
				return fmt.Errorf("improved features: %w", err)
			}
			if prep, err = ImprovedSet.Prepare(cat); err != nil {
				return err
			}
			x = v.Improved.rows(prep.X)
			v.Chosen = v.Improved.Best
			if k > 0 {
				v.Chosen = bestAt(v.Improved, k)
			}
			return validateChosen(v, x, seed)
		},
	)
	if err != nil {
		return nil, err
	}
	labels := make([][]int, len(Algorithms))
	for i, a := range Algorithms {
		labels[i] = v.Improved.Sweeps[a][v.Chosen.K-KMin].Labels
	}
	v.Agreement = agreement(labels)
	chosen := RelabelBySize(labels[indexOf(Algorithms, v.Chosen.Algorithm)])
	if v.Improved.Sample != nil {
		chosen = nearestCentre(prep.X, x, chosen, v.Chosen.K)
	}
	v.IDs, v.Labels = expandToTracks(cat, prep.Rows, chosen)
	return v, nil
}

// validateChosen runs, side by side, the Mean Shift grid on the improved
// set's rows x and the bootstrap stability of the chosen algorithm for
// k = 2..6.
func validateChosen(v *Validation, x *mat.Dense, seed uint64) error {
	c := Clusterer(v.Chosen.Algorithm, seed)
	ks := []int{2, 3, 4, 5, 6}
	stability := make([]float64, len(ks))
	tasks := []func() error{func() (err error) {
		if v.Improved.MeanShift, err = meanShiftGrid(x, seed); err != nil {
			return fmt.Errorf("mean shift: %w", err)
		}
		return nil
	}}
	for i, kk := range ks {
		tasks = append(tasks, func() (err error) {
			if stability[i], _, err = cluster.Stability(x, kk, 10, seed, c); err != nil {
				return fmt.Errorf("stability at k=%d: %w", kk, err)
			}
			return nil
		})
	}
	if err := parallel.Run(tasks...); err != nil {
		return err
	}
	v.Stability = map[int]float64{}
	for i, kk := range ks {
		v.Stability[kk] = stability[i]
	}
	return nil
}

// rows returns the rows of x the set was validated on.
func (sv SetValidation) rows(x *mat.Dense) *mat.Dense {
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

// nearestCentre labels every row of all by the nearest mean of the
// clusters that labels gives the rows of sample.
func nearestCentre(all, sample *mat.Dense, labels []int, k int) []int {
	_, d := all.Dims()
	centres := make([][]float64, k)
	counts := make([]float64, k)
	for c := range centres {
		centres[c] = make([]float64, d)
	}
	for r, l := range labels {
		if l < 0 {
			continue
		}
		floats.Add(centres[l], sample.RawRowView(r))
		counts[l]++
	}
	for c := range centres {
		floats.Scale(1/counts[c], centres[c])
	}
	n, _ := all.Dims()
	out := make([]int, n)
	for i := 0; i < n; i++ {
		row := all.RawRowView(i)
		best, bestD := 0, math.Inf(1)
		for c := range centres {
			if dd := floats.Distance(row, centres[c], 2); dd < bestD {
				best, bestD = c, dd
			}
		}
		out[i] = best
	}
	return out
}

func validateSet(cat *Catalog, fs FeatureSet, seed uint64) (SetValidation, error) {
	prep, err := fs.Prepare(cat)
	if err != nil {
		return SetValidation{}, err
	}
	total, _ := prep.X.Dims()
	sv := SetValidation{Set: prep.Set, Components: prep.Components, Sweeps: map[string][]cluster.SweepRow{}}
	sv.Sample = sampleRows(total, MaxValidationRows, seed)
	x := sv.rows(prep.X)
	n, d := x.Dims()
	sv.N = n
	if prep.PCA != nil {
		sv.PCARatio = prep.PCA.ExplainedVarianceRatio()
	}
	km, err := cluster.Sweep(x, 1, KMax, Clusterer(AlgKMeans, seed))
	if err != nil {
		return sv, err
	}
	ks := make([]float64, len(km))
	for i, r := range km {
		sv.WCSS = append(sv.WCSS, r.Inertia)
		ks[i] = float64(r.K)
	}
	if i, ok := cluster.Knee(ks, sv.WCSS, cluster.Convex, cluster.Decreasing, 1); ok {
		sv.Knee = km[i].K
	}
	sv.Sweeps[AlgKMeans] = km[1:]
	for _, a := range Algorithms[1:] {
		if sv.Sweeps[a], err = cluster.Sweep(x, KMin, KMax, Clusterer(a, seed)); err != nil {
			return sv, fmt.Errorf("%s: %w", a, err)
		}
	}
	if sv.Gap, err = cluster.Gap(x, 1, KMax, 10, seed, cluster.KMeans{NInit: 3, Seed: seed}); err != nil {
		return sv, fmt.Errorf("gap statistic: %w", err)
	}
	sv.MinPts = 2 * d
	if sv.EpsKnee, sv.KDistance, err = cluster.SuggestEps(x, sv.MinPts); err != nil {
		return sv, fmt.Errorf("k-distance: %w", err)
	}
	for _, f := range []float64{0.75, 1, 1.25} {
		for _, m := range []int{d, 2 * d} {
			run, err := runDBSCAN(x, f*sv.EpsKnee, m)
			if err != nil {
				return sv, err
			}
			sv.DBSCAN = append(sv.DBSCAN, run)
		}
	}
	sv.Best = Choice{Set: fs.Name, Silhouette: math.Inf(-1)}
	for _, a := range Algorithms {
		for _, r := range sv.Sweeps[a] {
			if r.Silhouette > sv.Best.Silhouette {
				sv.Best = Choice{Set: fs.Name, Algorithm: a, K: r.K, Silhouette: r.Silhouette}
			}
		}
	}
	return sv, nil
}

// bestAt returns the algorithm with the highest silhouette at k.
func bestAt(sv SetValidation, k int) Choice {
	best := Choice{Set: sv.Set.Name, K: k, Silhouette: math.Inf(-1)}
	for _, a := range Algorithms {
		if s := sv.Sweeps[a][k-KMin].Silhouette; s > best.Silhouette {
			best.Algorithm, best.Silhouette = a, s
		}
	}
	return best
}

func runDBSCAN(x *mat.Dense, eps float64, minSamples int) (DBSCANRun, error) {
	m := cluster.DBSCAN{Eps: eps, MinSamples: minSamples}
	if err := m.Fit(x); err != nil {
		return DBSCANRun{}, err
	}
	labels := m.Labels()
	run := DBSCANRun{Eps: eps, MinSamples: minSamples, Clusters: m.NClusters(), Silhouette: math.NaN()}
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

// meanShiftGrid runs Mean Shift at the bandwidths of three quantiles.
func meanShiftGrid(x *mat.Dense, seed uint64) ([]MeanShiftRun, error) {
	var out []MeanShiftRun
	for _, q := range []float64{0.1, 0.2, 0.3} {
		bw, err := cluster.EstimateBandwidth(x, q, 2000, seed)
		if err != nil {
			return nil, err
		}
		ms := cluster.MeanShift{Bandwidth: bw, BinSeeding: true, ClusterAll: true}
		if err := ms.Fit(x); err != nil {
			return nil, err
		}
		labels := ms.Labels()
		sizes := map[int]int{}
		largest := 0
		for _, l := range labels {
			sizes[l]++
			largest = max(largest, sizes[l])
		}
		run := MeanShiftRun{Quantile: q, Bandwidth: bw, Clusters: len(sizes), LargestShare: float64(largest) / float64(len(labels)), Silhouette: math.NaN()}
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

func indexOf(s []string, v string) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

// RelabelBySize renumbers labels 0..k-1 by decreasing cluster size (ties
// by first appearance), so cohort numbers are stable across runs. Negative
// labels (noise) are kept.
func RelabelBySize(labels []int) []int {
	size := map[int]int{}
	first := map[int]int{}
	var ids []int
	for i, l := range labels {
		if l < 0 {
			continue
		}
		if _, ok := size[l]; !ok {
			first[l] = i
			ids = append(ids, l)
		}
		size[l]++
	}
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0; j-- {
			a, b := ids[j-1], ids[j]
			if size[b] > size[a] || (size[b] == size[a] && first[b] < first[a]) {
				ids[j-1], ids[j] = b, a
			}
		}
	}
	newID := map[int]int{}
	for i, l := range ids {
		newID[l] = i
	}
	out := make([]int, len(labels))
	for i, l := range labels {
		if l < 0 {
			out[i] = l
		} else {
			out[i] = newID[l]
		}
	}
	return out
}

// expandToTracks gives every track the label of its row, or of its
// canonical recording's row when it is a reissue that was not clustered.
func expandToTracks(cat *Catalog, rows []int, labels []int) ([]string, []int) {
	byID := map[string]int{}
	for r, i := range rows {
		byID[cat.Tracks[i].ID] = labels[r]
	}
	ids := make([]string, len(cat.Tracks))
	out := make([]int, len(cat.Tracks))
	for i := range cat.Tracks {
		t := &cat.Tracks[i]
		ids[i] = t.ID
		l, ok := byID[t.ID]
		if !ok {
			l, ok = byID[t.CanonicalID]
		}
		if !ok {
			l = -1
		}
		out[i] = l
	}
	return ids, out
}

// SaveValidation caches v under p's processed folder.
func SaveValidation(p Params, v *Validation) error {
	if err := os.MkdirAll(p.ProcessedDir(), 0o755); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(v); err != nil {
		return err
	}
	return atomicfile.WriteFile(p.Processed(ValidationFile), buf.Bytes(), 0o644)
}

// LoadValidation reads the cache SaveValidation wrote, or says which
// notebook makes it.
func LoadValidation(p Params) (*Validation, error) {
	b, err := os.ReadFile(p.Processed(ValidationFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s does not exist yet: run notebook 03-tests-validation first (make output/03-tests-validation.html)", ErrMissingInput, p.Processed(ValidationFile))
	}
	if err != nil {
		return nil, err
	}
	var v Validation
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&v); err != nil {
		return nil, fmt.Errorf("%s: %w", p.Processed(ValidationFile), err)
	}
	return &v, nil
}

// RunValidation loads the cleaned tracks, validates, caches the result and
// writes notebook 03's metrics.
func RunValidation(p Params) (*Validation, error) {
	key, err := ValidationKey(p)
	if err != nil {
		return nil, err
	}
	cat, err := LoadClean(p)
	if err != nil {
		return nil, err
	}
	v, err := Validate(cat, p.Seed, p.K)
	if err != nil {
		return nil, err
	}
	v.Key = key
	if err := SaveValidation(p, v); err != nil {
		return nil, err
	}
	return v, WriteMetrics03(p, v)
}

// ValidationFor returns the cached validation when it was computed from the
// same cleaned tracks, seed and K as p asks for, and otherwise runs
// RunValidation. Notebooks 03 and 04 start with it, so either can run first
// and the validation is computed once.
func ValidationFor(p Params) (*Validation, error) {
	key, err := ValidationKey(p)
	if err != nil {
		return nil, err
	}
	if v, err := LoadValidation(p); err == nil && v.Key == key {
		return v, WriteMetrics03(p, v)
	}
	return RunValidation(p)
}

// LoadCohorts loads the cleaned tracks and the validation computed from
// them (ValidationFor), whose Labels give each track's cohort.
func LoadCohorts(p Params) (*Catalog, *Validation, error) {
	cat, err := LoadClean(p)
	if err != nil {
		return nil, nil, err
	}
	v, err := ValidationFor(p)
	if err != nil {
		return nil, nil, err
	}
	return cat, v, nil
}

// ValidationKey fingerprints the inputs of a validation: the seed, K and
// the bytes of the cleaned tracks. ValidationFor reuses a cached
// validation only when its Key equals it.
func ValidationKey(p Params) (string, error) {
	b, err := os.ReadFile(p.Interim(CleanTracksFile))
	if errors.Is(err, fs.ErrNotExist) {
		_, err = LoadClean(p) // its error names the notebook that makes the file
	}
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("seed=%d k=%d clean=%x", p.Seed, p.K, sha256.Sum256(b)), nil
}
