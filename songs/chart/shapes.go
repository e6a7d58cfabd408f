package chart

import (
	"image/color"
	"math"
	"unicode/utf8"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// rect is an axis-aligned rectangle in data coordinates.
type rect struct {
	x0, y0, x1, y1 float64
	fill           color.Color
}

// rects is a plot.Plotter filling rectangles given in data coordinates,
// optionally outlined.
type rects struct {
	rs      []rect
	outline draw.LineStyle
}

// Plot implements plot.Plotter.
func (r rects) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	for _, q := range r.rs {
		pts := []vg.Point{
			{X: trX(q.x0), Y: trY(q.y0)}, {X: trX(q.x1), Y: trY(q.y0)},
			{X: trX(q.x1), Y: trY(q.y1)}, {X: trX(q.x0), Y: trY(q.y1)},
		}
		c.FillPolygon(q.fill, c.ClipPolygonXY(pts))
		if r.outline.Color != nil && r.outline.Width > 0 {
			c.StrokeLines(r.outline, c.ClipLinesXY(append(pts, pts[0]))...)
		}
	}
}

// DataRange implements plot.DataRanger.
func (r rects) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for _, q := range r.rs {
		xmin = min(xmin, q.x0, q.x1)
		xmax = max(xmax, q.x0, q.x1)
		ymin = min(ymin, q.y0, q.y1)
		ymax = max(ymax, q.y0, q.y1)
	}
	return xmin, xmax, ymin, ymax
}

// label is a text placed at a data coordinate.
type label struct {
	x, y   float64
	text   string
	colour color.Color
	xalign draw.XAlignment
	yalign draw.YAlignment
	dx, dy vg.Length
}

// textLabels is a plot.Plotter drawing texts at data coordinates; it does not
// change the data range.
type textLabels struct {
	ls   []label
	size vg.Length
}

// Plot implements plot.Plotter.
func (l textLabels) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	for _, t := range l.ls {
		col := t.colour
		if col == nil {
			col = color.Black
		}
		sty := textStyle(l.size)
		sty.Color, sty.XAlign, sty.YAlign = col, t.xalign, t.yalign
		c.FillText(sty, vg.Point{X: trX(t.x) + t.dx, Y: trY(t.y) + t.dy}, t.text)
	}
}

// referenceLine is the dashed line style of a refLine in colour col.
func referenceLine(col color.Color) draw.LineStyle {
	return draw.LineStyle{Color: col, Width: vg.Points(1.5), Dashes: []vg.Length{vg.Points(5), vg.Points(3)}}
}

// referenceLabel is the text style of the label of a refLine in
// colour col: left-aligned, aligned ya.
func referenceLabel(col color.Color, ya draw.YAlignment) text.Style {
	ts := textStyle(tickSize)
	ts.Color, ts.XAlign, ts.YAlign = col, draw.XLeft, ya
	return ts
}

// refLine is a plot.Plotter drawing a dashed reference line across the
// data area with a label: vertical at x = at, labelled at its top (left of
// the line in the right half), or horizontal at y = at, labelled at its left
// end.
type refLine struct {
	vertical bool
	at       float64
	text     string
	colour   color.Color
}

// Plot implements plot.Plotter.
func (l refLine) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	if !l.vertical {
		y := trY(l.at)
		c.StrokeLine2(referenceLine(l.colour), c.Min.X, y, c.Max.X, y)
		if l.text != "" {
			c.FillText(referenceLabel(l.colour, draw.YBottom), vg.Point{X: c.Min.X + vg.Points(4), Y: y + vg.Points(3)}, l.text)
		}
		return
	}
	x := trX(l.at)
	c.StrokeLine2(referenceLine(l.colour), x, c.Min.Y, x, c.Max.Y)
	if l.text != "" {
		ts := referenceLabel(l.colour, draw.YTop)
		dx := vg.Points(4)
		if x > (c.Min.X+c.Max.X)/2 {
			// In the right half the label goes left of the line.
			ts.XAlign, dx = draw.XRight, -dx
		}
		c.FillText(ts, vg.Point{X: x + dx, Y: c.Max.Y - vg.Points(4)}, l.text)
	}
}

// Thumbnail implements plot.Thumbnailer: a dashed line in the legend.
func (l refLine) Thumbnail(c *draw.Canvas) {
	y := (c.Min.Y + c.Max.Y) / 2
	c.StrokeLine2(referenceLine(l.colour), c.Min.X, y, c.Max.X, y)
}

// Truncate shortens s to at most n runes, ending with "…" when it cut.
//
// Truncate panics if n < 1.
func Truncate(s string, n int) string {
	if n < 1 {
		panic("chart: Truncate to fewer than 1 rune")
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// nominal sets the ticks of an axis to names at 0, 1, ... without tick
// marks.
func nominal(ax *plot.Axis, names []string) {
	ticks := make([]plot.Tick, len(names))
	for i, n := range names {
		ticks[i] = plot.Tick{Value: float64(i), Label: n}
	}
	ax.Tick.Marker = plot.ConstantTicks(ticks)
	ax.Tick.Length = 0
}
