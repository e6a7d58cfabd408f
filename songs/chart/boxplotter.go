package chart

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// hbox is a plot.Plotter drawing a horizontal Tukey box plot of a fiveNum
// centred at y = 0.5 in a plot whose y range is [0, 1].
type hbox struct {
	f    fiveNum
	fill color.Color
}

// Plot implements plot.Plotter.
func (b hbox) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	y0, y1, ym := trY(0.2), trY(0.8), trY(0.5)
	edge := draw.LineStyle{Color: OkabeIto[7], Width: vg.Points(1)}
	box := []vg.Point{
		{X: trX(b.f.Q1), Y: y0}, {X: trX(b.f.Q3), Y: y0},
		{X: trX(b.f.Q3), Y: y1}, {X: trX(b.f.Q1), Y: y1},
	}
	c.FillPolygon(b.fill, c.ClipPolygonXY(box))
	c.StrokeLines(edge, c.ClipLinesXY(append(box, box[0]))...)
	med := draw.LineStyle{Color: OkabeIto[7], Width: vg.Points(2.5)}
	c.StrokeLine2(med, trX(b.f.Median), y0, trX(b.f.Median), y1)
	// Whiskers and caps.
	capLo, capHi := trY(0.35), trY(0.65)
	c.StrokeLine2(edge, trX(b.f.Low), ym, trX(b.f.Q1), ym)
	c.StrokeLine2(edge, trX(b.f.Q3), ym, trX(b.f.High), ym)
	c.StrokeLine2(edge, trX(b.f.Low), capLo, trX(b.f.Low), capHi)
	c.StrokeLine2(edge, trX(b.f.High), capLo, trX(b.f.High), capHi)
	// Outliers as open circles.
	g := draw.GlyphStyle{Color: OkabeIto[7], Radius: vg.Points(2.5), Shape: draw.RingGlyph{}}
	for _, v := range b.f.Outliers {
		c.DrawGlyph(g, vg.Point{X: trX(v), Y: ym})
	}
}

// DataRange implements plot.DataRanger.
func (b hbox) DataRange() (xmin, xmax, ymin, ymax float64) {
	return b.f.Min, b.f.Max, 0, 1
}
