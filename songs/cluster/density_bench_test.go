package cluster

import (
	"strconv"
	"testing"

	"github.com/songcohorts/cohorts/songs/internal/blobtest"
)

func BenchmarkLinkageTree(b *testing.B) {
	for _, method := range []Linkage{Ward, Single, Average} {
		for _, n := range []int{1600, 5000, 20000} {
			if method == Average && n > 5000 {
				continue
			}
			x := blobtest.Blobs(n, 11, 1)
			b.Run(method.String()+"/n="+strconv.Itoa(n), func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if _, err := LinkageTree(x, method, 0); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func BenchmarkDBSCAN(b *testing.B) {
	for _, n := range []int{1600, 20000} {
		x := blobtest.Blobs(n, 11, 2)
		kd, err := KDistance(x, 22)
		if err != nil {
			b.Fatal(err)
		}
		eps := kd[n/2] // median 22-distance, as the bench's eps
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				m := DBSCAN{Eps: eps, MinSamples: 22}
				if err := m.Fit(x); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkMeanShift(b *testing.B) {
	for _, n := range []int{500, 1600, 5000} {
		x := blobtest.Blobs(n, 11, 3)
		bw, err := EstimateBandwidth(x, 0.05, 2000, 0)
		if err != nil {
			b.Fatal(err)
		}
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				m := MeanShift{Bandwidth: bw, BinSeeding: true, ClusterAll: true}
				if err := m.Fit(x); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
