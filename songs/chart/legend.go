package chart

import (
	"image/color"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// legend is a figure's legend. It is drawn in a column of its own at the
// right of the plots (beside), so that it never hides data, and shows
// every name in full: a name wider than the column wraps onto more lines.
type legend struct {
	entries []legendEntry
	// top places the column at the top of the figure; otherwise it is
	// centred vertically.
	top bool
	// maxFrac, if positive, replaces legendMaxFrac.
	maxFrac float64
}

// legendEntry is one entry of a legend: a name and the symbols drawn on
// top of each other before it.
type legendEntry struct {
	name   string
	thumbs []plot.Thumbnailer
}

// Legend geometry.
const (
	// legendMaxFrac is the largest share of a figure's width the legend
	// column takes before its names wrap.
	legendMaxFrac = 0.3
	thumbWidth    = vg.Length(18)
	thumbGap      = vg.Length(5)
	entryGap      = vg.Length(4)
	columnGap     = vg.Length(10)
	// rightPad keeps the legend's text off the figure's right edge, where
	// a rasterised line can come out a few pixels wider than measured.
	rightPad = vg.Length(6)
)

// add appends an entry.
func (l *legend) add(name string, thumbs ...plot.Thumbnailer) {
	l.entries = append(l.entries, legendEntry{name: name, thumbs: thumbs})
}

// layout returns the width of the legend column for a canvas w wide and
// the lines of each entry's name: names wrap at legendMaxFrac of w, or at
// the longest word if that is wider.
func (l *legend) layout(w vg.Length) (colW vg.Length, lines [][]string) {
	sty := textStyle(tickSize)
	var natural, word vg.Length
	for _, e := range l.entries {
		natural = max(natural, sty.Width(e.name))
		for _, f := range strings.Fields(e.name) {
			word = max(word, sty.Width(f))
		}
	}
	frac := legendMaxFrac
	if l.maxFrac > 0 {
		frac = l.maxFrac
	}
	limit := max(min(natural, vg.Length(frac)*w-thumbWidth-thumbGap), word)
	var textW vg.Length
	lines = make([][]string, len(l.entries))
	for i, e := range l.entries {
		lines[i] = wrap(sty, e.name, limit)
		for _, ln := range lines[i] {
			textW = max(textW, sty.Width(ln))
		}
	}
	return thumbWidth + thumbGap + textW, lines
}

// beside draws the legend in a column at the right of dc and returns the
// canvas left of it for the plots. With no entries it returns dc.
func (l *legend) beside(dc draw.Canvas) draw.Canvas {
	if len(l.entries) == 0 {
		return dc
	}
	colW, lines := l.layout(dc.Max.X - dc.Min.X - rightPad)
	col := dc
	col.Max.X = dc.Max.X - rightPad
	col.Min.X = col.Max.X - colW
	l.drawIn(col, lines)
	rest := dc
	rest.Max.X = col.Min.X - columnGap
	return rest
}

// drawIn draws the entries, lines as laid out, top-aligned or centred in
// col.
func (l *legend) drawIn(col draw.Canvas, lines [][]string) {
	sty := textStyle(tickSize)
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YTop
	lineH := sty.FontExtents().Height
	var total vg.Length
	for i := range lines {
		total += vg.Length(len(lines[i])) * lineH
		if i > 0 {
			total += entryGap
		}
	}
	y := col.Max.Y
	if !l.top {
		y = (col.Min.Y+col.Max.Y)/2 + total/2
	}
	for i, e := range l.entries {
		icon := draw.Canvas{Canvas: col.Canvas, Rectangle: vg.Rectangle{
			Min: vg.Point{X: col.Min.X, Y: y - lineH},
			Max: vg.Point{X: col.Min.X + thumbWidth, Y: y},
		}}
		for _, t := range e.thumbs {
			t.Thumbnail(&icon)
		}
		col.FillText(sty, vg.Point{X: col.Min.X + thumbWidth + thumbGap, Y: y}, strings.Join(lines[i], "\n"))
		y -= vg.Length(len(lines[i]))*lineH + entryGap
	}
}

// swatch is a legend thumbnail: a filled square of one colour.
type swatch struct {
	c color.Color
}

// Thumbnail implements plot.Thumbnailer.
func (s swatch) Thumbnail(c *draw.Canvas) {
	side := min(c.Max.X-c.Min.X, c.Max.Y-c.Min.Y) * 0.85
	mid := c.Center()
	lo := vg.Point{X: mid.X - side/2, Y: mid.Y - side/2}
	hi := vg.Point{X: mid.X + side/2, Y: mid.Y + side/2}
	c.FillPolygon(s.c, []vg.Point{lo, {X: hi.X, Y: lo.Y}, hi, {X: lo.X, Y: hi.Y}})
}

var _ plot.Thumbnailer = swatch{}
