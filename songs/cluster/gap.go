package cluster

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// GapResult holds the gap statistic for a range of k.
type GapResult struct {
	// K holds the numbers of clusters, kmin..kmax.
	K []int
	// LogW holds log W_k of the data, W_k its within-cluster sum of
	// squares.
	LogW []float64
	// RefLogW holds the mean of log W_k over the reference data sets.
	RefLogW []float64
	// Gap holds Gap(k) = RefLogW - LogW.
	Gap []float64
	// SE holds s_k = sd_k·sqrt(1 + 1/B), sd_k the standard deviation
	// (divisor B) of the reference log W_k.
	SE []float64
	// Best is the k that Tibshirani's rule indicates (GapBest), or 0 when
	// no k of the range satisfies it.
	Best int
}

// Gap computes the gap statistic of Tibshirani, Walther and Hastie
// ("Estimating the number of clusters in a data set via the gap
// statistic", JRSS B 63(2), 2001) for k = kmin..kmax:
//
//	Gap(k) = (1/B) Σ_b log W*_kb - log W_k,
//
// where W_k is the within-cluster sum of squares (Inertia) of the
// clustering of x by c into k clusters and W*_kb that of reference data
// set b, drawn uniformly in the bounding box of the columns of x (the
// paper's option (a)) by a PCG generator seeded with seed. Best applies
// the paper's rule (GapBest). Gap returns clustering and data errors, and
// panics if kmin < 1, kmax < kmin or b < 1.
func Gap(x mat.Matrix, kmin, kmax, b int, seed uint64, c Clusterer) (GapResult, error) {
	if kmin < 1 || kmax < kmin || b < 1 {
		panic("cluster: Gap needs 1 <= kmin <= kmax and b >= 1")
	}
	data, err := kmRows(x)
	if err != nil {
		return GapResult{}, err
	}
	n, d := x.Dims()
	lo := make([]float64, d)
	hi := make([]float64, d)
	for f := 0; f < d; f++ {
		lo[f], hi[f] = math.Inf(1), math.Inf(-1)
		for i := 0; i < n; i++ {
			lo[f] = math.Min(lo[f], data[i*d+f])
			hi[f] = math.Max(hi[f], data[i*d+f])
		}
	}
	rng := rand.New(rand.NewPCG(seed, 0x676170)) // "gap"
	refs := make([]*mat.Dense, b)
	for r := range refs {
		ref := make([]float64, n*d)
		for i := 0; i < n; i++ {
			for f := 0; f < d; f++ {
				ref[i*d+f] = lo[f] + (hi[f]-lo[f])*rng.Float64()
			}
		}
		refs[r] = mat.NewDense(n, d, ref)
	}
	logW := func(m mat.Matrix, k int) (float64, error) {
		labels, err := c.Cluster(m, k)
		if err != nil {
			return 0, fmt.Errorf("cluster: gap at k=%d: %w", k, err)
		}
		w, err := Inertia(m, labels, nil)
		return math.Log(w), err
	}
	var res GapResult
	for k := kmin; k <= kmax; k++ {
		lw, err := logW(x, k)
		if err != nil {
			return res, err
		}
		vals := make([]float64, b)
		var mean float64
		for r, ref := range refs {
			if vals[r], err = logW(ref, k); err != nil {
				return res, err
			}
			mean += vals[r]
		}
		mean /= float64(b)
		var ss float64
		for _, v := range vals {
			ss += (v - mean) * (v - mean)
		}
		res.K = append(res.K, k)
		res.LogW = append(res.LogW, lw)
		res.RefLogW = append(res.RefLogW, mean)
		res.Gap = append(res.Gap, mean-lw)
		res.SE = append(res.SE, math.Sqrt(ss/float64(b))*math.Sqrt(1+1/float64(b)))
	}
	res.Best = GapBest(res.K, res.Gap, res.SE)
	return res, nil
}

// GapBest applies the rule of Tibshirani, Walther and Hastie (2001,
// section 3) to a gap curve: the number of clusters is the smallest k with
//
//	Gap(k) >= Gap(k+1) - s_{k+1}.
//
// The rule compares each k with the next one, so it cannot indicate the
// last k of the range; GapBest returns 0 when no k satisfies it (the gap
// still grows by more than its standard error at the end of the range, and
// the range indicates no number of clusters). It panics if the lengths
// differ.
func GapBest(k []int, gap, se []float64) int {
	if len(gap) != len(k) || len(se) != len(k) {
		panic("cluster: GapBest needs one gap and one standard error per k")
	}
	for i := 0; i+1 < len(k); i++ {
		if gap[i] >= gap[i+1]-se[i+1] {
			return k[i]
		}
	}
	return 0
}
