package embed

import (
	"math"
	"sort"

	"github.com/songcohorts/cohorts/songs/internal/neighbors"
	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

const (
	smoothKTolerance = 1e-5 // SMOOTH_K_TOLERANCE of umap-learn
	minKDistScale    = 1e-3 // MIN_K_DIST_SCALE of umap-learn
	smoothKIter      = 64
)

// umapNeighbours returns the k nearest neighbours of every row, the row
// itself first at distance 0 as umap-learn's nearest_neighbors returns them,
// with distances rounded to float32. As umap-learn, it searches exactly by
// brute force below 4096 rows and by nearest-neighbour descent (seeded by
// seed) above.
func umapNeighbours(x []float64, n, d, k int, seed uint64) ([]int, []float32) {
	var r *neighbors.Result
	if n < 4096 {
		r = neighbors.SearchSelf(denseView(x, n, d), k-1)
	} else {
		r = neighbors.Approximate(denseView(x, n, d), k-1, seed)
	}
	ri, rd := r.Index, r.Dist
	idx := make([]int, n*k)
	dist := make([]float32, n*k)
	for i := 0; i < n; i++ {
		idx[i*k] = i
		copy(idx[i*k+1:(i+1)*k], ri[i*(k-1):(i+1)*(k-1)])
		for j, v := range rd[i*(k-1) : (i+1)*(k-1)] {
			dist[i*k+1+j] = float32(v)
		}
	}
	return idx, dist
}

// smoothKNNDist finds for each row of the sorted neighbour distances dist
// (n×k, the first column the row itself) the distance rho_i to its nearest
// neighbour (interpolated to localConnectivity) and the bandwidth sigma_i
// such that
//
//	sum_{j≥1} exp(-max(0, d_ij - rho_i) / sigma_i) = log2(k) · bandwidth
//
// by bisection, as smooth_knn_dist of umap-learn 0.5.3 (McInnes, Healy and
// Melville 2018, section 3.1), in the same float32 arithmetic.
func smoothKNNDist(dist []float32, n, k int, localConnectivity, bandwidth float64) (sigma, rho []float32) {
	target := math.Log2(float64(k)) * bandwidth
	sigma = make([]float32, n)
	rho = make([]float32, n)
	var total float64
	for _, v := range dist {
		total += float64(v)
	}
	meanAll := total / float64(len(dist))
	parallel.For(n, parallel.Blocks(n, 512), func(_, lo, hi int) {
		nonZero := make([]float32, 0, k)
		for i := lo; i < hi; i++ {
			row := dist[i*k : (i+1)*k]
			nonZero = nonZero[:0]
			var rowSum float64
			for _, v := range row {
				if v > 0 {
					nonZero = append(nonZero, v)
				}
				rowSum += float64(v)
			}
			if float64(len(nonZero)) >= localConnectivity {
				index := int(math.Floor(localConnectivity))
				interp := localConnectivity - float64(index)
				if index > 0 {
					rho[i] = nonZero[index-1]
					if interp > smoothKTolerance {
						rho[i] += float32(interp) * (nonZero[index] - nonZero[index-1])
					}
				} else {
					rho[i] = float32(interp) * nonZero[0]
				}
			} else if len(nonZero) > 0 {
				for _, v := range nonZero {
					rho[i] = max(rho[i], v)
				}
			}
			lo, hi, mid := 0.0, math.Inf(1), 1.0
			for it := 0; it < smoothKIter; it++ {
				var psum float64
				for _, v := range row[1:] {
					if dd := float64(v - rho[i]); dd > 0 {
						psum += math.Exp(-(dd / mid))
					} else {
						psum++
					}
				}
				if math.Abs(psum-target) < smoothKTolerance {
					break
				}
				if psum > target {
					hi = mid
					mid = (lo + hi) / 2
				} else {
					lo = mid
					if math.IsInf(hi, 1) {
						mid *= 2
					} else {
						mid = (lo + hi) / 2
					}
				}
			}
			sigma[i] = float32(mid)
			floor := meanAll
			if rho[i] > 0 {
				floor = rowSum / float64(k)
			}
			if float64(sigma[i]) < minKDistScale*floor {
				sigma[i] = float32(minKDistScale * floor)
			}
		}
	})
	return sigma, rho
}

// fuzzySimplicialSet returns the fuzzy union of the local fuzzy simplicial
// sets of the rows (McInnes et al. 2018, section 3.2; fuzzy_simplicial_set of
// umap-learn 0.5.3 with set_op_mix_ratio mix):
//
//	v_ij = exp(-max(0, d_ij - rho_i) / sigma_i),  v_ii = 0
//	w_ij = mix (v_ij + v_ji - v_ij v_ji) + (1 - mix) v_ij v_ji
//
// as a symmetric sparse matrix without zero entries.
func fuzzySimplicialSet(idx []int, dist []float32, n, k int, sigma, rho []float32, mix float64) *sparseSym {
	val := make([]float64, n*k)
	for i := 0; i < n; i++ {
		for j := 0; j < k; j++ {
			e := i*k + j
			switch {
			case idx[e] == i:
				val[e] = 0
			case dist[e]-rho[i] <= 0 || sigma[i] == 0:
				val[e] = 1
			default:
				val[e] = float64(float32(math.Exp(float64(-((dist[e] - rho[i]) / sigma[i])))))
			}
		}
	}
	// Rows of V sorted by column, and the rows of its transpose.
	type entry struct {
		col int
		v   float64
	}
	rows := make([][]entry, n)
	cols := make([][]entry, n)
	for i := 0; i < n; i++ {
		for j := 0; j < k; j++ {
			e := i*k + j
			if val[e] == 0 {
				continue
			}
			rows[i] = append(rows[i], entry{idx[e], val[e]})
			cols[idx[e]] = append(cols[idx[e]], entry{i, val[e]})
		}
		sort.Slice(rows[i], func(a, b int) bool { return rows[i][a].col < rows[i][b].col })
	}
	g := &sparseSym{n: n, ptr: make([]int, n+1)}
	for i := 0; i < n; i++ {
		r, c := rows[i], cols[i] // c is sorted: rows were added in order
		a, b := 0, 0
		for a < len(r) || b < len(c) {
			var col int
			var vij, vji float64
			switch {
			case b == len(c) || (a < len(r) && r[a].col < c[b].col):
				col, vij = r[a].col, r[a].v
				a++
			case a == len(r) || c[b].col < r[a].col:
				col, vji = c[b].col, c[b].v
				b++
			default:
				col, vij, vji = r[a].col, r[a].v, c[b].v
				a++
				b++
			}
			prod := vij * vji
			w := mix*(vij+vji-prod) + (1-mix)*prod
			if w != 0 {
				g.col = append(g.col, col)
				g.val = append(g.val, w)
			}
		}
		g.ptr[i+1] = len(g.col)
	}
	return g
}
