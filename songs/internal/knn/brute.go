package knn

import (
	"fmt"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

const (
	queryBlock = 64   // queries per parallel task
	dataTile   = 2048 // rows of x scanned per pass over a query block
)

// Search returns the k nearest rows of x to every row of q by blocked brute
// force, as scikit-learn's NearestNeighbors(algorithm="brute").kneighbors(q):
// a query that is also a row of x finds itself at distance 0.
//
// Search panics if k < 1, k exceeds the number of rows of x, or x and q differ
// in width.
func Search(x, q mat.Matrix, k int) *Result {
	xs, n, d := rowMajor(x)
	qs, m, dq := rowMajor(q)
	if d != dq {
		panic(fmt.Sprintf("knn: width mismatch %d != %d", d, dq))
	}
	checkK(k, n)
	return brute(xs, n, d, qs, m, k, nil)
}

// SearchSelf returns, for every row i of x, its k nearest other rows of x (row
// i itself excluded), as scikit-learn's kneighbors() without arguments.
//
// SearchSelf panics if k < 1 or k >= the number of rows.
func SearchSelf(x mat.Matrix, k int) *Result {
	xs, n, d := rowMajor(x)
	checkK(k, n-1)
	self := make([]int, n)
	for i := range self {
		self[i] = i
	}
	return brute(xs, n, d, xs, n, k, self)
}

func checkK(k, n int) {
	if k < 1 || k > n {
		panic(fmt.Sprintf("knn: k = %d outside [1, %d]", k, n))
	}
}

// brute searches x (n×d) for the k nearest rows to each of the m rows of q.
// When self is not nil, query i never returns row self[i].
func brute(x []float64, n, d int, q []float64, m, k int, self []int) *Result {
	res := &Result{K: k, Index: make([]int, m*k), Dist: make([]float64, m*k)}
	if m == 0 {
		return res
	}
	tl := newTiles(x, n, d)
	nt := len(tl.maxNx)
	parallel.For((m+queryBlock-1)/queryBlock, (m+queryBlock-1)/queryBlock, func(b, _, _ int) {
		lo, hi := b*queryBlock, min((b+1)*queryBlock, m)
		heaps := make([]topK, hi-lo)
		nq := make([]float64, hi-lo)
		for i := range heaps {
			heaps[i] = newTopK(res.Dist[(lo+i)*k:(lo+i+1)*k], res.Index[(lo+i)*k:(lo+i+1)*k])
			for _, v := range q[(lo+i)*d : (lo+i+1)*d] {
				nq[i] += v * v
			}
		}
		// qb holds each group of four queries broadcast for the kernel.
		groups := (hi - lo + 3) / 4
		qb := make([]float64, groups*16*d)
		for i := lo; i < hi; i++ {
			g, a := (i-lo)/4, (i-lo)%4
			for j, v := range q[i*d : i*d+d] {
				for c := 0; c < 4; c++ {
					qb[g*16*d+(4*j+a)*4+c] = v
				}
			}
		}
		out := make([]float64, 4*dataTile)
		hits := make([]uint8, dataTile/8)
		var thr [4]float64
		for t := 0; t < nt; t++ {
			t0 := t * dataTile
			rows := min(dataTile, n-t0)
			padded := (rows + 7) / 8 * 8
			xt := tl.data[t*d*dataTile : (t+1)*d*dataTile]
			nx := tl.norms[t*dataTile : (t+1)*dataTile]
			sl := make([]float64, 4)
			for g := 0; g < groups; g++ {
				for a := range thr {
					thr[a] = -inf
					if qi := lo + 4*g + a; qi < hi {
						sl[a] = slack(nq[qi-lo], tl.maxNx[t])
						thr[a] = heaps[qi-lo].worst() - nq[qi-lo] + sl[a]
					}
				}
				tileDist4(xt, qb[g*16*d:(g+1)*16*d], nx, out, padded, d, dataTile, thr[:], hits)
				for c, hit := range hits[:padded/8] {
					if hit == 0 {
						continue
					}
					for a := 0; a < 4 && lo+4*g+a < hi; a++ {
						qi := lo + 4*g + a
						skip := -1
						if self != nil {
							skip = self[qi]
						}
						r0, r1 := 8*c, min(8*c+8, rows)
						screen(&heaps[qi-lo], out[a*dataTile+r0:a*dataTile+r1], nq[qi-lo], sl[a], t0+r0, skip, x, q[qi*d:qi*d+d], d)
					}
				}
			}
		}
		for i := range heaps {
			heaps[i].finish()
		}
	})
	return res
}

// screen offers the rows whose approximate squared distance nq + e[r]
// (e[r] = |x_r|^2 - 2 q.x_r) may beat the heap's worst pair, with their exact
// squared distance. sl bounds the rounding error of the approximation.
func screen(h *topK, e []float64, nq, sl float64, off, skip int, x, qa []float64, d int) {
	thr := h.worst() - nq + sl
	for r, v := range e {
		if v > thr {
			continue
		}
		i := off + r
		if i == skip {
			continue
		}
		h.push(sqDist(qa, x[i*d:i*d+d]), i)
		thr = h.worst() - nq + sl
	}
}
