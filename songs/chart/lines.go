package chart

import (
	"fmt"
	"image/color"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// dashes are the line dash patterns of successive series, so that series
// differ by more than colour.
var dashes = [][]vg.Length{
	nil,
	{vg.Points(6), vg.Points(3)},
	{vg.Points(2), vg.Points(2)},
	{vg.Points(8), vg.Points(3), vg.Points(2), vg.Points(3)},
}

// glyphs are the point markers of successive series.
var glyphs = []draw.GlyphDrawer{draw.CircleGlyph{}, draw.SquareGlyph{}, draw.TriangleGlyph{}, draw.PyramidGlyph{}, draw.CrossGlyph{}, draw.PlusGlyph{}}

// xys returns the points (x[i], y[i]).
func xys(x, y []float64) plotter.XYs {
	pts := make(plotter.XYs, len(x))
	for i := range x {
		pts[i].X, pts[i].Y = x[i], y[i]
	}
	return pts
}

// runs returns the index ranges [from, to) of the runs of x (sorted) and
// y that a line joins: y is not NaN throughout, and, when step > 0,
// consecutive x are no more than step apart.
func runs(x, y []float64, step float64) [][2]int {
	var out [][2]int
	from := -1
	for i := range x {
		if math.IsNaN(y[i]) {
			if from >= 0 {
				out = append(out, [2]int{from, i})
				from = -1
			}
			continue
		}
		if from >= 0 && step > 0 && x[i]-x[i-1] > step*(1+1e-9) {
			out = append(out, [2]int{from, i})
			from = -1
		}
		if from < 0 {
			from = i
		}
	}
	if from >= 0 {
		out = append(out, [2]int{from, len(x)})
	}
	return out
}

// seriesStyle is how series number s of a chart is drawn; a chart of one
// series draws it as series 0 of soloStyle.
type seriesStyle struct {
	colour color.Color
	dashes []vg.Length
	glyph  draw.GlyphDrawer
}

// styleOf returns the style of series s: its Okabe-Ito colour, dash
// pattern and marker, so that series differ by more than colour.
func styleOf(s int) seriesStyle {
	return seriesStyle{colour: Colour(s), dashes: dashes[s%len(dashes)], glyph: glyphs[s%len(glyphs)]}
}

// soloStyle is the style of the only series of a chart: solid blue.
var soloStyle = seriesStyle{colour: colBlue, glyph: draw.CircleGlyph{}}

// addSeries adds the series (x, y) (x sorted) in style st to p: a line
// through each run of joined points (see runs: NaN values and gaps wider
// than step break it) and, with points, a marker at every point, so that a
// lone point between gaps stays visible. It adds a legend entry if name is
// not empty.
func addSeries(p *plot.Plot, leg *legend, st seriesStyle, name string, x, y []float64, points bool, step float64) error {
	ls := draw.LineStyle{Color: st.colour, Width: vg.Points(2), Dashes: st.dashes}
	var thumbs []plot.Thumbnailer
	for _, r := range runs(x, y, step) {
		if r[1]-r[0] < 2 {
			continue
		}
		l, err := plotter.NewLine(xys(x[r[0]:r[1]], y[r[0]:r[1]]))
		if err != nil {
			return fmt.Errorf("chart: series %q: %w", name, err)
		}
		l.LineStyle = ls
		p.Add(l)
		if thumbs == nil {
			thumbs = append(thumbs, l)
		}
	}
	if thumbs == nil {
		thumbs = append(thumbs, lineThumb{ls})
	}
	if points {
		var pts plotter.XYs
		for i := range x {
			if !math.IsNaN(y[i]) {
				pts = append(pts, plotter.XY{X: x[i], Y: y[i]})
			}
		}
		sc, err := plotter.NewScatter(pts)
		if err != nil {
			return fmt.Errorf("chart: series %q: %w", name, err)
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: st.colour, Radius: vg.Points(2.5), Shape: st.glyph}
		p.Add(sc)
		thumbs = append(thumbs, sc)
	}
	if name != "" && leg != nil {
		leg.add(name, thumbs...)
	}
	return nil
}

// lineThumb is a legend thumbnail of a line style.
type lineThumb struct{ draw.LineStyle }

// Thumbnail implements plot.Thumbnailer.
func (l lineThumb) Thumbnail(c *draw.Canvas) {
	y := (c.Min.Y + c.Max.Y) / 2
	c.StrokeLine2(l.LineStyle, c.Min.X, y, c.Max.X, y)
}

// checkXY validates paired coordinates: x finite, y finite or, where
// missing is set, NaN (a missing value), and at least one value of y.
func checkXY(x, y []float64, yname string, missing bool) error {
	if err := checkFinite("x", x); err != nil {
		return err
	}
	if err := checkLen(yname, len(y), len(x)); err != nil {
		return err
	}
	if !missing {
		return checkFinite(yname, y)
	}
	seen := false
	for i, v := range y {
		if math.IsInf(v, 0) {
			return fmt.Errorf("%w: %s[%d] = %v", ErrNaN, yname, i, v)
		}
		seen = seen || !math.IsNaN(v)
	}
	if !seen {
		return fmt.Errorf("%w: %s has no value (all NaN)", ErrNoData, yname)
	}
	return nil
}

// lineWidth, lineHeight are the default size of the line charts with a
// legend; soloWidth, soloHeight of a chart of one line.
var (
	lineWidth, lineHeight = 7 * vg.Inch, 3.6 * vg.Inch
	soloWidth, soloHeight = 6 * vg.Inch, 3.2 * vg.Inch
)

// LineBand draws y against x as a line with points over a shaded band from
// lo to hi, e.g. a mean with its 95% confidence interval by year. name and
// bandName label the line and the band in the legend. A NaN in y (with lo
// and hi) is a missing value, and with o.XStep set points further apart
// are not joined: the line and the band break there instead of bridging
// the gap, and a lone point shows its interval as a vertical bar.
//
// It returns an error wrapping ErrNoData, ErrNaN or ErrShape for empty,
// infinite or mismatched input, and an error if a band does not contain
// its line (lo[i] <= y[i] <= hi[i]).
func LineBand(x, y, lo, hi []float64, name, bandName string, o Options) (Figure, error) {
	for _, c := range []struct {
		v    []float64
		name string
	}{{y, "y"}, {lo, "lo"}, {hi, "hi"}} {
		if err := checkXY(x, c.v, c.name, true); err != nil {
			return Figure{}, err
		}
	}
	for i := range y {
		if math.IsNaN(y[i]) {
			continue
		}
		if !(lo[i] <= y[i] && y[i] <= hi[i]) {
			return Figure{}, fmt.Errorf("chart: band [%v, %v] at x = %v does not contain %v", lo[i], hi[i], x[i], y[i])
		}
	}
	o = o.withSize(lineWidth, lineHeight)
	idx := sortedIndex(x)
	xs, ys, los, his := permute(x, idx), permute(y, idx), permute(lo, idx), permute(hi, idx)
	p := newPlot(o.XLabel, o.YLabel)
	p.Add(plotter.NewGrid())
	bandColour := withAlpha(colSky, 0.35)
	for _, r := range runs(xs, ys, o.XStep) {
		if r[1]-r[0] == 1 {
			i := r[0]
			p.Add(vsegment{x: xs[i], y0: los[i], y1: his[i], style: draw.LineStyle{Color: colSky, Width: vg.Points(4)}})
			continue
		}
		band := make(plotter.XYs, 0, 2*(r[1]-r[0]))
		for i := r[0]; i < r[1]; i++ {
			band = append(band, plotter.XY{X: xs[i], Y: his[i]})
		}
		for i := r[1] - 1; i >= r[0]; i-- {
			band = append(band, plotter.XY{X: xs[i], Y: los[i]})
		}
		poly, err := plotter.NewPolygon(band)
		if err != nil {
			return Figure{}, fmt.Errorf("chart: band: %w", err)
		}
		poly.Color = bandColour
		poly.LineStyle.Width = 0
		p.Add(poly)
	}
	var leg legend
	leg.add(bandName, swatch{bandColour})
	if err := addSeries(p, &leg, soloStyle, name, xs, ys, true, o.XStep); err != nil {
		return Figure{}, err
	}
	imax, imin := argmaxFinite(y), argminFinite(y)
	alt := fmt.Sprintf("Line chart of %s against %s with a shaded band (%s) over %d points; highest %s at %s, lowest %s at %s.",
		orName(name, o.YLabel), orName(o.XLabel, "x"), bandName, countFinite(y), fmtNum(y[imax]), fmtNum(x[imax]), fmtNum(y[imin]), fmtNum(x[imin]))
	if gaps := len(runs(xs, ys, o.XStep)) - 1; gaps > 0 {
		alt += fmt.Sprintf(" The line breaks at %d gaps without data.", gaps)
	}
	return renderLegend(p, &leg, o, alt)
}

// vsegment is a plot.Plotter drawing a vertical segment from (x, y0) to
// (x, y1): the interval of a lone point of a band.
type vsegment struct {
	x, y0, y1 float64
	style     draw.LineStyle
}

// Plot implements plot.Plotter.
func (v vsegment) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	c.StrokeLine2(v.style, trX(v.x), trY(v.y0), trX(v.x), trY(v.y1))
}

