package cluster

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
)

// kmEncode maps arbitrary integer labels onto 0..m-1 in increasing order
// of label value (as scikit-learn's LabelEncoder) and returns the codes,
// m and the size of every cluster.
func kmEncode(labels []int) (codes []int, m int, sizes []int) {
	uniq := append([]int(nil), labels...)
	sort.Ints(uniq)
	u := uniq[:0]
	for i, v := range uniq {
		if i == 0 || v != uniq[i-1] {
			u = append(u, v)
		}
	}
	index := make(map[int]int, len(u))
	for i, v := range u {
		index[v] = i
	}
	codes = make([]int, len(labels))
	sizes = make([]int, len(u))
	for i, v := range labels {
		codes[i] = index[v]
		sizes[codes[i]]++
	}
	return codes, len(u), sizes
}

// kmCheckLabels panics on a length mismatch and returns an error unless
// 2 <= m <= n-1, the range in which the internal validity indices are
// defined (scikit-learn's check_number_of_labels).
func kmCheckLabels(n, nl, m int) error {
	if n != nl {
		panic("cluster: labels length differs from the number of rows")
	}
	if m < 2 || m > n-1 {
		return fmt.Errorf("cluster: %d distinct labels for %d rows; need 2 <= labels <= rows-1", m, n)
	}
	return nil
}

// labelled is a labelled data set: the row-major rows, the labels encoded
// as 0..m-1, the clusters' sizes and their centroids (row-major, m×d).
type labelled struct {
	data    []float64
	n, d, m int
	codes   []int
	sizes   []int
	cent    []float64
}

// kmCentroids returns the labelled data set of x and labels, or an error
// for NaN or infinite data or fewer than 2 or more than n-1 distinct
// labels; it panics if the lengths differ.
func kmCentroids(x mat.Matrix, labels []int) (*labelled, error) {
	data, err := kmRows(x)
	if err != nil {
		return nil, err
	}
	n, d := x.Dims()
	codes, m, sizes := kmEncode(labels)
	if err := kmCheckLabels(n, len(labels), m); err != nil {
		return nil, err
	}
	l := &labelled{data: data, n: n, d: d, m: m, codes: codes, sizes: sizes, cent: make([]float64, m*d)}
	for i := 0; i < n; i++ {
		c := l.centroid(codes[i])
		for f, v := range l.row(i) {
			c[f] += v
		}
	}
	for j := 0; j < m; j++ {
		for f := 0; f < d; f++ {
			l.cent[j*d+f] /= float64(sizes[j])
		}
	}
	return l, nil
}

// row returns row i.
func (l *labelled) row(i int) []float64 { return l.data[i*l.d : (i+1)*l.d] }

// centroid returns the centroid of cluster j.
func (l *labelled) centroid(j int) []float64 { return l.cent[j*l.d : (j+1)*l.d] }

// own returns the squared distance of row i to its cluster's centroid.
func (l *labelled) own(i int) float64 { return kmSqDist(l.row(i), l.centroid(l.codes[i])) }

// Inertia returns the within-cluster sum of squares (WCSS) of a labelling:
// the weighted sum of squared Euclidean distances of the rows of x to the
// weighted mean of their cluster,
//
//	WCSS = Σ_i w_i ||x_i - μ_{l_i}||²,
//
// the quantity k-means minimises (MacQueen 1967). Every distinct label,
// -1 included, is a cluster. weights nil means all 1. Inertia returns an
// error for NaN or infinite data and panics if the lengths differ.
func Inertia(x mat.Matrix, labels []int, weights []float64) (float64, error) {
	n, d := x.Dims()
	if len(labels) != n || (weights != nil && len(weights) != n) {
		panic("cluster: labels or weights length differs from the number of rows")
	}
	data, err := kmRows(x)
	if err != nil {
		return 0, err
	}
	codes, m, _ := kmEncode(labels)
	cent := make([]float64, m*d)
	wsum := make([]float64, m)
	for i := 0; i < n; i++ {
		w := 1.0
		if weights != nil {
			w = weights[i]
		}
		c := cent[codes[i]*d : (codes[i]+1)*d]
		for f, v := range data[i*d : (i+1)*d] {
			c[f] += w * v
		}
		wsum[codes[i]] += w
	}
	for j := 0; j < m; j++ {
		if wsum[j] > 0 {
			for f := 0; f < d; f++ {
				cent[j*d+f] /= wsum[j]
			}
		}
	}
	var s float64
	for i := 0; i < n; i++ {
		w := 1.0
		if weights != nil {
			w = weights[i]
		}
		s += w * kmSqDist(data[i*d:(i+1)*d], cent[codes[i]*d:(codes[i]+1)*d])
	}
	return s, nil
}

