package stats

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/stat"
)

// bruteForceP enumerates every assignment of the pooled values to x by a
// recursive subset walk (independently of forEachSplit) and returns the
// exact one-sided p-values of the statistic diff.
func bruteForceP(x, y []float64, f func([]float64) float64) (pg, pl float64) {
	pooled := concat(x, y)
	obs := f(x) - f(y)
	gamma := math.Abs(1e-14 * obs)
	var ge, le, tot float64
	var walk func(i int, a, b []float64)
	walk = func(i int, a, b []float64) {
		if len(a) > len(x) || len(b) > len(y) {
			return
		}
		if i == len(pooled) {
			t := f(a) - f(b)
			if t >= obs-gamma {
				ge++
			}
			if t <= obs+gamma {
				le++
			}
			tot++
			return
		}
		walk(i+1, append(append([]float64(nil), a...), pooled[i]), b)
		walk(i+1, a, append(append([]float64(nil), b...), pooled[i]))
	}
	walk(0, nil, nil)
	return ge / tot, le / tot
}

func TestPermutationEqualsEnumeration(t *testing.T) {
	x := []float64{12, 25, 25, 7, 30, 3}
	y := []float64{25, 33, 41, 12, 50, 38, 29}
	for _, st := range []DiffStat{DiffMean, DiffMedian} {
		f := meanOf
		if st == DiffMedian {
			f = median
		}
		pg, pl := bruteForceP(x, y, f)
		for _, alt := range []Alternative{TwoSided, Less, Greater} {
			want := map[Alternative]float64{Greater: pg, Less: pl, TwoSided: math.Min(1, 2*math.Min(pg, pl))}[alt]
			// C(13, 6) = 1716 splits <= 9999 resamples: exact enumeration.
			r, err := Permutation{Statistic: st, Alternative: alt, Seed: 1}.Test(x, y)
			if err != nil {
				t.Fatal(err)
			}
			if r.P != want {
				t.Errorf("stat %d %v: p = %.17g, enumeration %.17g", st, alt, r.P, want)
			}
		}
	}
}

func TestPermutationMonteCarlo(t *testing.T) {
	x := []float64{12, 25, 25, 7, 30, 3, 18, 22, 9}
	y := []float64{25, 33, 41, 12, 50, 38, 29, 44, 18, 61}
	pg, _ := bruteForceP(x, y, meanOf) // C(19, 9) = 92378 splits
	pt := Permutation{Statistic: DiffMean, Alternative: Greater, Resamples: 20000, Seed: 7}
	r, err := pt.Test(x, y)
	if err != nil {
		t.Fatal(err)
	}
	// Monte Carlo standard error is about sqrt(p(1-p)/20000) < 0.0036.
	if math.Abs(r.P-pg) > 0.012 {
		t.Errorf("Monte Carlo p = %v, exact %v", r.P, pg)
	}
	again, _ := pt.Test(x, y)
	if again.P != r.P {
		t.Errorf("same seed gave %v then %v", r.P, again.P)
	}
	if r.P <= 0 || r.P > 1 {
		t.Errorf("p out of (0, 1]: %v", r.P)
	}
}

// TestBootstrapCoverage checks by simulation (fixed seeds) that 90 %
// intervals for the mean of exponential samples cover the true mean close
// to 90 % of the time.
func TestBootstrapCoverage(t *testing.T) {
	const reps, n = 1000, 30
	gen := rand.New(rand.NewPCG(11, 12))
	for _, m := range []BootMethod{Percentile, BCa} {
		covered := 0
		for rep := 0; rep < reps; rep++ {
			x := make([]float64, n)
			for i := range x {
				x[i] = gen.ExpFloat64() // true mean 1
			}
			ci, err := Bootstrap{Method: m, Resamples: 499, Level: 0.9, Seed: uint64(rep)}.Interval(x, func(s []float64) float64 { return stat.Mean(s, nil) })
			if err != nil {
				t.Fatal(err)
			}
			if ci.Lo <= 1 && 1 <= ci.Hi {
				covered++
			}
		}
		cov := float64(covered) / reps
		// Both intervals undercover the mean of skewed samples of 30 a little
		// (about 0.86 in a 2000-replicate run); the binomial noise at 1000
		// replicates is about 0.011.
		if cov < 0.82 || cov > 0.93 {
			t.Errorf("method %d: coverage %.3f outside [0.82, 0.93]", m, cov)
		}
		t.Logf("method %d: coverage %.3f", m, cov)
	}
}

func TestBootstrapDeterministicAndDegenerate(t *testing.T) {
	x := []float64{3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5}
	y := []float64{2, 7, 1, 8, 2, 8, 1, 8, 2, 8}
	bs := Bootstrap{Resamples: 999, Seed: 3}
	a, err := bs.Interval2(x, y, RankBiserial)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := bs.Interval2(x, y, RankBiserial)
	if a != b {
		t.Errorf("same seed, different intervals: %v %v", a, b)
	}
	est := RankBiserial(x, y)
	if !(a.Lo <= est && est <= a.Hi) || a.Level != 0.95 {
		t.Errorf("interval %v does not bracket estimate %v", a, est)
	}
	c, _ := Bootstrap{Method: BCa, Resamples: 199}.Interval([]float64{2, 2, 2, 2}, median)
	if !math.IsNaN(c.Lo) || !math.IsNaN(c.Hi) {
		t.Errorf("constant data: BCa interval %v, want NaN", c)
	}
	p, _ := Bootstrap{Method: Percentile, Resamples: 199}.Interval([]float64{2, 2, 2, 2}, median)
	if p.Lo != 2 || p.Hi != 2 {
		t.Errorf("constant data: percentile interval %v, want [2, 2]", p)
	}
	if _, err := bs.Interval(nil, median); err == nil {
		t.Error("empty sample: no error")
	}
}
