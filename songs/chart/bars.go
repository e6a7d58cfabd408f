package chart

import (
	"fmt"
	"slices"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// MaxLabelRunes is the length beyond which category labels are truncated
// with an ellipsis; the full names belong in a table next to the chart.
const MaxLabelRunes = 36

// barLabel formats a bar's value for the label at its end.
func barLabel(v float64) string {
	if v == float64(int64(v)) {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

// Bars draws one horizontal bar per label, sorted from the largest value at
// the top to the smallest, each with its value printed at its end. Labels
// longer than MaxLabelRunes are truncated with an ellipsis. o.XLabel names
// the value with its unit; o.YLabel the categories. A zero o.Height grows
// with the number of bars (0.17 in per bar), so 90 album names stay legible.
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
	o = o.withSize(DefaultWidth, max(DefaultHeight, vg.Length(n)*0.17*vg.Inch+1.2*vg.Inch))
	p := newPlot(o.Title, o.XLabel, o.YLabel)
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
	png, err := renderPlot(p, o)
	if err != nil {
		return Figure{}, err
	}
	top := labelsIn[idx[0]]
	alt := fmt.Sprintf("Horizontal bar chart of %s for %d categories, sorted; the largest is %s (%s) and the smallest %s (%s).",
		orName(o.XLabel, "values"), n, top, barLabel(values[idx[0]]), labelsIn[idx[n-1]], barLabel(values[idx[n-1]]))
	return Figure{PNG: png, Title: o.Title, Alt: alt}, nil
}

// orName returns s, or def when s is empty.
func orName(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// GroupedBars draws vertical bars grouped by category: values[s][g] is the
// bar of series s in group g, series coloured from OkabeIto with a legend
// of seriesNames. Group labels longer than MaxLabelRunes are truncated and
// drawn at an angle when there are more than six groups. o.XLabel names the
// groups; o.YLabel the value with its unit.
//
// It returns an error wrapping ErrNoData, ErrNaN or ErrShape for empty,
// non-finite or mismatched input.
func GroupedBars(groups, seriesNames []string, values [][]float64, o Options) (Figure, error) {
	ns, ng, err := checkMatrix("values", values)
	if err != nil {
		return Figure{}, err
	}
	if err := checkLen("seriesNames", len(seriesNames), ns); err != nil {
		return Figure{}, err
	}
	if err := checkLen("groups", len(groups), ng); err != nil {
		return Figure{}, err
	}
	p := newPlot(o.Title, o.XLabel, o.YLabel)
	p.Add(plotter.NewGrid())
	const groupWidth = 0.8
	w := groupWidth / float64(ns)
	for s := range ns {
		var rs []rect
		for g := range ng {
			x0 := float64(g) - groupWidth/2 + float64(s)*w
			rs = append(rs, rect{x0: x0, x1: x0 + w, y0: 0, y1: values[s][g], fill: Colour(s)})
		}
		r := rects{rs: rs}
		p.Add(r)
		p.Legend.Add(seriesNames[s], swatch{Colour(s)})
	}
	names := make([]string, ng)
	for g := range groups {
		names[g] = Truncate(groups[g], MaxLabelRunes)
	}
	nominal(&p.X, names)
	if ng > 6 {
		p.X.Tick.Label.Rotation = 0.6
		p.X.Tick.Label.XAlign = draw.XRight
		p.X.Tick.Label.YAlign = draw.YCenter
	}
	p.X.Min, p.X.Max = -0.6, float64(ng)-0.4
	p.Legend.Top = true
	p.Legend.TextStyle.Font.Size = tickSize
	png, err := render(o, func(dc draw.Canvas) { legendRight(dc, p) })
	if err != nil {
		return Figure{}, err
	}
	alt := fmt.Sprintf("Grouped bar chart of %s for %d groups (%s) and %d series (%s).",
		orName(o.YLabel, "values"), ng, joinShort(groups), ns, joinShort(seriesNames))
	return Figure{PNG: png, Title: o.Title, Alt: alt}, nil
}

// swatch is a legend thumbnail: a filled square of one colour.
type swatch struct {
	c interface{ RGBA() (r, g, b, a uint32) }
}

// Thumbnail implements plot.Thumbnailer.
func (s swatch) Thumbnail(c *draw.Canvas) {
	c.FillPolygon(s.c, []vg.Point{c.Min, {X: c.Max.X, Y: c.Min.Y}, c.Max, {X: c.Min.X, Y: c.Max.Y}})
}

// joinShort joins up to eight names with commas, then "and N more".
func joinShort(names []string) string {
	const maxNames = 8
	s := ""
	for i, n := range names {
		if i == maxNames {
			return s + fmt.Sprintf(" and %d more", len(names)-maxNames)
		}
		if i > 0 {
			s += ", "
		}
		s += n
	}
	return s
}

var _ plot.Thumbnailer = swatch{}
