package chart

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// HeatmapOptions adds the colour scale and number format to Options.
type HeatmapOptions struct {
	Options
	// Diverging selects Moreland's cool-warm map centred on 0 with limits
	// ±max|m| (±1 when every value is within [-1, 1], as for
	// correlations); otherwise a sequential white-to-blue map spans the
	// data's range.
	Diverging bool
	// Decimals is the number of decimals printed in each cell (default 2).
	Decimals int
}

// Heatmap draws the matrix m as coloured cells with each value printed in
// its cell, m[i][j] in row i (top to bottom, named rowLabels[i]) and
// column j (named colLabels[j]). Labels longer than MaxLabelRunes are
// truncated with an ellipsis. The diverging colour map is Moreland's smooth
// cool-warm map (Moreland K (2009), Diverging Color Maps for Scientific
// Visualization, ISVC).
//
// It returns an error wrapping ErrNoData, ErrNaN or ErrShape for empty,
// non-finite or mismatched input.
func Heatmap(m [][]float64, rowLabels, colLabels []string, o HeatmapOptions) (Figure, error) {
	nr, nc, err := checkMatrix("m", m)
	if err != nil {
		return Figure{}, err
	}
	if err := checkLen("rowLabels", len(rowLabels), nr); err != nil {
		return Figure{}, err
	}
	if err := checkLen("colLabels", len(colLabels), nc); err != nil {
		return Figure{}, err
	}
	dec := o.Decimals
	if dec <= 0 {
		dec = 2
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, r := range m {
		for _, v := range r {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	colourAt := sequential(lo, hi)
	scale := fmt.Sprintf("sequential scale from %s to %s", fmtNum(lo), fmtNum(hi))
	if o.Diverging {
		lim := max(math.Abs(lo), math.Abs(hi))
		if lim <= 1 {
			lim = 1
		}
		if lim == 0 {
			lim = 1
		}
		cm := moreland.SmoothBlueRed()
		cm.SetMin(-lim)
		cm.SetMax(lim)
		colourAt = func(v float64) color.Color {
			c, err := cm.At(v)
			if err != nil {
				panic("chart: heatmap colour out of range") // v is within ±lim by construction
			}
			return c
		}
		scale = fmt.Sprintf("diverging scale centred on 0, blue negative to red positive, limits ±%s", fmtNum(lim))
	}
	// Cells of about 0.6 x 0.42 inches, with room for the row names at the
	// left and the angled column names below.
	o.Options = o.Options.withSize(max(6*vg.Inch, vg.Length(nc)*0.6*vg.Inch+3*vg.Inch), max(2.6*vg.Inch, vg.Length(nr)*0.42*vg.Inch+1.8*vg.Inch))
	p := newPlot(o.XLabel, o.YLabel)
	var rs []rect
	var ls []label
	for i, row := range m {
		y := float64(nr - 1 - i)
		for j, v := range row {
			c := colourAt(v)
			rs = append(rs, rect{x0: float64(j) - 0.5, x1: float64(j) + 0.5, y0: y - 0.5, y1: y + 0.5, fill: c})
			ls = append(ls, label{x: float64(j), y: y, text: strconv.FormatFloat(v, 'f', dec, 64),
				colour: textOn(c), xalign: draw.XCenter, yalign: draw.YCenter})
		}
	}
	p.Add(rects{rs: rs, outline: draw.LineStyle{Color: color.White, Width: vg.Points(1)}})
	p.Add(textLabels{ls: ls, size: cellFont(nr, nc)})
	// Row names are shown in full, wrapped at 2.2 inches.
	rl := make([]string, nr)
	for i := range rowLabels {
		rl[nr-1-i] = strings.Join(wrap(p.Y.Tick.Label, rowLabels[i], 2.2*vg.Inch), "\n")
	}
	cl := make([]string, nc)
	for j := range colLabels {
		cl[j] = Truncate(colLabels[j], MaxLabelRunes)
	}
	nominal(&p.Y, rl)
	nominal(&p.X, cl)
	p.X.Tick.Label.Rotation = 0.6
	p.X.Tick.Label.XAlign = draw.XRight
	p.X.Tick.Label.YAlign = draw.YCenter
	// Invisible tick marks keep the rotated labels clear of the cells.
	p.X.Tick.Length = vg.Points(6)
	p.X.Tick.LineStyle.Color = color.Transparent
	p.X.Min, p.X.Max = -0.5, float64(nc)-0.5
	p.Y.Min, p.Y.Max = -0.5, float64(nr)-0.5
	p.X.Padding, p.Y.Padding = 0, 0
	p.X.Width, p.Y.Width = 0, 0
	alt := fmt.Sprintf("Annotated heatmap of %d rows (%s) by %d columns (%s), %s; values from %s to %s are printed in the cells.",
		nr, joinShort(rowLabels), nc, joinShort(colLabels), scale, fmtNum(lo), fmtNum(hi))
	return renderPlot(p, o.Options, alt)
}

// cellFont picks the annotation size so values fit in the cells.
func cellFont(nr, nc int) vg.Length {
	switch n := max(nr, nc); {
	case n <= 8:
		return tickSize
	case n <= 14:
		return tickSize - 1
	default:
		return tickSize - 2
	}
}

// sequential returns a colour map from near white at lo to Okabe-Ito blue
// at hi, linear in sRGB.
func sequential(lo, hi float64) func(float64) color.Color {
	from := [3]float64{0xF7, 0xFB, 0xFF}
	to := [3]float64{0x00, 0x45, 0x8A}
	return func(v float64) color.Color {
		t := 0.5
		if hi > lo {
			t = (v - lo) / (hi - lo)
		}
		var c [3]uint8
		for k := range c {
			c[k] = uint8(math.Round(from[k] + t*(to[k]-from[k])))
		}
		return color.RGBA{R: c[0], G: c[1], B: c[2], A: 0xFF}
	}
}

// textOn returns black or white, whichever reads better on background c
// (relative luminance per ITU-R BT.709 weights).
func textOn(c color.Color) color.Color {
	r, g, b, _ := c.RGBA()
	l := (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)) / 0xFFFF
	if l < 0.45 {
		return color.White
	}
	return color.Black
}
