package cluster

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// kmBenchFeatures are the 11 columns of the bench catalogs, in order.
var kmBenchFeatures = []string{"acousticness", "danceability", "energy", "instrumentalness",
	"liveness", "loudness", "speechiness", "tempo", "valence", "popularity", "duration_ms"}

// kmBenchData returns the standardised 11 feature columns of the first n
// rows of the catalog named by SONGS_BENCH_CSV (written by the bench
// generator), or, without it, n rows of 8 overlapping blobs in 11
// dimensions.
func kmBenchData(b *testing.B, n int) *mat.Dense {
	path := os.Getenv("SONGS_BENCH_CSV")
	if path == "" {
		return kmBlobs(n, 11, 8, 4, 42)
	}
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		b.Fatal(err)
	}
	col := make([]int, len(kmBenchFeatures))
	for j, name := range kmBenchFeatures {
		col[j] = -1
		for i, h := range head {
			if h == name {
				col[j] = i
			}
		}
		if col[j] < 0 {
			b.Fatalf("column %s missing", name)
		}
	}
	var data []float64
	rows := 0
	for rows < n {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			b.Fatal(err)
		}
		for _, c := range col {
			v, err := strconv.ParseFloat(rec[c], 64)
			if err != nil {
				b.Fatal(err)
			}
			data = append(data, v)
		}
		rows++
	}
	d := len(col)
	for j := 0; j < d; j++ {
		var m, s float64
		for i := 0; i < rows; i++ {
			m += data[i*d+j]
		}
		m /= float64(rows)
		for i := 0; i < rows; i++ {
			e := data[i*d+j] - m
			s += e * e
		}
		s = math.Sqrt(s / float64(rows))
		for i := 0; i < rows; i++ {
			data[i*d+j] = (data[i*d+j] - m) / s
		}
	}
	return mat.NewDense(rows, d, data)
}

// BenchmarkKMeans times KMeans{K: 8, NInit: 10} (the bench op "kmeans").
func BenchmarkKMeans(b *testing.B) {
	for _, n := range []int{20000, 100000, 1000000} {
		x := kmBenchData(b, n)
		for _, algo := range []KMeansAlgorithm{Hamerly, Lloyd} {
			name := "hamerly"
			if algo == Lloyd {
				name = "lloyd"
			}
			b.Run(fmt.Sprintf("%s/n=%d", name, n), func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					km := KMeans{K: 8, NInit: 10, Algorithm: algo}
					if err := km.Fit(x, nil); err != nil {
						b.Fatal(err)
					}
					b.ReportMetric(float64(km.NIter), "iter")
					b.ReportMetric(km.Inertia, "inertia")
				}
			})
		}
	}
}

// BenchmarkSilhouette times the exact silhouette (the bench op
// "silhouette" up to 20k rows).
func BenchmarkSilhouette(b *testing.B) {
	for _, n := range []int{2000, 20000} {
		x := kmBenchData(b, n)
		km := KMeans{K: 8, NInit: 1}
		if err := km.Fit(x, nil); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := Silhouette(x, km.Labels); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkGaussianMixture times GaussianMixture{K: 8} with full
// covariances (the bench op "gmm"), reporting EM iterations.
func BenchmarkGaussianMixture(b *testing.B) {
	for _, n := range []int{20000, 100000, 1000000} {
		x := kmBenchData(b, n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				g := GaussianMixture{K: 8}
				if err := g.Fit(x); err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(g.NIter), "iter")
				b.ReportMetric(g.LowerBound, "lowerbound")
			}
		})
	}
}