// DataRange implements plot.DataRanger.
func (v vsegment) DataRange() (xmin, xmax, ymin, ymax float64) {
	return v.x, v.x, min(v.y0, v.y1), max(v.y0, v.y1)
}

// Lines draws several series ys[s] against the shared x, each with its own
// Okabe-Ito colour, dash pattern and marker, named in a legend at the
// right (full names, wrapped). A NaN in a series is a missing value, and
// with o.XStep set points further apart are not joined: the line breaks
// there instead of bridging the gap.
//
// It returns an error wrapping ErrNoData, ErrNaN or ErrShape for empty,
// infinite or mismatched input.
func Lines(x []float64, ys [][]float64, names []string, o Options) (Figure, error) {
	o = o.withSize(lineWidth, lineHeight)
	p, leg, err := linesPlot(x, ys, names, o)
	if err != nil {
		return Figure{}, err
	}
	alt := fmt.Sprintf("Line chart of %d series (%s) of %s against %s over %d points.",
		len(ys), joinShort(names), orName(o.YLabel, "values"), orName(o.XLabel, "x"), len(x))
	return renderLegend(p, leg, o, alt)
}

// linesPlot builds the plot and legend of Lines.
func linesPlot(x []float64, ys [][]float64, names []string, o Options) (*plot.Plot, *legend, error) {
	if len(ys) == 0 {
		return nil, nil, fmt.Errorf("%w: no series", ErrNoData)
	}
	if err := checkLen("names", len(names), len(ys)); err != nil {
		return nil, nil, err
	}
	p := newPlot(o.XLabel, o.YLabel)
	p.Add(plotter.NewGrid())
	var leg legend
	idx := sortedIndex(x)
	for s, y := range ys {
		if err := checkXY(x, y, names[s], true); err != nil {
			return nil, nil, err
		}
		if err := addSeries(p, &leg, styleOf(s), names[s], permute(x, idx), permute(y, idx), true, o.XStep); err != nil {
			return nil, nil, err
		}
	}
	return p, &leg, nil
}

