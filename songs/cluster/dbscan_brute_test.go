package cluster

import (
	"testing"

	"github.com/songcohorts/cohorts/songs/internal/blobtest"
	"github.com/songcohorts/cohorts/songs/internal/neighbors"
)

// dbscanNaive is DBSCAN by its definition (Ester et al. 1996) with
// scikit-learn's labelling: core points by counting every row, clusters
// grown from the lowest-index unlabelled core point by breadth-first
// search over core points, border points joining the first cluster that
// reaches them.
func dbscanNaive(data []float64, n, d int, eps float64, minPts int) []int {
	eps2 := eps * eps
	nb := make([][]int, n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if neighbors.SqDist(data[i*d:(i+1)*d], data[j*d:(j+1)*d]) <= eps2 {
				nb[i] = append(nb[i], j)
			}
		}
	}
	labels := make([]int, n)
	for i := range labels {
		labels[i] = -1
	}
	next := 0
	for i := 0; i < n; i++ {
		if labels[i] != -1 || len(nb[i]) < minPts {
			continue
		}
		labels[i] = next
		queue := []int{i}
		for len(queue) > 0 {
			p := queue[0]
			queue = queue[1:]
			for _, q := range nb[p] {
				if labels[q] == -1 {
					labels[q] = next
					if len(nb[q]) >= minPts {
						queue = append(queue, q)
					}
				}
			}
		}
		next++
	}
	return labels
}

// TestDBSCANNaive compares DBSCAN with the definition on catalogs large
// enough for both passes of the core test and the tile pruning of the join
// (more than 2·dbscanNearTiles+1 tiles), at radii giving one cluster, many
// and mostly noise.
func TestDBSCANNaive(t *testing.T) {
	n := (2*dbscanNearTiles + 3) * neighbors.TileSize
	x := blobtest.Blobs(n, 11, 11)
	// Half the rows pulled five times closer to the first row of their
	// blob (row i belongs to blob i%8) make dense cores apart from each
	// other.
	for i := 0; i < n/2; i++ {
		for j := 0; j < 11; j++ {
			c := x.At(i%8, j)
			x.Set(i, j, c+0.2*(x.At(i, j)-c))
		}
	}
	data, _, d, _ := densityRows(x)
	kd, err := KDistance(x, 22)
	if err != nil {
		t.Fatal(err)
	}
	for _, eps := range []float64{kd[n/20], kd[n/5], kd[n/2], kd[9*n/10]} {
		want := dbscanNaive(data, n, d, eps, 22)
		m := DBSCAN{Eps: eps, MinSamples: 22}
		if err := m.Fit(x); err != nil {
			t.Fatal(err)
		}
		got := m.Labels()
		noise, k := 0, 0
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("eps %v: row %d label %d, want %d", eps, i, got[i], want[i])
			}
			if want[i] < 0 {
				noise++
			}
			k = max(k, want[i]+1)
		}
		t.Logf("eps %v: %d clusters, %d noise of %d", eps, k, noise, n)
	}
}
