package cluster

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/neighbors"
	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

// MeanShiftMaxN is the largest number of rows MeanShift.Fit accepts. Each
// seed climbs with a radius query per step, so the cost grows about as
// n·seeds; beyond this size a subsample, K-Means or DBSCAN is the better tool.
const MeanShiftMaxN = 200000

// MeanShift is mean-shift clustering with a flat kernel (Fukunaga and
// Hostetler 1975; Comaniciu and Meer 2002, "Mean shift: a robust approach
// toward feature space analysis", IEEE TPAMI 24(5)), with the meaning of
// sklearn.cluster.MeanShift under the Euclidean distance.
//
// Every seed moves to the mean of the rows within Bandwidth of it (distance
// <= Bandwidth) until it moves less than 1e-3·Bandwidth or MaxIter steps
// have been taken. Converged seeds are sorted by the number of rows in
// their last window, most first (then by their coordinates, largest first),
// and a seed within Bandwidth of an earlier kept one is dropped. Each row is
// labelled by its nearest centre; when ClusterAll is false, rows farther
// than Bandwidth from every centre are labelled -1.
//
// With BinSeeding the seeds are the occupied cells of a grid of side
// Bandwidth, round(x/Bandwidth)·Bandwidth (rounding half to even, computed
// in float32 as scikit-learn does), kept when at least MinBinFreq rows fall
// in them; if every row has its own cell the rows themselves are the seeds.
// Without BinSeeding every row is a seed.
//
// The seeds climb together, one step each per pass, in groups of four
// compared with tiles of rows by a blocked brute-force kernel (tiles wholly
// inside or outside a window are settled by their bounding boxes); the
// groups run in parallel over a fixed number of blocks and the result does
// not depend on the number of cores.
type MeanShift struct {
	// Bandwidth is the radius of the flat kernel; see EstimateBandwidth.
	Bandwidth float64
	// BinSeeding seeds from a grid instead of from every row.
	BinSeeding bool
	// MinBinFreq is the number of rows a grid cell needs to become a seed
	// (1 when 0).
	MinBinFreq int
	// ClusterAll labels every row with its nearest centre; when false, rows
	// farther than Bandwidth from every centre are -1. scikit-learn's
	// default is true.
	ClusterAll bool
	// MaxIter bounds the steps of each seed (300 when 0).
	MaxIter int

	centers *mat.Dense
	labels  []int
	nIter   int
	fitted  bool
}

// Fit clusters the rows of x. It returns an error if x has no rows, more
// than MeanShiftMaxN rows or NaN or infinite values, or if no seed has a row
// within Bandwidth; the model is then left unfitted. Fit panics if
// Bandwidth is not positive or MinBinFreq or MaxIter is negative.
func (m *MeanShift) Fit(x mat.Matrix) error {
	if !(m.Bandwidth > 0) || math.IsInf(m.Bandwidth, 1) || m.MinBinFreq < 0 || m.MaxIter < 0 {
		panic("cluster: MeanShift needs a finite Bandwidth > 0 and non-negative MinBinFreq and MaxIter")
	}
	m.fitted = false
	n, _ := x.Dims()
	if n > MeanShiftMaxN {
		return fmt.Errorf("cluster: MeanShift of %d rows exceeds MeanShiftMaxN = %d; cluster a subsample, or use KMeans or DBSCAN", n, MeanShiftMaxN)
	}
	data, n, d, err := densityRows(x)
	if err != nil {
		return err
	}
	if n == 0 {
		return errors.New("cluster: MeanShift of no rows")
	}
	bw := m.Bandwidth
	maxIter := m.MaxIter
	if maxIter == 0 {
		maxIter = 300
	}
	minFreq := max(m.MinBinFreq, 1)

	seeds := data
	if m.BinSeeding {
		seeds = binSeeds(data, n, d, bw, minFreq)
	}
	ns := len(seeds) / d
	ends := make([]float64, len(seeds))
	copy(ends, seeds)
	counts := make([]int, ns)
	iters := make([]int, ns)
	meanShiftClimb(neighbors.NewTiles(data, n, d), ends, bw, maxIter, counts, iters)

	order := make([]int, 0, ns)
	nIter := 0
	for s := 0; s < ns; s++ {
		nIter = max(nIter, iters[s])
		if counts[s] > 0 {
			order = append(order, s)
		}
	}
	if len(order) == 0 {
		return fmt.Errorf("%w: bandwidth %v", ErrNoSeedInBandwidth, bw)
	}
	sort.SliceStable(order, func(a, b int) bool {
		sa, sb := order[a], order[b]
		if counts[sa] != counts[sb] {
			return counts[sa] > counts[sb]
		}
		ca, cb := ends[sa*d:(sa+1)*d], ends[sb*d:(sb+1)*d]
		for j := range ca {
			if ca[j] != cb[j] {
				return ca[j] > cb[j]
			}
		}
		return false
	})
	// Keep a centre unless an earlier kept one lies within bw of it.
	bw2 := bw * bw
	unique := make([]bool, len(order))
	for i := range unique {
		unique[i] = true
	}
	var kept []float64
	for i, s := range order {
		if !unique[i] {
			continue
		}
		ci := ends[s*d : (s+1)*d]
		for j := i + 1; j < len(order); j++ {
			if unique[j] && neighbors.SqDist(ci, ends[order[j]*d:(order[j]+1)*d]) <= bw2 {
				unique[j] = false
			}
		}
		kept = append(kept, ci...)
	}
	k := len(kept) / d
	labels := make([]int, n)
	parallel.For(n, 0, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			xi := data[i*d : (i+1)*d]
			best, bi := math.Inf(1), 0
			for c := 0; c < k; c++ {
				if v := neighbors.SqDist(xi, kept[c*d:(c+1)*d]); v < best {
					best, bi = v, c
				}
			}
			if !m.ClusterAll && best > bw2 {
				bi = -1
			}
			labels[i] = bi
		}
	})
	m.centers = mat.NewDense(k, d, kept)
	m.labels, m.nIter = labels, nIter
	m.fitted = true
	return nil
}

