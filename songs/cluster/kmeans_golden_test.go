package cluster

import (
	"testing"

	"github.com/songcohorts/cohorts/songs/internal/goldentest"
)

// The golden files are written by testdata/gen_golden_kmeans.py with
// Debian's scikit-learn 1.2.1; every record names its call in "source".

type kmGoldenKMeans struct {
	Name    string      `json:"name"`
	X       [][]float64 `json:"x"`
	Init    [][]float64 `json:"init"`
	Weights []float64   `json:"weights"`
	Tol     float64     `json:"tol"`
	MaxIter int         `json:"max_iter"`
	Labels  []int       `json:"labels"`
	Centres [][]float64 `json:"centres"`
	Inertia float64     `json:"inertia"`
	NIter   int         `json:"n_iter"`
	Source  string      `json:"source"`
}

type kmGoldenSeeded struct {
	Name    string  `json:"name"`
	K       int     `json:"k"`
	Labels  []int   `json:"labels"`
	Inertia float64 `json:"inertia"`
}

type kmGoldenMetric struct {
	Name              string      `json:"name"`
	X                 [][]float64 `json:"x"`
	Labels            []int       `json:"labels"`
	Silhouette        float64     `json:"silhouette"`
	SilhouetteSamples []float64   `json:"silhouette_samples"`
	DaviesBouldin     float64     `json:"davies_bouldin"`
	CalinskiHarabasz  float64     `json:"calinski_harabasz"`
}

type kmGoldenPair struct {
	Name string  `json:"name"`
	A    []int   `json:"a"`
	B    []int   `json:"b"`
	ARI  float64 `json:"ari"`
	NMI  float64 `json:"nmi"`
}

type kmGoldenFile struct {
	KMeans  []kmGoldenKMeans `json:"kmeans"`
	Seeded  []kmGoldenSeeded `json:"kmeans_seeded"`
	Metrics []kmGoldenMetric `json:"metrics"`
	Pairs   []kmGoldenPair   `json:"pairs"`
}

func kmGolden(t testing.TB) kmGoldenFile {
	var g kmGoldenFile
	goldentest.ReadInto(t, "testdata/golden_kmeans.json", &g)
	return g
}
