package chart

import (
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"

	"github.com/songcohorts/cohorts/songs/internal/numfmt"
)

// niceTicks is a plot.Ticker placing about n ticks (five when n is 0;
// fewer for the narrow panels of a grid) at round numbers
// (1, 2, 2.5 or 5 times a power of ten) and labelling every one of them
// with the same number of decimals, the fewest that tell them apart:
// "0.25", "35,000", "1970", never "35000.00" or "5e-06". Values from
// 10,000 up are grouped in thousands with commas. The steps are those of
// Heckbert's "nice numbers" (Heckbert PS (1990), Nice numbers for graph
// labels, Graphics Gems) with 2.5 added, as in matplotlib's MaxNLocator.
type niceTicks struct{ n int }

// Ticks implements plot.Ticker.
func (t niceTicks) Ticks(min, max float64) []plot.Tick {
	n := t.n
	if n <= 0 {
		n = 5
	}
	return niceTicksN(min, max, n)
}

// niceTicksN returns about n intervals' worth of labelled ticks over
// [min, max], at least three when the range allows.
func niceTicksN(min, max float64, n int) []plot.Tick {
	ts := niceTicksOnce(min, max, n)
	for tries := 0; len(ts) < 3 && tries < 3; tries++ {
		n *= 2
		ts = niceTicksOnce(min, max, n)
	}
	return ts
}

// niceTicksOnce returns the round-number ticks of a step about
// (max-min)/n.
func niceTicksOnce(min, max float64, n int) []plot.Tick {
	if math.IsNaN(min) || math.IsNaN(max) || math.IsInf(min, 0) || math.IsInf(max, 0) {
		return nil
	}
	if max <= min {
		return []plot.Tick{{Value: min, Label: formatTick(min, decimalsOf(min), math.Abs(min) >= 1e4)}}
	}
	step, dec := niceStep((max - min) / float64(n))
	// Integer multiples of step, with a tolerance for rounding at the ends.
	eps := step * 1e-9
	first := math.Ceil((min - eps) / step)
	last := math.Floor((max + eps) / step)
	group := math.Max(math.Abs(min), math.Abs(max)) >= 1e4
	var ts []plot.Tick
	for i := first; i <= last; i++ {
		v := i * step
		ts = append(ts, plot.Tick{Value: v, Label: formatTick(v, dec, group)})
	}
	return ts
}

// niceStep returns the smallest round step (1, 2, 2.5, 5 or 10 times a
// power of ten) at least raw, and the decimals its multiples need.
func niceStep(raw float64) (step float64, decimals int) {
	exp := math.Floor(math.Log10(raw))
	frac := raw / math.Pow(10, exp)
	var m float64
	for _, c := range []float64{1, 2, 2.5, 5, 10} {
		if frac <= c*(1+1e-9) {
			m = c
			break
		}
	}
	if m == 10 {
		m, exp = 1, exp+1
	}
	decimals = max(0, int(-exp))
	if m == 2.5 {
		decimals = max(0, int(-exp)+1)
	}
	return m * math.Pow(10, exp), decimals
}

// decimalsOf returns the decimals that show v to four significant digits
// without trailing zeros, for a lone tick.
func decimalsOf(v float64) int {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return min(len(s)-i-1, 4)
	}
	return 0
}

// formatTick formats a tick value with the given decimals, without a
// negative zero, with thousands grouped by commas when group is set.
func formatTick(v float64, decimals int, group bool) string {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if strings.HasPrefix(s, "-") && strings.Trim(s, "-0.") == "" {
		s = s[1:]
	}
	if group {
		s = numfmt.GroupDigits(s)
	}
	return s
}

// integerTicks is a plot.Ticker for a count such as a number of clusters:
// a labelled tick at every integer when the range is short, otherwise
// round integer steps.
type integerTicks struct{}

// Ticks implements plot.Ticker.
func (integerTicks) Ticks(min, max float64) []plot.Tick {
	if max-min > 15 {
		var ts []plot.Tick
		for _, t := range niceTicksN(min, max, 6) {
			if t.Value == math.Trunc(t.Value) {
				ts = append(ts, t)
			}
		}
		return ts
	}
	var ts []plot.Tick
	for v := math.Ceil(min); v <= max; v++ {
		ts = append(ts, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'f', 0, 64)})
	}
	return ts
}
