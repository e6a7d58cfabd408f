package chart

import (
	"math"
	"slices"

	"github.com/songcohorts/cohorts/songs/stats"
)

// fiveNum is a Tukey box-plot summary: quartiles, whisker ends and the
// outliers, with Tukey's fences as stats.TukeyFences gives them.
type fiveNum struct {
	Q1, Median, Q3 float64
	Low, High      float64
	Outliers       []float64
	Min, Max       float64
}

// tukey returns the box-plot summary of x (which must be finite and
// non-empty) with fences at 1.5 IQR from the type-7 quartiles (Tukey JW
// 1977, Exploratory Data Analysis). The values on or beyond a fence are
// the outliers (stats.Fences.Outside, the rule of the outlier tables), and
// the whiskers end at the most extreme values strictly inside the fences,
// or at the box when there are none.
func tukey(x []float64) fiveNum {
	s := slices.Clone(x)
	slices.Sort(s)
	fences := stats.TukeyFences(s)
	f := fiveNum{Q1: fences.Q1, Median: fences.Median, Q3: fences.Q3,
		Low: fences.Q1, High: fences.Q3, Min: s[0], Max: s[len(s)-1]}
	for _, v := range s {
		if fences.Outside(v) {
			f.Outliers = append(f.Outliers, v)
			continue
		}
		f.Low = min(f.Low, v)
		f.High = max(f.High, v)
	}
	return f
}

// meanStd returns the mean and the sample standard deviation (n-1 divisor).
func meanStd(x []float64) (mean, std float64) {
	for _, v := range x {
		mean += v
	}
	mean /= float64(len(x))
	if len(x) < 2 {
		return mean, 0
	}
	var ss float64
	for _, v := range x {
		d := v - mean
		ss += d * d
	}
	return mean, math.Sqrt(ss / float64(len(x)-1))
}

// scottBandwidth returns Scott's rule-of-thumb Gaussian kernel bandwidth
//
//	h = σ̂ n^(-1/5)
//
// with σ̂ the sample standard deviation, as scipy.stats.gaussian_kde with
// bw_method="scott" in one dimension. Scott DW (1992), Multivariate Density
// Estimation, Wiley.
func scottBandwidth(x []float64) float64 {
	_, sd := meanStd(x)
	return sd * math.Pow(float64(len(x)), -0.2)
}

// gaussianKDE evaluates the Gaussian kernel density estimate of x with
// bandwidth h at each point of at:
//
//	f(t) = 1/(n h √(2π)) Σ_i exp(-(t-x_i)²/(2h²))
//
// Silverman BW (1986), Density Estimation for Statistics and Data Analysis.
func gaussianKDE(x, at []float64, h float64) []float64 {
	out := make([]float64, len(at))
	norm := 1 / (float64(len(x)) * h * math.Sqrt(2*math.Pi))
	for j, t := range at {
		var s float64
		for _, v := range x {
			z := (t - v) / h
			s += math.Exp(-0.5 * z * z)
		}
		out[j] = s * norm
	}
	return out
}

// autoBins returns the number of histogram bins numpy's bins="auto" would
// choose: the larger of Sturges' count and the Freedman-Diaconis count
// (bin width 2 IQR n^(-1/3)), capped at maxBins.
func autoBins(x []float64, maxBins int) int {
	n := len(x)
	s := slices.Clone(x)
	slices.Sort(s)
	rng := s[n-1] - s[0]
	if rng == 0 {
		return 1
	}
	sturges := int(math.Ceil(math.Log2(float64(n)))) + 1
	bins := sturges
	fences := stats.TukeyFences(s)
	iqr := fences.Q3 - fences.Q1
	if iqr > 0 {
		w := 2 * iqr * math.Pow(float64(n), -1.0/3)
		if fd := int(math.Ceil(rng / w)); fd > bins {
			bins = fd
		}
	}
	return min(max(bins, 1), maxBins)
}
