package chart

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// IntervalBars draws horizontal bars grouped by category, the groups from
// top to bottom in the order given: values[s][g] is the bar of series s in
// group g and lo[s][g]..hi[s][g] its interval, drawn as a whisker; series
// are coloured from OkabeIto with a legend of seriesNames. notes[g], when
// not empty, is written above group g's bars (for example the group's
// peak album). A NaN value leaves its bar out (a series with no data in
// that group); a NaN interval leaves out the whisker. o.XLabel names the
// value with its unit; o.YLabel the groups. A zero o.Height grows with the
// number of bars.
//
// It returns an error wrapping ErrNoData, ErrNaN or ErrShape for empty,
// infinite or mismatched input, or when every value is NaN.
func IntervalBars(groups, seriesNames []string, values, lo, hi [][]float64, notes []string, o Options) (Figure, error) {
	ns, ng := len(values), len(groups)
	if ns == 0 || ng == 0 {
		return Figure{}, fmt.Errorf("%w: no bars", ErrNoData)
	}
	if err := checkLen("seriesNames", len(seriesNames), ns); err != nil {
		return Figure{}, err
	}
	if err := checkLen("notes", len(notes), ng); err != nil {
		return Figure{}, err
	}
	xmin, xmax := 0.0, math.Inf(-1)
	for _, m := range []struct {
		name string
		v    [][]float64
	}{{"values", values}, {"lo", lo}, {"hi", hi}} {
		if err := checkLen(m.name, len(m.v), ns); err != nil {
			return Figure{}, err
		}
		for s, row := range m.v {
			if err := checkLen(fmt.Sprintf("%s[%d]", m.name, s), len(row), ng); err != nil {
				return Figure{}, err
			}
			for g, v := range row {
				if math.IsInf(v, 0) {
					return Figure{}, fmt.Errorf("%w: %s[%d][%d] = %v", ErrNaN, m.name, s, g, v)
				}
				if !math.IsNaN(v) {
					xmin, xmax = min(xmin, v), max(xmax, v)
				}
			}
		}
	}
	if math.IsInf(xmax, -1) {
		return Figure{}, fmt.Errorf("%w: every value is NaN", ErrNoData)
	}
	o = o.withSize(DefaultWidth, max(DefaultHeight, vg.Length(ng*(ns+1))*0.2*vg.Inch+1.4*vg.Inch))
	p := newPlot(o.XLabel, o.YLabel)
	p.Add(plotter.NewGrid())
	const band = 0.56 // the part of a group's unit height its bars take
	h := band / float64(ns)
	var ws whiskers
	var ls []label
	var leg legend
	for s := range ns {
		var rs []rect
		for g := range ng {
			yg := float64(ng - 1 - g)
			c := yg - 0.12 + band/2 - h*(float64(s)+0.5)
			if v := values[s][g]; !math.IsNaN(v) {
				rs = append(rs, rect{x0: 0, x1: v, y0: c - 0.42*h, y1: c + 0.42*h, fill: Colour(s)})
			}
			if l, u := lo[s][g], hi[s][g]; !math.IsNaN(l) && !math.IsNaN(u) {
				ws.segs = append(ws.segs, whisker{x0: l, x1: u, y: c, cap: 0.25 * h})
			}
		}
		p.Add(rects{rs: rs})
		leg.add(seriesNames[s], swatch{Colour(s)})
	}
	for g, n := range notes {
		if n != "" {
			ls = append(ls, label{x: xmin, y: float64(ng-1-g) + 0.3, text: n, colour: colGrey, xalign: draw.XLeft, yalign: draw.YCenter, dx: vg.Points(3)})
		}
	}
	p.Add(ws, textLabels{ls: ls, size: tickSize - 1})
	names := make([]string, ng)
	for g := range groups {
		names[ng-1-g] = Truncate(groups[g], MaxLabelRunes)
	}
	nominal(&p.Y, names)
	p.Y.Min, p.Y.Max = -0.6, float64(ng)-0.4
	span := xmax - xmin
	if span == 0 {
		span = 1
	}
	p.X.Min, p.X.Max = xmin, xmax+0.05*span
	alt := fmt.Sprintf("Horizontal bar chart of %s with 95%% intervals for %d groups (%s) and %d series (%s).",
		orName(o.XLabel, "values"), ng, joinShort(groups), ns, joinShort(seriesNames))
	return renderLegend(p, &leg, o, alt)
}

// whisker is an interval drawn as a horizontal line with end caps, in
// data coordinates (cap is the half-height of the caps).
type whisker struct {
	x0, x1, y, cap float64
}

// whiskers is a plot.Plotter drawing intervals.
type whiskers struct {
	segs []whisker
}

// Plot implements plot.Plotter.
func (w whiskers) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	sty := draw.LineStyle{Color: color.Black, Width: vg.Points(1)}
	for _, s := range w.segs {
		y := trY(s.y)
		c.StrokeLine2(sty, trX(s.x0), y, trX(s.x1), y)
		for _, x := range []float64{s.x0, s.x1} {
			c.StrokeLine2(sty, trX(x), trY(s.y-s.cap), trX(x), trY(s.y+s.cap))
		}
	}
}
