package stats

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"
)

// IntervalRows returns the bootstrap confidence interval of a statistic of
// n rows resampled together (pairs of values, or values with their group),
// as scipy.stats.bootstrap with paired=True: each resample draws n row
// indices with replacement and stat receives how often each row was drawn
// (see RowStatistic); the BCa jackknife leaves out one row at a time. The
// draws are those Interval makes for a sample of n values, so
// IntervalRows(n, s) equals Interval over row indices of the same
// statistic. Fewer than two rows return an error; a bad configuration
// panics as Interval does.
func (bs Bootstrap) IntervalRows(n int, stat RowStatistic) (Interval, error) {
	b, level := bs.setup()
	if n < 2 {
		return Interval{}, fmt.Errorf("%w: bootstrap of %d rows", ErrTooFew, n)
	}
	rng := rand.New(rand.NewPCG(bs.Seed, 0x2545f4914f6cdd1d))
	w := make([]float64, n)
	theta := make([]float64, b)
	for k := range theta {
		clear(w)
		for range n {
			w[rng.IntN(n)]++
		}
		theta[k] = stat(w)
	}
	var est, acc float64
	if bs.Method == BCa {
		est = stat(nil)
		jack := make([]float64, n)
		for i := range w {
			w[i] = 1
		}
		for i := range jack {
			w[i] = 0
			jack[i] = stat(w)
			w[i] = 1
		}
		acc = acceleration(jack, nil)
	}
	return bs.finish(theta, est, acc, level), nil
}

// IntervalTable returns the bootstrap confidence interval of a statistic
// of a contingency table of counts whose N observations are resampled:
// each resample is a multinomial table of N observations with the observed
// cell shares (the table of N observations drawn with replacement), drawn
// cell by cell as binomials of the observations left, so a resample costs
// the number of cells, not N. The statistic sees the resampled table
// without the rows and columns left empty. The BCa jackknife removes one
// observation of each non-empty cell in turn, every observation of a cell
// giving the same leave-one-out value. The table must hold whole,
// non-negative counts with at least two observations; otherwise an error.
// A bad configuration panics as Interval does.
func (bs Bootstrap) IntervalTable(table [][]float64, stat func([][]float64) float64) (Interval, error) {
	b, level := bs.setup()
	var cells []float64 // cumulative counts, row-major
	var total float64
	for i, row := range table {
		if len(row) != len(table[0]) {
			panic("stats: ragged table")
		}
		for j, c := range row {
			if c < 0 || c != math.Trunc(c) || math.IsInf(c, 0) {
				return Interval{}, fmt.Errorf("%w: cell (%d, %d) = %v", ErrNegativeCount, i, j, c)
			}
			total += c
			cells = append(cells, total)
		}
	}
	if total < 2 {
		return Interval{}, fmt.Errorf("%w: bootstrap of %v observations", ErrTooFew, total)
	}
	cols := len(table[0])
	work := make([][]float64, len(table))
	for i := range work {
		work[i] = make([]float64, cols)
	}
	src := rand.NewPCG(bs.Seed, 0x2545f4914f6cdd1d)
	theta := make([]float64, b)
	for k := range theta {
		left, mass := total, total
		for c := range cells {
			count := cells[c]
			if c > 0 {
				count -= cells[c-1]
			}
			draw := 0.0
			switch {
			case left == 0 || count == 0:
			case count >= mass:
				draw = left
			default:
				draw = distuv.Binomial{N: left, P: count / mass, Src: src}.Rand()
			}
			work[c/cols][c%cols] = draw
			left -= draw
			mass -= count
		}
		theta[k] = stat(nonEmpty(work))
	}
	var est, acc float64
	if bs.Method == BCa {
		est = stat(nonEmpty(table))
		var jack, mult []float64
		for i := range work {
			copy(work[i], table[i])
		}
		for i, row := range table {
			for j, c := range row {
				if c == 0 {
					continue
				}
				work[i][j]--
				jack = append(jack, stat(nonEmpty(work)))
				mult = append(mult, c)
				work[i][j]++
			}
		}
		acc = acceleration(jack, mult)
	}
	return bs.finish(theta, est, acc, level), nil
}

// nonEmpty returns the table without its all-zero rows and columns (the
// table itself when it has none).
func nonEmpty(t [][]float64) [][]float64 {
	var rows []int
	cols := make([]bool, len(t[0]))
	for i, row := range t {
		any := false
		for j, c := range row {
			if c != 0 {
				any, cols[j] = true, true
			}
		}
		if any {
			rows = append(rows, i)
		}
	}
	keep := 0
	for _, c := range cols {
		if c {
			keep++
		}
	}
	if len(rows) == len(t) && keep == len(cols) {
		return t
	}
	out := make([][]float64, len(rows))
	for k, i := range rows {
		for j, c := range t[i] {
			if cols[j] {
				out[k] = append(out[k], c)
			}
		}
	}
	return out
}

// acceleration is the BCa acceleration of jackknife values, value i
// standing for mult[i] observations (nil: one each):
//
//	a = sum(m d^3) / (6 (sum(m d^2))^(3/2)),  d = mean - jack_i
func acceleration(jack, mult []float64) float64 {
	var mean, n float64
	for i, v := range jack {
		m := weight(mult, i)
		mean += m * v
		n += m
	}
	mean /= n
	var num, den float64
	for i, v := range jack {
		m, d := weight(mult, i), mean-v
		num += m * d * d * d
		den += m * d * d
	}
	return num / (6 * math.Pow(den, 1.5))
}