// Elbow draws the within-cluster sum of squares (or any cost) against the
// number of clusters k with the chosen knee marked by a vertical dashed
// line labelled "knee: k = ..." (the knee itself is computed by the
// caller, e.g. by the Kneedle method of Satopää et al. 2011).
//
// It returns an error wrapping ErrNoData, ErrNaN or ErrShape for empty,
// non-finite or mismatched input.
func Elbow(k, cost []float64, knee float64, o Options) (Figure, error) {
	if err := checkXY(k, cost, "cost", false); err != nil {
		return Figure{}, err
	}
	o = o.withSize(soloWidth, soloHeight)
	p := newPlot(o.XLabel, o.YLabel)
	p.Add(plotter.NewGrid())
	idx := sortedIndex(k)
	if err := addSeries(p, nil, soloStyle, "", permute(k, idx), permute(cost, idx), true, 0); err != nil {
		return Figure{}, err
	}
	p.Add(refLine{vertical: true, at: knee, text: "knee: k = " + fmtNum(knee), colour: colVermilion})
	p.X.Tick.Marker = integerTicks{}
	alt := fmt.Sprintf("Elbow plot of %s for k from %s to %s; the knee is marked at k = %s.",
		orName(o.YLabel, "cost"), fmtNum(slices.Min(k)), fmtNum(slices.Max(k)), fmtNum(knee))
	return renderPlot(p, o, alt)
}

