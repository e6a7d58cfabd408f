package cluster

import (
	"math"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

// Silhouette returns the mean silhouette coefficient of a labelling
// (Rousseeuw, "Silhouettes: a graphical aid to the interpretation and
// validation of cluster analysis", J. Comput. Appl. Math. 20, 1987), as
// sklearn.metrics.silhouette_score with the Euclidean metric. See
// SilhouetteSamples for the per-row values. It returns an error for NaN or
// infinite data or unless 2 <= m <= n-1 distinct labels, and panics if the
// lengths differ.
func Silhouette(x mat.Matrix, labels []int) (float64, error) {
	s, err := SilhouetteSamples(nil, x, labels)
	if err != nil {
		return 0, err
	}
	var sum float64
	for _, v := range s {
		sum += v
	}
	return sum / float64(len(s)), nil
}

// SilhouetteSampled returns the mean silhouette coefficient of size rows
// drawn without replacement by a seeded permutation, using only the
// distances among those rows, as sklearn.metrics.silhouette_score with
// sample_size (the rows drawn differ from NumPy's). If size <= 0 or
// size >= n, every row is used. Errors and panics are those of Silhouette.
func SilhouetteSampled(x mat.Matrix, labels []int, size int, seed uint64) (float64, error) {
	n, d := x.Dims()
	if len(labels) != n {
		panic("cluster: labels length differs from the number of rows")
	}
	if size <= 0 || size >= n {
		return Silhouette(x, labels)
	}
	rng := rand.New(rand.NewPCG(seed, 0x73696c68)) // "silh"
	perm := rng.Perm(n)[:size]
	sub := mat.NewDense(size, d, nil)
	subLabels := make([]int, size)
	for r, i := range perm {
		for f := 0; f < d; f++ {
			sub.Set(r, f, x.At(i, f))
		}
		subLabels[r] = labels[i]
	}
	return Silhouette(sub, subLabels)
}

// SilhouetteSamples writes into dst, and returns, the silhouette
// coefficient of every row,
//
//	s_i = (b_i - a_i) / max(a_i, b_i),
//
// where a_i is the mean Euclidean distance from row i to the other rows of
// its cluster and b_i the smallest mean distance to the rows of another
// cluster; s_i is 0 for a row alone in its cluster (Rousseeuw 1987;
// sklearn.metrics.silhouette_samples). The computation is exact, uses
// O(n·d) memory, and runs over a fixed number of row blocks in parallel. If
// dst is nil it is allocated. It returns an error for NaN or infinite data
// or unless 2 <= m <= n-1 distinct labels, and panics if the lengths
// differ.
func SilhouetteSamples(dst []float64, x mat.Matrix, labels []int) ([]float64, error) {
	n, d := x.Dims()
	if dst == nil {
		dst = make([]float64, n)
	}
	if len(dst) != n {
		panic("cluster: dst length differs from the number of rows")
	}
	codes, m, sizes := kmEncode(labels)
	if err := kmCheckLabels(n, len(labels), m); err != nil {
		return nil, err
	}
	raw, err := kmRows(x)
	if err != nil {
		return nil, err
	}
	// Rows sorted by cluster, so that every cluster is a contiguous range.
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return codes[order[a]] < codes[order[b]] })
	data := make([]float64, n*d)
	for r, i := range order {
		copy(data[r*d:(r+1)*d], raw[i*d:(i+1)*d])
	}
	acc := kmSilhouetteSums(data, n, d, codes, order, sizes, m)
	for r := 0; r < n; r++ {
		own := codes[order[r]]
		sums := acc[r*m : (r+1)*m]
		var s float64
		if sizes[own] > 1 {
			a := sums[own] / float64(sizes[own]-1)
			b := math.Inf(1)
			for j := 0; j < m; j++ {
				if j != own {
					if v := sums[j] / float64(sizes[j]); v < b {
						b = v
					}
				}
			}
			if den := math.Max(a, b); den > 0 {
				s = (b - a) / den
			}
		}
		dst[order[r]] = s
	}
	return dst, nil
}

