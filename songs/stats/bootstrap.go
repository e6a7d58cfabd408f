package stats

import (
	"math"
	"math/rand/v2"
	"sort"
)

// BootMethod is the kind of bootstrap confidence interval.
type BootMethod int

const (
	// BCa is the bias-corrected and accelerated interval (Efron 1987).
	BCa BootMethod = iota
	// Percentile is the plain percentile interval.
	Percentile
)

// Bootstrap computes seeded bootstrap confidence intervals of a statistic,
// in the manner of scipy.stats.bootstrap: resample each sample with
// replacement Resamples times, evaluate the statistic, and take the
// percentile interval
//
//	[q_{(1-L)/2}, q_{(1+L)/2}]
//
// of the bootstrap distribution, or the BCa interval whose percentiles are
// moved to
//
//	Phi(z0 + (z0 + z_a)/(1 - acc (z0 + z_a)))
//
// with z0 = Phi^-1(share of bootstrap values below the estimate, ties
// counted half) and acc the jackknife acceleration
// sum(d^3) / (6 (sum d^2)^(3/2)), d the deviations of the leave-one-out
// estimates from their mean (pooled over the samples). Quantiles use
// linear interpolation. The generator is PCG seeded with Seed, so equal
// seeds give equal intervals.
//
// When every bootstrap value equals the estimate (constant data) the BCa
// interval is NaN, as SciPy's degenerate case.
//
// References: Efron, B. (1987), JASA 82, 171-185; Efron, B. & Tibshirani,
// R. J. (1993), An Introduction to the Bootstrap, ch. 13-14.
type Bootstrap struct {
	// Method is BCa or Percentile.
	Method BootMethod
	// Resamples is the number of bootstrap resamples (DefaultResamples if 0).
	Resamples int
	// Level is the confidence level (0.95 if 0).
	Level float64
	// Seed seeds the generator.
	Seed uint64
}

func (bs Bootstrap) setup() (int, float64) {
	b, level := bs.Resamples, bs.Level
	if b == 0 {
		b = DefaultResamples
	}
	if b < 2 {
		panic("stats: Resamples below 2")
	}
	if level == 0 {
		level = 0.95
	}
	checkLevel(level)
	if bs.Method != BCa && bs.Method != Percentile {
		panic("stats: unknown BootMethod")
	}
	return b, level
}

// Interval returns the bootstrap confidence interval of stat(x). Empty x
// or NaN returns an error. Interval panics for a bad configuration
// (Resamples below 2, a level outside (0, 1), an unknown Method).
func (bs Bootstrap) Interval(x []float64, stat func([]float64) float64) (Interval, error) {
	return bs.interval([][]float64{x}, func(s [][]float64) float64 { return stat(s[0]) })
}

// Interval2 returns the bootstrap confidence interval of stat(x, y), for
// two independent samples resampled separately (for example a difference
// in medians or an effect size such as RankBiserial). Empty samples or NaN
// return an error.
func (bs Bootstrap) Interval2(x, y []float64, stat func(x, y []float64) float64) (Interval, error) {
	return bs.interval([][]float64{x, y}, func(s [][]float64) float64 { return stat(s[0], s[1]) })
}

func (bs Bootstrap) interval(samples [][]float64, stat func([][]float64) float64) (Interval, error) {
	b, level := bs.setup()
	for _, s := range samples {
		if err := checkSample("bootstrap sample", s); err != nil {
			return Interval{}, err
		}
	}
	rng := rand.New(rand.NewPCG(bs.Seed, 0x2545f4914f6cdd1d))
	work := make([][]float64, len(samples))
	for i, s := range samples {
		work[i] = make([]float64, len(s))
	}
	theta := make([]float64, b)
	for k := range theta {
		for i, s := range samples {
			for j := range work[i] {
				work[i][j] = s[rng.IntN(len(s))]
			}
		}
		theta[k] = stat(work)
	}
	est := 0.0
	acc := 0.0
	if bs.Method == BCa {
		est = stat(samples)
		acc = jackknifeAcceleration(samples, stat)
	}
	return bs.finish(theta, est, acc, level), nil
}

// finish turns the bootstrap values theta (reordered in place) into the
// interval at level: percentile, or BCa from the estimate est and the
// acceleration acc.
func (bs Bootstrap) finish(theta []float64, est, acc, level float64) Interval {
	sort.Float64s(theta)
	alpha := (1 - level) / 2
	lo, hi := alpha, 1-alpha
	if bs.Method == BCa {
		var below, equal float64
		for _, t := range theta {
			if t < est {
				below++
			} else if t == est {
				equal++
			}
		}
		z0 := normQuantile((below + equal/2) / float64(len(theta)))
		adj := func(q float64) float64 {
			zq := normQuantile(q)
			return normCDF(z0 + (z0+zq)/(1-acc*(z0+zq)))
		}
		lo, hi = adj(lo), adj(hi)
		if math.IsNaN(lo) || math.IsNaN(hi) {
			return Interval{Lo: math.NaN(), Hi: math.NaN(), Level: level}
		}
	}
	return Interval{Lo: quantileSorted(theta, lo), Hi: quantileSorted(theta, hi), Level: level}
}

// jackknifeAcceleration is the BCa acceleration from leave-one-out
// estimates over every observation of every sample.
func jackknifeAcceleration(samples [][]float64, stat func([][]float64) float64) float64 {
	var num, den float64
	for i, s := range samples {
		if len(s) < 2 {
			continue
		}
		loo := make([][]float64, len(samples))
		copy(loo, samples)
		jack := make([]float64, len(s))
		buf := make([]float64, len(s)-1)
		for j := range s {
			copy(buf, s[:j])
			copy(buf[j:], s[j+1:])
			loo[i] = buf
			jack[j] = stat(loo)
		}
		m := meanOf(jack)
		for _, v := range jack {
			d := m - v
			num += d * d * d
			den += d * d
		}
	}
	return num / (6 * math.Pow(den, 1.5))
}
