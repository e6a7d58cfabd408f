package chart

import (
	"bytes"
	"fmt"
	"image/color"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// Typeface is the font family of every chart: Liberation Sans, which
// gonum/plot embeds, the sans-serif family the reports set their text in
// (its metrics are those of Arial and Helvetica, the fallbacks of the
// reports' style sheets).
var Typeface = font.Font{Typeface: "Liberation", Variant: "Sans"}

// Font sizes shared by all charts, in points. A figure is shown at its
// drawn size (report.DisplayFigure), so these are the sizes a reader sees,
// next to report text of about 10.5 pt.
const (
	titleSize = 13
	labelSize = 11
	tickSize  = 9.5
)

// textColour is the colour of titles and labels: near-black, softer than
// the black of the data.
var textColour = color.RGBA{R: 0x22, G: 0x22, B: 0x22, A: 0xFF}

// margin is the blank border around every figure.
var margin = vg.Points(6)

// textStyle returns the plain-text style of the charts at size points.
func textStyle(size vg.Length) text.Style {
	return text.Style{Color: textColour, Font: font.From(Typeface, size), Handler: plainText}
}

// newPlot returns a plot with the axis labels, fonts and tick marks of the
// charts: round-number ticks, every one labelled (niceTicks). The figure's
// title is drawn by render across the whole figure; panels of a grid set
// theirs with setPanelTitle.
func newPlot(xlabel, ylabel string) *plot.Plot {
	p := plot.New()
	p.TextHandler = plainText
	restyle(&p.Title.TextStyle, titleSize)
	p.X.Label.Text = xlabel
	p.Y.Label.Text = ylabel
	for _, ax := range []*plot.Axis{&p.X, &p.Y} {
		restyle(&ax.Label.TextStyle, labelSize)
		restyle(&ax.Tick.Label, tickSize)
		ax.Tick.Marker = niceTicks{}
		ax.Tick.Length = vg.Points(5)
		ax.Label.Padding = vg.Points(4)
	}
	restyle(&p.Legend.TextStyle, tickSize)
	return p
}

// restyle sets the font, size, colour and text handler of the charts on
// s, keeping its alignment.
func restyle(s *text.Style, size vg.Length) {
	s.Font = font.From(Typeface, size)
	s.Color = textColour
	s.Handler = plainText
}

// setPanelTitle gives a panel of a grid its own title at size points.
func setPanelTitle(p *plot.Plot, title string, size vg.Length) {
	p.Title.Text = title
	restyle(&p.Title.TextStyle, size)
	p.Title.Padding = vg.Points(4)
}

// render draws a figure of o's size and resolution on a white canvas: o's
// title wrapped across the whole width at the top (never clipped, however
// long), then drawFn in the rest. It returns the Figure with its PNG.
func render(o Options, alt string, drawFn func(dc draw.Canvas)) (Figure, error) {
	w, h, dpi := o.size()
	c := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(dpi))
	dc := draw.New(c)
	dc.FillPolygon(color.White, []vg.Point{dc.Min, {X: dc.Max.X, Y: dc.Min.Y}, dc.Max, {X: dc.Min.X, Y: dc.Max.Y}})
	dc = draw.Crop(dc, margin, -margin, margin, -margin)
	dc = drawTitle(dc, o.Title)
	drawFn(dc)
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(&buf); err != nil {
		return Figure{}, fmt.Errorf("chart: encoding PNG: %w", err)
	}
	return Figure{PNG: buf.Bytes(), Title: o.Title, Alt: alt, Caption: o.Caption, Width: w, Height: h}, nil
}

// renderPlot renders a single plot without a legend.
func renderPlot(p *plot.Plot, o Options, alt string) (Figure, error) {
	return render(o, alt, func(dc draw.Canvas) { p.Draw(dc) })
}

// renderLegend renders a single plot with its legend in a column at the
// right (see legend.draw).
func renderLegend(p *plot.Plot, leg *legend, o Options, alt string) (Figure, error) {
	return render(o, alt, func(dc draw.Canvas) { p.Draw(leg.beside(dc)) })
}

