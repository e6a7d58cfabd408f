package chart

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// maxHistBins caps the automatic number of histogram bins.
const maxHistBins = 60

// histBoxPlots builds the two plots of a histogram-with-box figure for x:
// a histogram of counts with a Gaussian KDE curve (Scott's bandwidth)
// scaled to the same counts on top, and a horizontal Tukey box plot
// (whiskers at 1.5 IQR, outliers as circles) below on the same x range.
// x must be finite and non-empty. The KDE and histogram are added to leg
// when it is not nil.
func histBoxPlots(x []float64, xlabel, ylabel string, leg *legend) (top, bottom *plot.Plot, f fiveNum, err error) {
	f = tukey(x)
	lo, hi := f.Min, f.Max
	if lo == hi {
		lo, hi = lo-0.5, hi+0.5
	}
	kLo, kHi := lo, hi
	pad := 0.02 * (hi - lo)
	lo, hi = lo-pad, hi+pad
	bins := autoBins(x, maxHistBins)
	hist, err := plotter.NewHist(plotter.Values(x), bins)
	if err != nil {
		return nil, nil, f, fmt.Errorf("chart: histogram: %w", err)
	}
	hist.FillColor = withAlpha(colSky, 0.75)
	hist.LineStyle.Color = colBlue
	hist.LineStyle.Width = vg.Points(0.5)

	top = newPlot("", orName(ylabel, "count"))
	top.Add(hist)
	if h := scottBandwidth(x); h > 0 {
		const n = 256
		at := make([]float64, n)
		for i := range at {
			at[i] = kLo + (kHi-kLo)*float64(i)/float64(n-1)
		}
		// A density times the count and the bin width is in counts per bin.
		scale := float64(len(x)) * hist.Width
		d := gaussianKDE(x, at, h)
		xy := make(plotter.XYs, n)
		for i := range xy {
			xy[i].X, xy[i].Y = at[i], d[i]*scale
		}
		kde, err := plotter.NewLine(xy)
		if err != nil {
			return nil, nil, f, fmt.Errorf("chart: density line: %w", err)
		}
		kde.LineStyle.Color = colVermilion
		kde.LineStyle.Width = vg.Points(2)
		top.Add(kde)
		if leg != nil {
			leg.add("histogram", swatch{withAlpha(colSky, 0.75)})
			leg.add("density (Gaussian KDE)", kde)
		}
	}
	top.Y.Min = 0
	top.X.Min, top.X.Max = lo, hi
	// The box plot below carries the tick labels of the shared x axis.
	top.X.Tick.Marker = unlabelled{niceTicks{}}
	top.X.Padding = 0

	bottom = newPlot(xlabel, "")
	bottom.Add(hbox{f: f, fill: withAlpha(colSky, 0.75)})
	bottom.X.Min, bottom.X.Max = lo, hi
	bottom.Y.Min, bottom.Y.Max = 0, 1
	bottom.HideY()
	bottom.Y.Label.Text = " "
	return top, bottom, f, nil
}

// describe returns the alt-text sentence of a histogram-with-box figure.
func describe(name string, n int, f fiveNum) string {
	return fmt.Sprintf("%s of %d values: median %s, interquartile range %s to %s, range %s to %s, %d outliers on or beyond the 1.5 IQR fences",
		name, n, fmtNum(f.Median), fmtNum(f.Q1), fmtNum(f.Q3), fmtNum(f.Min), fmtNum(f.Max), len(f.Outliers))
}

