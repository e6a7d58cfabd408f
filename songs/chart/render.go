package chart

import (
	"bytes"
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// Font sizes shared by all charts; at 150 dpi they stay legible when a
// 7in-wide figure is shown at the width of a report page.
const (
	titleSize = 14
	labelSize = 12
	tickSize  = 10
)

// newPlot returns a plot with the title, axis labels and font sizes of o.
func newPlot(title, xlabel, ylabel string) *plot.Plot {
	p := plot.New()
	p.TextHandler = plainText
	p.Title.Text = title
	p.Title.TextStyle.Font.Size = titleSize
	p.Title.TextStyle.Handler = plainText
	p.Title.Padding = vg.Points(6)
	p.X.Label.Text = xlabel
	p.Y.Label.Text = ylabel
	for _, ax := range []*plot.Axis{&p.X, &p.Y} {
		ax.Label.TextStyle.Font.Size = labelSize
		ax.Label.TextStyle.Handler = plainText
		ax.Tick.Label.Font.Size = tickSize
		ax.Tick.Label.Handler = plainText
	}
	p.Legend.TextStyle.Font.Size = tickSize
	p.Legend.TextStyle.Handler = plainText
	return p
}

// render draws with draw onto a white w x h canvas at dpi and returns the
// PNG bytes.
func render(o Options, drawFn func(dc draw.Canvas)) ([]byte, error) {
	w, h, dpi := o.size()
	c := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(dpi))
	dc := draw.New(c)
	drawFn(dc)
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("chart: encoding PNG: %w", err)
	}
	return buf.Bytes(), nil
}

// renderPlot renders a single plot.
func renderPlot(p *plot.Plot, o Options) ([]byte, error) {
	return render(o, func(dc draw.Canvas) { p.Draw(dc) })
}

// drawTitle writes a centred title across the top of dc and returns the
// canvas below it.
func drawTitle(dc draw.Canvas, title string) draw.Canvas {
	if title == "" {
		return dc
	}
	sty := text.Style{
		Color:   OkabeIto[7],
		Font:    font.From(plot.DefaultFont, titleSize),
		XAlign:  draw.XCenter,
		YAlign:  draw.YTop,
		Handler: plainText,
	}
	pad := vg.Points(6)
	top := vg.Point{X: (dc.Min.X + dc.Max.X) / 2, Y: dc.Max.Y - pad}
	dc.FillText(sty, top, title)
	_, hgt, dep := sty.Handler.Box(title, sty.Font)
	return draw.Crop(dc, 0, 0, 0, -(hgt + dep + 2*pad))
}

// drawCaption writes a centred line of text across the bottom of dc and
// returns the canvas above it.
func drawCaption(dc draw.Canvas, caption string) draw.Canvas {
	if caption == "" {
		return dc
	}
	sty := text.Style{
		Color:   OkabeIto[7],
		Font:    font.From(plot.DefaultFont, tickSize),
		XAlign:  draw.XCenter,
		YAlign:  draw.YBottom,
		Handler: plainText,
	}
	pad := vg.Points(3)
	dc.FillText(sty, vg.Point{X: (dc.Min.X + dc.Max.X) / 2, Y: dc.Min.Y + pad}, caption)
	_, hgt, dep := sty.Handler.Box(caption, sty.Font)
	return draw.Crop(dc, 0, 0, hgt+dep+2*pad, 0)
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
	t := draw.Tiles{Rows: rows, Cols: cols, PadX: vg.Points(10), PadY: vg.Points(10),
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

// legendRight draws p with its legend moved out of the data area into a
// column at the right of dc, so that the legend never hides data.
func legendRight(dc draw.Canvas, p *plot.Plot) {
	leg := p.Legend
	p.Legend = plot.NewLegend()
	r := leg.Rectangle(dc)
	w := r.Max.X - r.Min.X + vg.Points(8)
	left := dc
	left.Max.X -= w
	p.Draw(left)
	col := dc
	col.Min.X = dc.Max.X - w
	leg.Top = false
	leg.Left = true
	leg.YOffs = 0
	// Centre the legend vertically in its column.
	hgt := r.Max.Y - r.Min.Y
	mid := (dc.Min.Y + dc.Max.Y) / 2
	col.Min.Y, col.Max.Y = mid-hgt/2, mid+hgt/2
	leg.Draw(col)
}
