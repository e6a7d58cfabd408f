package chart

import (
	"fmt"
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

// addSeries adds the line-and-points series s of x, y to p, styled as
// series number s, with a legend entry if name is not empty.
func addSeries(p *plot.Plot, s int, name string, x, y []float64, points bool) error {
	l, err := plotter.NewLine(xys(x, y))
	if err != nil {
		return fmt.Errorf("chart: series %q: %w", name, err)
	}
	l.LineStyle = draw.LineStyle{Color: Colour(s), Width: vg.Points(2), Dashes: dashes[s%len(dashes)]}
	p.Add(l)
	var thumbs []plot.Thumbnailer
	thumbs = append(thumbs, l)
	if points {
		sc, err := plotter.NewScatter(xys(x, y))
		if err != nil {
			return fmt.Errorf("chart: series %q: %w", name, err)
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: Colour(s), Radius: vg.Points(3), Shape: glyphs[s%len(glyphs)]}
		p.Add(sc)
		thumbs = append(thumbs, sc)
	}
	if name != "" {
		p.Legend.Add(name, thumbs...)
	}
	return nil
}

// checkXY validates paired coordinates.
func checkXY(x, y []float64, yname string) error {
	if err := checkFinite("x", x); err != nil {
		return err
	}
	if err := checkFinite(yname, y); err != nil {
		return err
	}
	return checkLen(yname, len(y), len(x))
}

// LineBand draws y against x as a line with points over a shaded band from
// lo to hi, e.g. a mean with its 95% confidence interval by year. name and
// bandName label the line and the band in the legend.
//
// It returns an error wrapping ErrNoData, ErrNaN or ErrShape for empty,
// non-finite or mismatched input, and an error if a band does not contain
// its line (lo[i] <= y[i] <= hi[i]).
func LineBand(x, y, lo, hi []float64, name, bandName string, o Options) (Figure, error) {
	if err := checkXY(x, y, "y"); err != nil {
		return Figure{}, err
	}
	if err := checkXY(x, lo, "lo"); err != nil {
		return Figure{}, err
	}
	if err := checkXY(x, hi, "hi"); err != nil {
		return Figure{}, err
	}
	for i := range y {
		if lo[i] > y[i] || y[i] > hi[i] {
			return Figure{}, fmt.Errorf("chart: band [%v, %v] at x = %v does not contain %v", lo[i], hi[i], x[i], y[i])
		}
	}
	idx := sortedIndex(x)
	band := make(plotter.XYs, 0, 2*len(x))
	for _, i := range idx {
		band = append(band, plotter.XY{X: x[i], Y: hi[i]})
	}
	for k := len(idx) - 1; k >= 0; k-- {
		band = append(band, plotter.XY{X: x[idx[k]], Y: lo[idx[k]]})
	}
	poly, err := plotter.NewPolygon(band)
	if err != nil {
		return Figure{}, fmt.Errorf("chart: band: %w", err)
	}
	poly.Color = withAlpha(colSky, 0.35)
	poly.LineStyle.Width = 0
	p := newPlot(o.Title, o.XLabel, o.YLabel)
	p.Add(plotter.NewGrid(), poly)
	p.Legend.Add(bandName, swatch{withAlpha(colSky, 0.35)})
	xs, ys := permute(x, idx), permute(y, idx)
	if err := addSeries(p, 3, name, xs, ys, true); err != nil {
		return Figure{}, err
	}
	p.Legend.Top = true
	png, err := render(o, func(dc draw.Canvas) { legendRight(dc, p) })
	if err != nil {
		return Figure{}, err
	}
	imax, imin := argmax(y), argmin(y)
	alt := fmt.Sprintf("Line chart of %s against %s with a shaded band (%s) over %d points; highest %s at %s, lowest %s at %s.",
		orName(name, o.YLabel), orName(o.XLabel, "x"), bandName, len(x), fmtNum(y[imax]), fmtNum(x[imax]), fmtNum(y[imin]), fmtNum(x[imin]))
	return Figure{PNG: png, Title: o.Title, Alt: alt}, nil
}

// Lines draws several series ys[s] against the shared x, each with its own
// Okabe-Ito colour, dash pattern and marker, named in a legend.
//
// It returns an error wrapping ErrNoData, ErrNaN or ErrShape for empty,
// non-finite or mismatched input.
func Lines(x []float64, ys [][]float64, names []string, o Options) (Figure, error) {
	p, err := linesPlot(x, ys, names, o)
	if err != nil {
		return Figure{}, err
	}
	png, err := render(o, func(dc draw.Canvas) { legendRight(dc, p) })
	if err != nil {
		return Figure{}, err
	}
	alt := fmt.Sprintf("Line chart of %d series (%s) of %s against %s over %d points.",
		len(ys), joinShort(names), orName(o.YLabel, "values"), orName(o.XLabel, "x"), len(x))
	return Figure{PNG: png, Title: o.Title, Alt: alt}, nil
}

// linesPlot builds the plot of Lines.
func linesPlot(x []float64, ys [][]float64, names []string, o Options) (*plot.Plot, error) {
	if len(ys) == 0 {
		return nil, fmt.Errorf("%w: no series", ErrNoData)
	}
	if err := checkLen("names", len(names), len(ys)); err != nil {
		return nil, err
	}
	p := newPlot(o.Title, o.XLabel, o.YLabel)
	p.Add(plotter.NewGrid())
	idx := sortedIndex(x)
	for s, y := range ys {
		if err := checkXY(x, y, names[s]); err != nil {
			return nil, err
		}
		if err := addSeries(p, s, names[s], permute(x, idx), permute(y, idx), true); err != nil {
			return nil, err
		}
	}
	p.Legend.Top = true
	return p, nil
}

// Elbow draws the within-cluster sum of squares (or any cost) against the
// number of clusters k with the chosen knee marked by a vertical dashed
// line labelled "knee: k = ..." (the knee itself is computed by the
// caller, e.g. by the Kneedle method of Satopää et al. 2011).
//
// It returns an error wrapping ErrNoData, ErrNaN or ErrShape for empty,
// non-finite or mismatched input.
func Elbow(k, cost []float64, knee float64, o Options) (Figure, error) {
	if err := checkXY(k, cost, "cost"); err != nil {
		return Figure{}, err
	}
	p := newPlot(o.Title, o.XLabel, o.YLabel)
	p.Add(plotter.NewGrid())
	idx := sortedIndex(k)
	if err := addSeries(p, 3, "", permute(k, idx), permute(cost, idx), true); err != nil {
		return Figure{}, err
	}
	p.Add(vline{x: knee, text: "knee: k = " + fmtNum(knee), colour: colVermilion})
	p.X.Tick.Marker = integerTicks{}
	png, err := renderPlot(p, o)
	if err != nil {
		return Figure{}, err
	}
	alt := fmt.Sprintf("Elbow plot of %s for k from %s to %s; the knee is marked at k = %s.",
		orName(o.YLabel, "cost"), fmtNum(slices.Min(k)), fmtNum(slices.Max(k)), fmtNum(knee))
	return Figure{PNG: png, Title: o.Title, Alt: alt}, nil
}

// InfoCriteria draws BIC and AIC (Schwarz 1978; Akaike 1974) against the
// number of components k, each with its minimum marked by a larger point
// and named in the legend ("BIC (min at k = 4)").
//
// It returns an error wrapping ErrNoData, ErrNaN or ErrShape for empty,
// non-finite or mismatched input.
func InfoCriteria(k, bic, aic []float64, o Options) (Figure, error) {
	if err := checkXY(k, bic, "bic"); err != nil {
		return Figure{}, err
	}
	if err := checkXY(k, aic, "aic"); err != nil {
		return Figure{}, err
	}
	kb, ka := k[argmin(bic)], k[argmin(aic)]
	names := []string{"BIC (min at k = " + fmtNum(kb) + ")", "AIC (min at k = " + fmtNum(ka) + ")"}
	p, err := linesPlot(k, [][]float64{bic, aic}, names, o)
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
	png, err := render(o, func(dc draw.Canvas) { legendRight(dc, p) })
	if err != nil {
		return Figure{}, err
	}
	alt := fmt.Sprintf("BIC and AIC against the number of components from %s to %s; BIC is lowest at k = %s and AIC at k = %s.",
		fmtNum(slices.Min(k)), fmtNum(slices.Max(k)), fmtNum(kb), fmtNum(ka))
	return Figure{PNG: png, Title: o.Title, Alt: alt}, nil
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
	p := newPlot(o.Title, o.XLabel, o.YLabel)
	p.Add(plotter.NewGrid())
	if err := addSeries(p, 3, "", rank, d, false); err != nil {
		return Figure{}, err
	}
	p.Add(hline{y: eps, text: "eps = " + fmtNum(eps), colour: colVermilion})
	png, err := renderPlot(p, o)
	if err != nil {
		return Figure{}, err
	}
	above := len(d) - sortSearch(d, eps)
	alt := fmt.Sprintf("Sorted k-distance curve of %d points from %s to %s, with eps = %s marked; %d points lie above it.",
		len(d), fmtNum(d[0]), fmtNum(d[len(d)-1]), fmtNum(eps), above)
	return Figure{PNG: png, Title: o.Title, Alt: alt}, nil
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

// integerTicks is a plot.Ticker with a labelled tick at every integer when
// the range is short, as for a number of clusters.
type integerTicks struct{}

// Ticks implements plot.Ticker.
func (integerTicks) Ticks(min, max float64) []plot.Tick {
	if max-min > 30 {
		return plot.DefaultTicks{}.Ticks(min, max)
	}
	var ts []plot.Tick
	for v := float64(int(min)); v <= max; v++ {
		if v >= min {
			ts = append(ts, plot.Tick{Value: v, Label: fmt.Sprintf("%.0f", v)})
		}
	}
	return ts
}
