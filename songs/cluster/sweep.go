package cluster

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Clusterer partitions the rows of a matrix into k clusters and returns one
// label per row. KMeans, GaussianMixture and ClustererFunc implement it.
type Clusterer interface {
	Cluster(x mat.Matrix, k int) ([]int, error)
}

// LikelihoodClusterer is a Clusterer fitting a likelihood model, which can
// also report the model's information criteria. GaussianMixture
// implements it.
type LikelihoodClusterer interface {
	Clusterer
	ClusterCriteria(x mat.Matrix, k int) (labels []int, bic, aic float64, err error)
}

// ClustererFunc adapts a function to the Clusterer interface.
type ClustererFunc func(x mat.Matrix, k int) ([]int, error)

// Cluster calls f(x, k).
func (f ClustererFunc) Cluster(x mat.Matrix, k int) ([]int, error) { return f(x, k) }

// Cluster fits a copy of km with K = k (the receiver is not changed) and
// returns its labels.
func (km KMeans) Cluster(x mat.Matrix, k int) ([]int, error) {
	km.K = k
	if err := km.Fit(x, nil); err != nil {
		return nil, err
	}
	return km.Labels, nil
}

// Cluster fits a copy of g with K = k (the receiver is not changed) and
// returns the most probable component of every row.
func (g GaussianMixture) Cluster(x mat.Matrix, k int) ([]int, error) {
	labels, _, _, err := g.ClusterCriteria(x, k)
	return labels, err
}

// ClusterCriteria fits a copy of g with K = k and returns the most probable
// component of every row and the model's BIC and AIC on x.
func (g GaussianMixture) ClusterCriteria(x mat.Matrix, k int) ([]int, float64, float64, error) {
	g.K = k
	if err := g.Fit(x); err != nil {
		return nil, 0, 0, err
	}
	return g.Predict(nil, x), g.BIC(x), g.AIC(x), nil
}

// SweepRow holds the validation metrics of one clustering in a Sweep.
// Values that do not apply are NaN.
type SweepRow struct {
	// K is the number of clusters asked for.
	K int
	// Clusters is the number of distinct labels obtained.
	Clusters int
	// Inertia is the within-cluster sum of squares about the cluster
	// means (Inertia).
	Inertia float64
	// Silhouette is the mean silhouette (NaN for k = 1).
	Silhouette float64
	// DaviesBouldin is the Davies-Bouldin index (NaN for k = 1).
	DaviesBouldin float64
	// CalinskiHarabasz is the Calinski-Harabasz index (NaN for k = 1).
	CalinskiHarabasz float64
	// BIC and AIC are the information criteria of a LikelihoodClusterer.
	BIC, AIC float64
	// Labels are the labels of the clustering.
	Labels []int
}

// Sweep clusters x with c for every k in kmin..kmax and returns one row
// of metrics per k: WCSS (Inertia), Silhouette, DaviesBouldin and
// CalinskiHarabasz for every algorithm, and BIC and AIC when c is a
// LikelihoodClusterer — the curves read for the elbow (Knee), the
// silhouette maximum and the information criteria minimum. Metrics that
// are undefined for a clustering (fewer than 2 or more than n-1 distinct
// labels) are NaN. Sweep returns the first clustering or data error, and
// panics if kmin < 1 or kmax < kmin.
func Sweep(x mat.Matrix, kmin, kmax int, c Clusterer) ([]SweepRow, error) {
	if kmin < 1 || kmax < kmin {
		panic("cluster: Sweep needs 1 <= kmin <= kmax")
	}
	nan := math.NaN()
	var rows []SweepRow
	for k := kmin; k <= kmax; k++ {
		row := SweepRow{K: k, Silhouette: nan, DaviesBouldin: nan, CalinskiHarabasz: nan, BIC: nan, AIC: nan}
		var err error
		if lc, ok := c.(LikelihoodClusterer); ok {
			row.Labels, row.BIC, row.AIC, err = lc.ClusterCriteria(x, k)
		} else {
			row.Labels, err = c.Cluster(x, k)
		}
		if err != nil {
			return rows, fmt.Errorf("cluster: sweep at k=%d: %w", k, err)
		}
		_, row.Clusters, _ = kmEncode(row.Labels)
		if row.Inertia, err = Inertia(x, row.Labels, nil); err != nil {
			return rows, err
		}
		n, _ := x.Dims()
		if row.Clusters >= 2 && row.Clusters <= n-1 {
			if row.Silhouette, err = Silhouette(x, row.Labels); err != nil {
				return rows, err
			}
			if row.DaviesBouldin, err = DaviesBouldin(x, row.Labels); err != nil {
				return rows, err
			}
			if row.CalinskiHarabasz, err = CalinskiHarabasz(x, row.Labels); err != nil {
				return rows, err
			}
		}
		rows = append(rows, row)
	}
	return rows, nil
}