// fmtNum formats v with four significant digits for alt texts.
func fmtNum(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e9 {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.4g", v)
}

// HistogramBox draws the distribution of one variable: a histogram of
// counts with a Gaussian kernel density curve over it scaled to the same
// counts (bandwidth by Scott's rule, as scipy.stats.gaussian_kde), and
// below it, on the same x
// axis, a horizontal Tukey box plot (box from the first to the third
// quartile, numpy's linear quantiles; whiskers to the most extreme values
// strictly inside the fences at 1.5 IQR; values on or beyond a fence, the
// outliers of stats.Fences.Outside, drawn as circles). The number of bins is
// numpy's "auto" rule (the larger of Sturges and Freedman-Diaconis).
//
// o.XLabel names the variable with its unit (pass durations in minutes
// with "duration (min)"); o.YLabel names what is counted (default
// "count", e.g. "tracks"). It returns an error wrapping ErrNoData for
// empty x and ErrNaN for non-finite values.
func HistogramBox(x []float64, o Options) (Figure, error) {
	if err := checkFinite("x", x); err != nil {
		return Figure{}, err
	}
	var leg legend
	top, bottom, f, err := histBoxPlots(x, o.XLabel, o.YLabel, &leg)
	if err != nil {
		return Figure{}, err
	}
	o = o.withSize(soloWidth, soloHeight)
	alt := "Histogram with density curve and box plot. " + describe(orName(o.XLabel, o.Title), len(x), f) + "."
	return render(o, alt, func(dc draw.Canvas) {
		stackV(leg.beside(dc), []*plot.Plot{top, bottom}, []float64{0.78, 0.22})
	})
}

// HistogramBoxGrid draws several HistogramBox panels as small multiples in
// one figure, cols panels per row, under the common title o.Title. Panel i
// shows xs[i] titled names[i] (a name with its unit, e.g. "Tempo (BPM)");
// every panel's y axis counts o.YLabel (default "count"). Zero o.Width and
// o.Height give 3 inches per column and 2.3 inches per row. It returns an
// error wrapping ErrNoData, ErrNaN or ErrShape when a panel's data is
// empty or non-finite or names does not match xs.
//
// HistogramBoxGrid panics if cols < 1.
func HistogramBoxGrid(xs [][]float64, names []string, cols int, o Options) (Figure, error) {
	if cols < 1 {
		panic("chart: HistogramBoxGrid with cols < 1")
	}
	if len(xs) == 0 {
		return Figure{}, fmt.Errorf("%w: no panels", ErrNoData)
	}
	if err := checkLen("names", len(names), len(xs)); err != nil {
		return Figure{}, err
	}
	cols = min(cols, len(xs))
	rows := (len(xs) + cols - 1) / cols
	o = o.withSize(vg.Length(cols)*3*vg.Inch, vg.Length(rows)*2.3*vg.Inch+0.4*vg.Inch)
	type panel struct{ top, bottom *plot.Plot }
	panels := make([]panel, len(xs))
	alt := fmt.Sprintf("Small multiples of %d histograms (counts of %s) with density curves and box plots.", len(xs), orName(o.YLabel, "values"))
	for i, x := range xs {
		if err := checkFinite(names[i], x); err != nil {
			return Figure{}, err
		}
		top, bottom, f, err := histBoxPlots(x, "", o.YLabel, nil)
		if err != nil {
			return Figure{}, err
		}
		setPanelTitle(top, names[i], labelSize)
		// Fewer ticks fit the width of a panel.
		top.X.Tick.Marker = unlabelled{niceTicks{n: 3}}
		bottom.X.Tick.Marker = niceTicks{n: 3}
		top.Y.Tick.Marker = niceTicks{n: 3}
		top.Y.Label.TextStyle.Font.Size = tickSize
		top.Y.Tick.Label.Font.Size = tickSize - 1.5
		bottom.X.Tick.Label.Font.Size = tickSize - 1
		panels[i] = panel{top, bottom}
		alt += " " + describe(names[i], len(x), f) + "."
	}
	return render(o, alt, func(dc draw.Canvas) {
		cells := tiles(dc, rows, cols)
		for i, p := range panels {
			stackV(cells[i], []*plot.Plot{p.top, p.bottom}, []float64{0.76, 0.24})
		}
	})
}