// drawTitle writes title centred across the top of dc, wrapped onto as
// many lines as its width needs, and returns the canvas below it.
func drawTitle(dc draw.Canvas, title string) draw.Canvas {
	if title == "" {
		return dc
	}
	sty, txt := centredText(dc, titleSize, draw.YTop, title)
	pad := vg.Points(4)
	dc.FillText(sty, vg.Point{X: (dc.Min.X + dc.Max.X) / 2, Y: dc.Max.Y}, txt)
	return draw.Crop(dc, 0, 0, 0, -(sty.Height(txt) + pad))
}

// drawCaption writes a centred line of text across the bottom of dc and
// returns the canvas above it.
func drawCaption(dc draw.Canvas, caption string) draw.Canvas {
	if caption == "" {
		return dc
	}
	sty, txt := centredText(dc, tickSize, draw.YBottom, caption)
	pad := vg.Points(3)
	dc.FillText(sty, vg.Point{X: (dc.Min.X + dc.Max.X) / 2, Y: dc.Min.Y + pad}, txt)
	return draw.Crop(dc, 0, 0, sty.Height(txt)+2*pad, 0)
}

// centredText returns the text style of size, centred across the width and
// aligned ya, and s wrapped to the width of dc in it: the title and the
// caption of a figure.
func centredText(dc draw.Canvas, size vg.Length, ya draw.YAlignment, s string) (text.Style, string) {
	sty := textStyle(size)
	sty.XAlign, sty.YAlign = draw.XCenter, ya
	return sty, strings.Join(wrap(sty, s, dc.Max.X-dc.Min.X), "\n")
}

// wrap breaks s at spaces into lines no wider than w in style sty. A word
// wider than w gets a line of its own: wrapping never cuts a word.
// Existing line breaks are kept.
func wrap(sty text.Style, s string, w vg.Length) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			switch {
			case line == "":
				line = word
			case sty.Width(line+" "+word) <= w:
				line += " " + word
			default:
				lines = append(lines, line)
				line = word
			}
		}
		lines = append(lines, line)
	}
	return lines
}

// stackV draws plots top to bottom in dc, plot i taking the fraction
// fracs[i] of the height, with their data areas aligned horizontally so
// that plots sharing an x range share an x axis.
func stackV(dc draw.Canvas, plots []*plot.Plot, fracs []float64) {
	if len(plots) != len(fracs) {
		panic("chart: stackV length mismatch")
	}
	var total float64
	for _, f := range fracs {
		total += f
	}
	cs := make([]draw.Canvas, len(plots))
	hgt := dc.Max.Y - dc.Min.Y
	top := dc.Max.Y
	for i, f := range fracs {
		h := vg.Length(f/total) * hgt
		c := dc
		c.Max.Y = top
		c.Min.Y = top - h
		top -= h
		cs[i] = c
	}
	var left, right vg.Length
	for i, p := range plots {
		da := p.DataCanvas(cs[i])
		left = max(left, da.Min.X-cs[i].Min.X)
		right = max(right, cs[i].Max.X-da.Max.X)
	}
	for i, p := range plots {
		da := p.DataCanvas(cs[i])
		l := left - (da.Min.X - cs[i].Min.X)
		r := right - (cs[i].Max.X - da.Max.X)
		p.Draw(draw.Crop(cs[i], l, -r, 0, 0))
	}
}

// tiles splits dc into a rows x cols grid of canvases, row-major.
func tiles(dc draw.Canvas, rows, cols int) []draw.Canvas {
	t := draw.Tiles{Rows: rows, Cols: cols, PadX: vg.Points(14), PadY: vg.Points(12),
		PadTop: vg.Points(2), PadBottom: vg.Points(2), PadLeft: vg.Points(2), PadRight: vg.Points(6)}
	out := make([]draw.Canvas, 0, rows*cols)
	for r := range rows {
		for c := range cols {
			out = append(out, t.At(dc, c, r))
		}
	}
	return out
}

// unlabelled is a plot.Ticker keeping the tick positions of its Ticker but
// dropping their labels, for an axis whose labels another plot shows.
type unlabelled struct{ plot.Ticker }

// Ticks implements plot.Ticker.
func (u unlabelled) Ticks(min, max float64) []plot.Tick {
	ts := u.Ticker.Ticks(min, max)
	for i := range ts {
		ts[i].Label = ""
	}
	return ts
}

// plainText draws labels verbatim: data such as "{{7*7}}" or "$x$" in a
// title is never interpreted as markup.
var plainText = text.Plain{Fonts: font.DefaultCache}