// InfoCriteria draws BIC and AIC (Schwarz 1978; Akaike 1974) against the
// number of components k, each with its minimum marked by a larger point
// and named in the legend ("BIC (min at k = 4)").
//
// It returns an error wrapping ErrNoData, ErrNaN or ErrShape for empty,
// non-finite or mismatched input.
func InfoCriteria(k, bic, aic []float64, o Options) (Figure, error) {
	if err := checkXY(k, bic, "bic", false); err != nil {
		return Figure{}, err
	}
	if err := checkXY(k, aic, "aic", false); err != nil {
		return Figure{}, err
	}
	o = o.withSize(lineWidth, lineHeight)
	kb, ka := k[argmin(bic)], k[argmin(aic)]
	names := []string{"BIC (min at k = " + fmtNum(kb) + ")", "AIC (min at k = " + fmtNum(ka) + ")"}
	p, leg, err := linesPlot(k, [][]float64{bic, aic}, names, o)
	if err != nil {
		return Figure{}, err
	}
	for s, v := range [][]float64{bic, aic} {
		i := argmin(v)
		sc, err := plotter.NewScatter(plotter.XYs{{X: k[i], Y: v[i]}})
		if err != nil {
			return Figure{}, err
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: Colour(s), Radius: vg.Points(7), Shape: draw.RingGlyph{}}
		p.Add(sc)
	}
	p.X.Tick.Marker = integerTicks{}
	alt := fmt.Sprintf("BIC and AIC against the number of components from %s to %s; BIC is lowest at k = %s and AIC at k = %s.",
		fmtNum(slices.Min(k)), fmtNum(slices.Max(k)), fmtNum(kb), fmtNum(ka))
	return renderLegend(p, leg, o, alt)
}

// KDistance draws the k-distance curve used to choose DBSCAN's eps (Ester
// et al. 1996, section 4.2): the distances of every point to its k-th
// nearest neighbour, sorted ascending, against their rank, with the chosen
// eps marked by a horizontal dashed line.
//
// It returns an error wrapping ErrNoData or ErrNaN for empty or
// non-finite input.
func KDistance(dist []float64, eps float64, o Options) (Figure, error) {
	if err := checkFinite("dist", dist); err != nil {
		return Figure{}, err
	}
	d := slices.Clone(dist)
	slices.Sort(d)
	rank := make([]float64, len(d))
	for i := range rank {
		rank[i] = float64(i + 1)
	}
	o = o.withSize(soloWidth, soloHeight)
	p := newPlot(o.XLabel, o.YLabel)
	p.Add(plotter.NewGrid())
	if err := addSeries(p, nil, soloStyle, "", rank, d, false, 0); err != nil {
		return Figure{}, err
	}
	p.Add(refLine{at: eps, text: "eps = " + fmtNum(eps), colour: colVermilion})
	above := len(d) - sortSearch(d, eps)
	alt := fmt.Sprintf("Sorted k-distance curve of %d points from %s to %s, with eps = %s marked; %d points lie above it.",
		len(d), fmtNum(d[0]), fmtNum(d[len(d)-1]), fmtNum(eps), above)
	return renderPlot(p, o, alt)
}

// sortSearch returns the number of values in sorted d that are <= v.
func sortSearch(d []float64, v float64) int {
	i, _ := slices.BinarySearchFunc(d, v, func(a, b float64) int {
		if a <= b {
			return -1
		}
		return 1
	})
	return i
}

// sortedIndex returns the indices of x in ascending order of x (stable).
func sortedIndex(x []float64) []int {
	idx := make([]int, len(x))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case x[a] < x[b]:
			return -1
		case x[a] > x[b]:
			return 1
		}
		return 0
	})
	return idx
}

// permute returns x reordered by idx.
func permute(x []float64, idx []int) []float64 {
	out := make([]float64, len(idx))
	for k, i := range idx {
		out[k] = x[i]
	}
	return out
}

// argminFinite and argmaxFinite return the index of the first smallest
// and largest value of x that is not NaN (x holds at least one).
func argminFinite(x []float64) int {
	j := -1
	for i, v := range x {
		if !math.IsNaN(v) && (j < 0 || v < x[j]) {
			j = i
		}
	}
	return j
}

func argmaxFinite(x []float64) int {
	j := -1
	for i, v := range x {
		if !math.IsNaN(v) && (j < 0 || v > x[j]) {
			j = i
		}
	}
	return j
}

// countFinite returns how many values of x are not NaN.
func countFinite(x []float64) int {
	n := 0
	for _, v := range x {
		if !math.IsNaN(v) {
			n++
		}
	}
	return n
}

// argmin returns the index of the first smallest value of x.
func argmin(x []float64) int {
	j := 0
	for i, v := range x {
		if v < x[j] {
			j = i
		}
	}
	return j
}

// argmax returns the index of the first largest value of x.
func argmax(x []float64) int {
	j := 0
	for i, v := range x {
		if v > x[j] {
			j = i
		}
	}
	return j
}