// binSeeds returns the centres of the grid cells of side bw holding at
// least minFreq rows, in the order of their first row, as scikit-learn's
// get_bin_seeds: the cell index round(x/bw) is stored as float32 and
// multiplied by bw in float32. If every row has its own cell, the rows are
// returned instead.
func binSeeds(data []float64, n, d int, bw float64, minFreq int) []float64 {
	type cell struct {
		first, count int
	}
	cells := make(map[string]*cell)
	var keys []string
	key := make([]byte, 0, 4*d)
	idx := make([]float32, 0, d)
	for i := 0; i < n; i++ {
		key = key[:0]
		for _, v := range data[i*d : (i+1)*d] {
			b := math.Float32bits(float32(math.RoundToEven(v / bw)))
			key = append(key, byte(b), byte(b>>8), byte(b>>16), byte(b>>24))
		}
		c, ok := cells[string(key)]
		if !ok {
			c = &cell{first: i}
			cells[string(key)] = c
			keys = append(keys, string(key))
		}
		c.count++
	}
	var kept []*cell
	for _, k := range keys {
		if c := cells[k]; c.count >= minFreq {
			kept = append(kept, c)
		}
	}
	if len(kept) == n {
		return data
	}
	bw32 := float32(bw)
	var seeds []float64
	for _, c := range kept {
		idx = idx[:0]
		for _, v := range data[c.first*d : (c.first+1)*d] {
			idx = append(idx, float32(math.RoundToEven(v/bw)))
		}
		for _, r := range idx {
			seeds = append(seeds, float64(r*bw32))
		}
	}
	return seeds
}

// Centers returns the cluster centres, one row each, in the order of their
// labels. It panics before a successful Fit.
func (m *MeanShift) Centers() *mat.Dense {
	m.check()
	return mat.DenseCopyOf(m.centers)
}

// Labels returns the cluster of each row, -1 for rows left out when
// ClusterAll is false. It panics before a successful Fit.
func (m *MeanShift) Labels() []int {
	m.check()
	return m.labels
}

// NIter returns the largest number of steps any seed took, as
// scikit-learn's n_iter_. It panics before a successful Fit.
func (m *MeanShift) NIter() int {
	m.check()
	return m.nIter
}

// ErrNoSeedInBandwidth is returned by MeanShift.Fit when no seed has a row
// within its bandwidth (scikit-learn raises a ValueError then): try a
// larger bandwidth or seeding from every row.
var ErrNoSeedInBandwidth = errors.New("cluster: no seed has a row within the bandwidth")

func (m *MeanShift) check() { checkFitted(m.fitted, "MeanShift") }
