package songs

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/cluster"
)

// FitScore judges one clustering of a matrix: its cluster sizes and the
// three internal validation metrics.
type FitScore struct {
	// K is the number of clusters (noise, label -1, excluded) and Sizes
	// their sizes, largest first; Noise counts the rows labelled -1.
	K     int
	Sizes []int
	Noise int
	// Silhouette (Rousseeuw 1987; higher is better, -1..1), DaviesBouldin
	// (lower is better) and CalinskiHarabasz (higher is better) are
	// computed on the rows that are not noise; NaN with fewer than two
	// clusters.
	Silhouette, DaviesBouldin, CalinskiHarabasz float64
	// Labels are the clustering's labels renumbered by decreasing cluster
	// size (RelabelBySize) and Samples the silhouette width of every row
	// (NaN for noise).
	Labels  []int
	Samples []float64
}

// Score measures the clustering labels of x's rows (noise rows, label -1,
// left out of the metrics), as sklearn.metrics does.
func Score(x mat.Matrix, labels []int) (FitScore, error) {
	n, d := x.Dims()
	if len(labels) != n {
		panic("songs: Score needs one label per row")
	}
	relabelled := RelabelBySize(labels)
	s := FitScore{Silhouette: math.NaN(), DaviesBouldin: math.NaN(), CalinskiHarabasz: math.NaN(), Labels: relabelled, Samples: make([]float64, n)}
	var keep []int
	for i, l := range relabelled {
		s.Samples[i] = math.NaN()
		if l < 0 {
			s.Noise++
			continue
		}
		keep = append(keep, i)
		for len(s.Sizes) <= l {
			s.Sizes = append(s.Sizes, 0)
		}
		s.Sizes[l]++
	}
	s.K = len(s.Sizes)
	if s.K < 2 || len(keep) <= s.K {
		return s, nil
	}
	sub := mat.NewDense(len(keep), d, nil)
	subLabels := make([]int, len(keep))
	for r, i := range keep {
		sub.SetRow(r, mat.Row(nil, i, x))
		subLabels[r] = relabelled[i]
	}
	samples, err := cluster.SilhouetteSamples(nil, sub, subLabels)
	if err != nil {
		return s, fmt.Errorf("silhouette: %w", err)
	}
	sum := 0.0
	for r, i := range keep {
		s.Samples[i] = samples[r]
		sum += samples[r]
	}
	s.Silhouette = sum / float64(len(keep))
	if s.DaviesBouldin, err = cluster.DaviesBouldin(sub, subLabels); err != nil {
		return s, fmt.Errorf("Davies-Bouldin: %w", err)
	}
	if s.CalinskiHarabasz, err = cluster.CalinskiHarabasz(sub, subLabels); err != nil {
		return s, fmt.Errorf("Calinski-Harabasz: %w", err)
	}
	return s, nil
}