// CalinskiHarabasz returns the variance ratio criterion of a labelling
// (Calinski and Harabasz, "A dendrite method for cluster analysis",
// Communications in Statistics 3(1), 1974), as
// sklearn.metrics.calinski_harabasz_score:
//
//	CH = [Σ_k n_k ||μ_k - μ||² / (m-1)] / [Σ_i ||x_i - μ_{l_i}||² / (n-m)],
//
// and 1 when the within-cluster dispersion is zero. Higher is better. It
// returns an error for NaN or infinite data or unless 2 <= m <= n-1
// distinct labels, and panics if the lengths differ.
func CalinskiHarabasz(x mat.Matrix, labels []int) (float64, error) {
	l, err := kmCentroids(x, labels)
	if err != nil {
		return 0, err
	}
	mean := make([]float64, l.d)
	for i := 0; i < l.n; i++ {
		for f, v := range l.row(i) {
			mean[f] += v
		}
	}
	for f := range mean {
		mean[f] /= float64(l.n)
	}
	var extra, intra float64
	for j := 0; j < l.m; j++ {
		extra += float64(l.sizes[j]) * kmSqDist(l.centroid(j), mean)
	}
	for i := 0; i < l.n; i++ {
		intra += l.own(i)
	}
	if intra == 0 {
		return 1, nil
	}
	return extra * float64(l.n-l.m) / (intra * float64(l.m-1)), nil
}

// DaviesBouldin returns the Davies-Bouldin index of a labelling (Davies
// and Bouldin, "A cluster separation measure", IEEE PAMI 1(2), 1979), as
// sklearn.metrics.davies_bouldin_score:
//
//	DB = (1/m) Σ_i max_{j≠i} (s_i + s_j) / ||μ_i - μ_j||,
//
// where s_i is the mean distance of cluster i's rows to its centroid μ_i.
// Lower is better; it is 0 when all s_i or all centroid distances are
// (close to) zero. It returns an error for NaN or infinite data or unless
// 2 <= m <= n-1 distinct labels, and panics if the lengths differ.
func DaviesBouldin(x mat.Matrix, labels []int) (float64, error) {
	l, err := kmCentroids(x, labels)
	if err != nil {
		return 0, err
	}
	m := l.m
	intra := make([]float64, m)
	for i, c := range l.codes {
		intra[c] += math.Sqrt(l.own(i))
	}
	allZero := true
	for j := range intra {
		intra[j] /= float64(l.sizes[j])
		if !kmIsClose(intra[j], 0) {
			allZero = false
		}
	}
	cd := make([]float64, m*m)
	cdZero := true
	for i := 0; i < m; i++ {
		for j := 0; j < m; j++ {
			cd[i*m+j] = math.Sqrt(kmSqDist(l.centroid(i), l.centroid(j)))
			if !kmIsClose(cd[i*m+j], 0) {
				cdZero = false
			}
		}
	}
	if allZero || cdZero {
		return 0, nil
	}
	var s float64
	for i := 0; i < m; i++ {
		best := math.Inf(-1)
		for j := 0; j < m; j++ {
			dist := cd[i*m+j]
			if dist == 0 {
				dist = math.Inf(1)
			}
			if r := (intra[i] + intra[j]) / dist; r > best {
				best = r
			}
		}
		s += best
	}
	return s / float64(m), nil
}

// kmIsClose is numpy.allclose's element test against b with its default
// tolerances (rtol 1e-5, atol 1e-8).
func kmIsClose(a, b float64) bool {
	return math.Abs(a-b) <= 1e-8+1e-5*math.Abs(b)
}
