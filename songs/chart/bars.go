package chart

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/songcohorts/cohorts/songs/internal/numfmt"
)

// MaxLabelRunes is the length beyond which the category labels of Bars
// (one line each, up to ninety of them) are truncated with an ellipsis;
// the full names belong in a table next to the chart. Legends are never
// truncated.
const MaxLabelRunes = 36

// barLabel formats a bar's value for the label at its end.
func barLabel(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return groupThousandsIf(strconv.FormatInt(int64(v), 10))
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

// groupThousandsIf groups the digits of an integer s from 10,000 up.
func groupThousandsIf(s string) string {
	if len(s) >= 5 && !(len(s) == 5 && s[0] == '-') {
		return numfmt.GroupDigits(s)
	}
	return s
}

// Bars draws one horizontal bar per label, sorted from the largest value at
// the top to the smallest, each with its value printed at its end. Labels
// longer than MaxLabelRunes are truncated with an ellipsis. o.XLabel names
// the value with its unit; o.YLabel the categories. A zero o.Height grows
// with the number of bars (0.17 in per bar, at least 2.4 in), so 90 album
// names stay legible and three bars do not fill a page.
//
// It returns an error wrapping ErrNoData, ErrNaN or ErrShape for empty,
// non-finite or mismatched input.
func Bars(labelsIn []string, values []float64, o Options) (Figure, error) {
	if err := checkFinite("values", values); err != nil {
		return Figure{}, err
	}
	if err := checkLen("labels", len(labelsIn), len(values)); err != nil {
		return Figure{}, err
	}
	n := len(values)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	// Largest first; ties keep input order, so the chart is deterministic.
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case values[a] > values[b]:
			return -1
		case values[a] < values[b]:
			return 1
		}
		return 0
	})
	o = o.withSize(DefaultWidth, max(2.4*vg.Inch, vg.Length(n)*0.17*vg.Inch+1.2*vg.Inch))
	p := newPlot(o.XLabel, o.YLabel)
	names := make([]string, n)
	var rs []rect
	var ls []label
	lo, hi := 0.0, 0.0
	for pos, i := range idx {
		y := float64(n - 1 - pos) // the largest at the top
		names[n-1-pos] = Truncate(labelsIn[i], MaxLabelRunes)
		rs = append(rs, rect{x0: 0, x1: values[i], y0: y - 0.38, y1: y + 0.38, fill: colBlue})
		al, dx := draw.XLeft, vg.Points(3)
		if values[i] < 0 {
			al, dx = draw.XRight, -vg.Points(3)
		}
		ls = append(ls, label{x: values[i], y: y, text: barLabel(values[i]), xalign: al, yalign: draw.YCenter, dx: dx})
		lo, hi = min(lo, values[i]), max(hi, values[i])
	}
	p.Add(plotter.NewGrid())
	p.Add(rects{rs: rs}, textLabels{ls: ls, size: tickSize - 1})
	nominal(&p.Y, names)
	p.Y.Min, p.Y.Max = -0.6, float64(n)-0.4
	// Leave room for the value labels.
	span := hi - lo
	if span == 0 {
		span = 1
	}
	p.X.Max = hi + 0.1*span
	if lo < 0 {
		p.X.Min = lo - 0.1*span
	}
	p.Y.Tick.Label.Font.Size = tickSize - 1
	top := labelsIn[idx[0]]
	alt := fmt.Sprintf("Horizontal bar chart of %s for %d categories, sorted; the largest is %s (%s) and the smallest %s (%s).",
		orName(o.XLabel, "values"), n, top, barLabel(values[idx[0]]), labelsIn[idx[n-1]], barLabel(values[idx[n-1]]))
	return renderPlot(p, o, alt)
}

