package knn

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
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
	nx := sqNorms(x, n, d)
	nq := nx
	if &q[0] != &x[0] || m != n {
		nq = sqNorms(q, m, d)
	}
	forBlocks((m+queryBlock-1)/queryBlock, func(b int) {
		lo, hi := b*queryBlock, min((b+1)*queryBlock, m)
		heaps := make([]topK, hi-lo)
		for i := range heaps {
			heaps[i] = newTopK(res.Dist[(lo+i)*k:(lo+i+1)*k], res.Index[(lo+i)*k:(lo+i+1)*k])
		}
		dots := make([]float64, 4*dataTile)
		for t0 := 0; t0 < n; t0 += dataTile {
			t1 := min(t0+dataTile, n)
			for g := lo; g < hi; g += 4 {
				gn := min(4, hi-g)
				dot4(dots, x[t0*d:t1*d], d, q, g, gn)
				for a := 0; a < gn; a++ {
					qi := g + a
					h := &heaps[qi-lo]
					qa := q[qi*d : qi*d+d]
					skip := -1
					if self != nil {
						skip = self[qi]
					}
					screen(h, dots[a*dataTile:a*dataTile+t1-t0], nq[qi], nx[t0:t1], t0, skip, x, qa, d)
				}
			}
		}
		for i := range heaps {
			heaps[i].finish()
		}
	})
	return res
}

// screen offers the rows whose approximate squared distance
// nq + nx[r] - 2 dot[r] may beat the heap's worst pair, with their exact
// squared distance.
func screen(h *topK, dot []float64, nq float64, nx []float64, off, skip int, x, qa []float64, d int) {
	nx = nx[:len(dot)]
	worst := h.worst()
	for r, s := range dot {
		approx := nq + nx[r] - 2*s
		if approx > worst+slack(nq, nx[r]) {
			continue
		}
		i := off + r
		if i == skip {
			continue
		}
		h.push(sqDist(qa, x[i*d:i*d+d]), i)
		worst = h.worst()
	}
}

// dot4 writes into dots[a*dataTile+r] the dot product of query g+a (a < gn)
// with row r of the tile xt.
func dot4(dots, xt []float64, d int, q []float64, g, gn int) {
	rows := len(xt) / d
	if gn == 4 {
		q0 := q[g*d : g*d+d]
		q1 := q[(g+1)*d : (g+1)*d+d]
		q2 := q[(g+2)*d : (g+2)*d+d]
		q3 := q[(g+3)*d : (g+3)*d+d]
		o0 := dots[0:rows]
		o1 := dots[dataTile : dataTile+rows]
		o2 := dots[2*dataTile : 2*dataTile+rows]
		o3 := dots[3*dataTile : 3*dataTile+rows]
		for r := range o0 {
			xr := xt[r*d : r*d+d]
			var s0, s1, s2, s3 float64
			for j, v := range xr {
				s0 += v * q0[j]
				s1 += v * q1[j]
				s2 += v * q2[j]
				s3 += v * q3[j]
			}
			o0[r], o1[r], o2[r], o3[r] = s0, s1, s2, s3
		}
		return
	}
	for a := 0; a < gn; a++ {
		qa := q[(g+a)*d : (g+a)*d+d]
		o := dots[a*dataTile : a*dataTile+rows]
		for r := range o {
			xr := xt[r*d : r*d+d]
			var s float64
			for j, v := range xr {
				s += v * qa[j]
			}
			o[r] = s
		}
	}
}
