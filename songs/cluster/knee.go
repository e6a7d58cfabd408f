package cluster

import (
	"math"
	"sort"
)

// KneeCurve is the shape of a curve searched by Knee.
type KneeCurve int

const (
	// Convex curves bend upwards, as a WCSS or k-distance curve. It is
	// the zero value.
	Convex KneeCurve = iota
	// Concave curves bend downwards.
	Concave
)

// KneeDirection says whether a curve searched by Knee falls or rises.
type KneeDirection int

const (
	// Decreasing curves fall with x, as WCSS against k. It is the zero
	// value.
	Decreasing KneeDirection = iota
	// Increasing curves rise with x, as a sorted k-distance curve.
	Increasing
)

// Knee finds the knee (or elbow) of the curve y(x) by the Kneedle method
// (Satopaa, Albrecht, Irwin and Raghavan, "Finding a 'kneedle' in a
// haystack: detecting knee points in system behavior", ICDCS Workshops
// 2011), as the Python package kneed's KneeLocator with
// interp_method="interp1d" and online=False:
//
//   - y is linearly interpolated onto len(x) evenly spaced x values and
//     both axes are normalised to [0, 1];
//   - the curve is turned so that the knee is a maximum of the difference
//     curve y_d = y_n - x_n (convex decreasing: y_n -> 1 - y_n);
//   - the first local maximum of y_d whose threshold
//     y_d(max) - S·mean(Δx_n) is crossed by the curve before the next
//     local maximum is the knee.
//
// x must be strictly increasing. sensitivity is kneed's S (1 in the
// original study); zero means 1. Knee returns the index into x of the knee
// and true, or -1 and false when the curve has no knee. It panics if the
// lengths differ or fewer than 3 points are given.
func Knee(x, y []float64, curve KneeCurve, direction KneeDirection, sensitivity float64) (int, bool) {
	n := len(x)
	if len(y) != n {
		panic("cluster: Knee x and y lengths differ")
	}
	if n < 3 {
		panic("cluster: Knee needs at least 3 points")
	}
	if sensitivity == 0 {
		sensitivity = 1
	}
	// interp1d onto an evenly spaced grid (numpy.linspace).
	xs := make([]float64, n)
	ys := make([]float64, n)
	x0, x1 := x[0], x[n-1]
	for i := range xs {
		xs[i] = x0 + float64(i)*(x1-x0)/float64(n-1)
	}
	xs[n-1] = x1
	for i, v := range xs {
		j := sort.SearchFloat64s(x, v)
		switch {
		case j < n && x[j] == v:
			ys[i] = y[j]
		case j == 0:
			ys[i] = y[0]
		default:
			ys[i] = y[j-1] + (v-x[j-1])*(y[j]-y[j-1])/(x[j]-x[j-1])
		}
	}
	xn := kneeNormalise(xs)
	yn := kneeNormalise(ys)
	switch {
	case direction == Decreasing && curve == Concave:
		kneeReverse(yn)
	case direction == Decreasing && curve == Convex:
		m := kneeMax(yn)
		for i := range yn {
			yn[i] = m - yn[i]
		}
	case direction == Increasing && curve == Convex:
		m := kneeMax(yn)
		for i := range yn {
			yn[i] = m - yn[i]
		}
		kneeReverse(yn)
	}
	yd := make([]float64, n)
	for i := range yd {
		yd[i] = yn[i] - xn[i]
	}
	isMax := make([]bool, n)
	isMin := make([]bool, n)
	var maxima []int
	for i := range yd {
		prev, next := yd[max(i-1, 0)], yd[min(i+1, n-1)]
		if yd[i] >= prev && yd[i] >= next {
			isMax[i] = true
			maxima = append(maxima, i)
		}
		if yd[i] <= prev && yd[i] <= next {
			isMin[i] = true
		}
	}
	if len(maxima) == 0 {
		return -1, false
	}
	var meanStep float64
	for i := 1; i < n; i++ {
		meanStep += xn[i] - xn[i-1]
	}
	meanStep = math.Abs(meanStep / float64(n-1))
	threshold, thresholdIndex := 0.0, -1
	for i := maxima[0]; i < n; i++ {
		if xn[i] == 1 {
			break
		}
		if isMax[i] {
			threshold = yd[i] - sensitivity*meanStep
			thresholdIndex = i
		}
		if isMin[i] {
			threshold = 0
		}
		if yd[i+1] < threshold {
			if (curve == Convex && direction == Decreasing) || (curve == Concave && direction == Increasing) {
				return thresholdIndex, true
			}
			return n - 1 - thresholdIndex, true
		}
	}
	return -1, false
}

func kneeNormalise(v []float64) []float64 {
	lo, hi := v[0], v[0]
	for _, e := range v {
		lo = math.Min(lo, e)
		hi = math.Max(hi, e)
	}
	out := make([]float64, len(v))
	for i, e := range v {
		out[i] = (e - lo) / (hi - lo)
	}
	return out
}

func kneeMax(v []float64) float64 {
	m := v[0]
	for _, e := range v {
		m = math.Max(m, e)
	}
	return m
}

func kneeReverse(v []float64) {
	for i, j := 0, len(v)-1; i < j; i, j = i+1, j-1 {
		v[i], v[j] = v[j], v[i]
	}
}