// kmSilTile is a run of at most kmSilTileRows consecutive sorted rows of
// one cluster.
type kmSilTile struct{ lo, hi, cl int }

const kmSilTileRows = 256

// kmSilhouetteSums returns, for every row of the cluster-sorted data, the
// sum of its Euclidean distances to the rows of each cluster (n x m,
// row-major). Each distance is computed once: the rows are cut into tiles
// within clusters, and the tile pairs are processed in the rounds of a
// round-robin tournament (the circle method), so that the pairs of a round
// touch disjoint rows and run in parallel without locks, while every row
// receives its contributions in the same order on any number of cores.
func kmSilhouetteSums(data []float64, n, d int, codes, order, sizes []int, m int) []float64 {
	var tiles []kmSilTile
	lo := 0
	for c := 0; c < m; c++ {
		for s := lo; s < lo+sizes[c]; s += kmSilTileRows {
			tiles = append(tiles, kmSilTile{s, min(s+kmSilTileRows, lo+sizes[c]), c})
		}
		lo += sizes[c]
	}
	acc := make([]float64, n*m)
	// Within-tile pairs.
	parallel.For(len(tiles), len(tiles), func(_, tlo, thi int) {
		for t := tlo; t < thi; t++ {
			kmSilPair(data, d, m, acc, tiles[t], tiles[t], true)
		}
	})
	// Between-tile pairs, one round at a time.
	nt := len(tiles)
	slots := make([]int, nt+nt%2)
	for i := range slots {
		slots[i] = i // index nt (odd count) is a bye
	}
	ns := len(slots)
	pairs := make([][2]int, 0, ns/2)
	for round := 0; round < ns-1; round++ {
		pairs = pairs[:0]
		for i := 0; i < ns/2; i++ {
			a, b := slots[i], slots[ns-1-i]
			if a < nt && b < nt {
				pairs = append(pairs, [2]int{a, b})
			}
		}
		parallel.For(len(pairs), len(pairs), func(_, plo, phi int) {
			for p := plo; p < phi; p++ {
				kmSilPair(data, d, m, acc, tiles[pairs[p][0]], tiles[pairs[p][1]], false)
			}
		})
		// Rotate every slot but the first.
		last := slots[ns-1]
		copy(slots[2:], slots[1:ns-1])
		slots[1] = last
	}
	return acc
}

// kmSilPair adds the distances between the rows of tiles a and b to acc:
// Σ_j d(i,j) to acc[i][b.cl] for rows i of a and, unless same is set (a
// tile with itself), Σ_i d(i,j) to acc[j][a.cl] for rows j of b.
func kmSilPair(data []float64, d, m int, acc []float64, a, b kmSilTile, same bool) {
	var colBuf [kmSilTileRows]float64
	col := colBuf[:b.hi-b.lo]
	rows := data[b.lo*d : b.hi*d]
	nb := b.hi - b.lo
	for i := a.lo; i < a.hi; i++ {
		x := data[i*d : (i+1)*d]
		var sum float64
		j := 0
		for ; j+4 <= nb; j += 4 {
			s0, s1, s2, s3 := kmDist4(x, rows[j*d:], rows[(j+1)*d:], rows[(j+2)*d:], rows[(j+3)*d:])
			e0, e1, e2, e3 := math.Sqrt(s0), math.Sqrt(s1), math.Sqrt(s2), math.Sqrt(s3)
			sum += (e0 + e1) + (e2 + e3)
			col[j] += e0
			col[j+1] += e1
			col[j+2] += e2
			col[j+3] += e3
		}
		for ; j < nb; j++ {
			e := math.Sqrt(kmSqDist(x, rows[j*d:(j+1)*d]))
			sum += e
			col[j] += e
		}
		acc[i*m+b.cl] += sum
	}
	if !same {
		for j, v := range col {
			acc[(b.lo+j)*m+a.cl] += v
		}
	}
}