// orName returns s, or def when s is empty.
func orName(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// barsSize is the default size of GroupedBars and StackedShares.
var barsWidth, barsHeight = 7 * vg.Inch, 3.6 * vg.Inch

// GroupedBars draws vertical bars grouped by category: values[s][g] is the
// bar of series s in group g, series coloured from OkabeIto with a legend
// of seriesNames at the right (full names, wrapped). Group labels wrap
// onto several lines to fit under their group, and are drawn at an angle
// only when a single word is wider than that. o.XLabel names the groups;
// o.YLabel the value with its unit. For shares of a whole that sum to
// 100% in every group, StackedShares reads better.
//
// It returns an error wrapping ErrNoData, ErrNaN or ErrShape for empty,
// non-finite or mismatched input.
func GroupedBars(groups, seriesNames []string, values [][]float64, o Options) (Figure, error) {
	ns, ng, err := checkSeries(groups, seriesNames, "values", values)
	if err != nil {
		return Figure{}, err
	}
	o = o.withSize(barsWidth, barsHeight)
	p := newPlot(o.XLabel, o.YLabel)
	p.Add(plotter.NewGrid())
	var leg legend
	const groupWidth = 0.8
	w := groupWidth / float64(ns)
	for s := range ns {
		var rs []rect
		for g := range ng {
			x0 := float64(g) - groupWidth/2 + float64(s)*w
			rs = append(rs, rect{x0: x0, x1: x0 + w, y0: 0, y1: values[s][g], fill: Colour(s)})
		}
		p.Add(rects{rs: rs})
		leg.add(seriesNames[s], swatch{Colour(s)})
	}
	p.X.Min, p.X.Max = -0.6, float64(ng)-0.4
	p.Y.Min = 0
	alt := fmt.Sprintf("Grouped bar chart of %s for %d groups (%s) and %d series (%s).",
		orName(o.YLabel, "values"), ng, joinShort(groups), ns, joinShort(seriesNames))
	return render(o, alt, func(dc draw.Canvas) {
		dc = leg.beside(dc)
		categoryAxis(&p.X, groups, dc.Max.X-dc.Min.X-vg.Inch)
		p.Draw(dc)
	})
}

// StackedShares draws one vertical bar per group split into the shares of
// the series, stacked from series 0 at the bottom: shares[s][g] is the
// share of series s in group g, in percent, and every group's shares sum
// to 100. Each segment of at least 5% is labelled with its share; the
// legend at the right lists the series from the top of the stack down, in
// full. Group labels wrap as in GroupedBars. o.YLabel defaults to
// "share (%)".
//
// It returns an error wrapping ErrNoData, ErrNaN or ErrShape for empty,
// non-finite or mismatched input, and an error if a share is negative or
// a group's shares do not sum to 100 (within 0.5).
func StackedShares(groups, seriesNames []string, shares [][]float64, o Options) (Figure, error) {
	ns, ng, err := checkSeries(groups, seriesNames, "shares", shares)
	if err != nil {
		return Figure{}, err
	}
	for g := range ng {
		var sum float64
		for s := range ns {
			if shares[s][g] < 0 {
				return Figure{}, fmt.Errorf("chart: share of %q in %q is negative (%v)", seriesNames[s], groups[g], shares[s][g])
			}
			sum += shares[s][g]
		}
		if math.Abs(sum-100) > 0.5 {
			return Figure{}, fmt.Errorf("chart: the shares of %q sum to %v, not 100", groups[g], sum)
		}
	}
	o = o.withSize(barsWidth, barsHeight)
	p := newPlot(o.XLabel, orName(o.YLabel, "share (%)"))
	var rs []rect
	var ls []label
	for g := range ng {
		var base float64
		for s := range ns {
			v := shares[s][g]
			c := Colour(s)
			rs = append(rs, rect{x0: float64(g) - 0.35, x1: float64(g) + 0.35, y0: base, y1: base + v, fill: c})
			if v >= 5 {
				ls = append(ls, label{x: float64(g), y: base + v/2, text: strconv.FormatFloat(v, 'f', 0, 64) + "%",
					colour: textOn(c), xalign: draw.XCenter, yalign: draw.YCenter})
			}
			base += v
		}
	}
	p.Add(rects{rs: rs, outline: draw.LineStyle{Color: color.White, Width: vg.Points(0.75)}}, textLabels{ls: ls, size: tickSize - 0.5})
	var leg legend
	for s := ns - 1; s >= 0; s-- {
		leg.add(seriesNames[s], swatch{Colour(s)})
	}
	p.X.Min, p.X.Max = -0.6, float64(ng)-0.4
	p.Y.Min, p.Y.Max = 0, 100
	p.Y.Tick.Marker = plot.ConstantTicks([]plot.Tick{{Value: 0, Label: "0"}, {Value: 25, Label: "25"},
		{Value: 50, Label: "50"}, {Value: 75, Label: "75"}, {Value: 100, Label: "100"}})
	alt := fmt.Sprintf("Stacked bar chart of the shares (%%) of %d series (%s) in each of %d groups (%s)",
		ns, joinShort(seriesNames), ng, joinShort(groups))
	for g := range min(ng, 12) {
		alt += fmt.Sprintf("; %s:", oneLine(groups[g]))
		for s := range ns {
			sep := ","
			if s == 0 {
				sep = ""
			}
			alt += fmt.Sprintf("%s %s %s%%", sep, seriesNames[s], strconv.FormatFloat(shares[s][g], 'f', 0, 64))
		}
	}
	return render(o, alt+".", func(dc draw.Canvas) {
		dc = leg.beside(dc)
		categoryAxis(&p.X, groups, dc.Max.X-dc.Min.X-vg.Inch)
		p.Draw(dc)
	})
}

// checkSeries checks a series-by-group matrix (named what) against its
// series and group names and returns its shape.
func checkSeries(groups, seriesNames []string, what string, m [][]float64) (ns, ng int, err error) {
	if ns, ng, err = checkMatrix(what, m); err != nil {
		return 0, 0, err
	}
	if err := checkLen("seriesNames", len(seriesNames), ns); err != nil {
		return 0, 0, err
	}
	return ns, ng, checkLen("groups", len(groups), ng)
}

// categoryAxis sets the ticks of a horizontal axis to the names of its
// categories at 0, 1, ..., each wrapped at spaces to fit its share of the
// axis width w, and angled only when a single word is still too wide.
func categoryAxis(ax *plot.Axis, names []string, w vg.Length) {
	slot := w/vg.Length(max(len(names), 1)) - vg.Points(4)
	sty := ax.Tick.Label
	wrapped := make([]string, len(names))
	fits := true
	for i, n := range names {
		lines := wrap(sty, n, slot)
		for _, l := range lines {
			if sty.Width(l) > slot {
				fits = false
			}
		}
		wrapped[i] = strings.Join(lines, "\n")
	}
	if !fits {
		copy(wrapped, names)
		ax.Tick.Label.Rotation = 0.6
		ax.Tick.Label.XAlign = draw.XRight
		ax.Tick.Label.YAlign = draw.YCenter
	}
	nominal(ax, wrapped)
}

// joinShort joins up to eight names, each on one line, with commas, then
// "and N more".
func joinShort(names []string) string {
	lines := make([]string, len(names))
	for i, n := range names {
		lines[i] = oneLine(n)
	}
	return numfmt.JoinFirst(lines, 8, ", ")
}

// oneLine returns s with its line breaks (a label's second line) as
// spaces, for alt texts.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
