package chart

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/songcohorts/cohorts/songs/internal/numfmt"
)

// clusterName returns the legend name of cluster label c: names[c] when
// given, "noise" for negative labels (DBSCAN), otherwise "cluster c".
func clusterName(c int, names []string) string {
	switch {
	case c < 0:
		return "noise"
	case c < len(names) && names[c] != "":
		return names[c]
	}
	return "cluster " + strconv.Itoa(c)
}

// clusterColour returns the colour of cluster label c; noise is grey.
func clusterColour(c int) color.Color {
	if c < 0 {
		return colGrey
	}
	return Colour(c)
}

// distinctLabels returns the sorted distinct labels.
func distinctLabels(labels []int) []int {
	ls := slices.Clone(labels)
	slices.Sort(ls)
	return slices.Compact(ls)
}

// Silhouette draws the per-sample silhouette plot of a clustering as in
// scikit-learn's gallery example "Selecting the number of clusters with
// silhouette analysis on KMeans clustering": for each cluster the samples'
// silhouette coefficients s(i) (Rousseeuw 1987), sorted, as horizontal
// bars stacked in a block, blocks separated by a gap and named at the
// left, with the mean silhouette over all samples as a dashed vertical
// line. names optionally names the clusters (nil for "cluster c").
//
// It returns an error wrapping ErrNoData, ErrNaN or ErrShape for empty,
// non-finite or mismatched input, and an error if a value is outside
// [-1, 1].
func Silhouette(s []float64, labels []int, names []string, o Options) (Figure, error) {
	if err := checkFinite("s", s); err != nil {
		return Figure{}, err
	}
	if err := checkLen("labels", len(labels), len(s)); err != nil {
		return Figure{}, err
	}
	var mean float64
	for i, v := range s {
		if v < -1 || v > 1 {
			return Figure{}, fmt.Errorf("chart: silhouette value s[%d] = %v outside [-1, 1]", i, v)
		}
		mean += v
	}
	mean /= float64(len(s))
	n := len(s)
	// The x range of scikit-learn's gallery, [-0.1, 1], widened to show
	// more negative values.
	xmin := math.Min(-0.1, math.Floor((slices.Min(s)-0.05)*10)/10)
	gap := math.Max(2, 0.02*float64(n))
	nc := len(distinctLabels(labels))
	o = o.withSize(lineWidth, max(2.6*vg.Inch, vg.Length(nc)*0.55*vg.Inch+1.4*vg.Inch))
	p := newPlot(orName(o.XLabel, "Silhouette coefficient"), orName(o.YLabel, "Samples by cluster"))
	var leg legend
	grid := plotter.NewGrid()
	grid.Horizontal.Color = nil
	p.Add(grid)
	var ticks []plot.Tick
	y := gap / 2
	alt := fmt.Sprintf("Silhouette plot of %d samples in %d clusters; mean silhouette %.3f (dashed line).", n, len(distinctLabels(labels)), mean)
	for _, c := range distinctLabels(labels) {
		var vs []float64
		for i, l := range labels {
			if l == c {
				vs = append(vs, s[i])
			}
		}
		slices.Sort(vs)
		// One polygon per cluster: the sorted profile, as the gallery's
		// fill_betweenx.
		pts := plotter.XYs{{X: 0, Y: y}}
		for k, v := range vs {
			pts = append(pts, plotter.XY{X: v, Y: y + float64(k)}, plotter.XY{X: v, Y: y + float64(k+1)})
		}
		pts = append(pts, plotter.XY{X: 0, Y: y + float64(len(vs))})
		poly, err := plotter.NewPolygon(pts)
		if err != nil {
			return Figure{}, fmt.Errorf("chart: silhouette: %w", err)
		}
		poly.Color = withAlpha(clusterColour(c), 0.85)
		poly.LineStyle.Width = 0
		p.Add(poly)
		var cm float64
		for _, v := range vs {
			cm += v
		}
		cm /= float64(len(vs))
		name := clusterName(c, names)
		ticks = append(ticks, plot.Tick{Value: y + float64(len(vs))/2,
			Label: strings.Join(wrap(p.Y.Tick.Label, fmt.Sprintf("%s (n=%s)", name, numfmt.GroupDigits(strconv.Itoa(len(vs)))), 1.6*vg.Inch), "\n")})
		alt += fmt.Sprintf(" %s: %d samples, mean %.3f.", name, len(vs), cm)
		y += float64(len(vs)) + gap
	}
	mline := refLine{vertical: true, at: mean, colour: colVermilion}
	p.Add(mline)
	leg.add(fmt.Sprintf("mean silhouette = %.3f", mean), mline)
	p.X.Min, p.X.Max = xmin, 1
	p.Y.Min, p.Y.Max = 0, y-gap/2
	p.Y.Tick.Marker = plot.ConstantTicks(ticks)
	p.Y.Tick.Length = 0
	p.Y.Width = 0
	return renderLegend(p, &leg, o, alt)
}

// Dendrogram draws a hierarchical clustering tree from the U-shaped link
// coordinates of scipy.cluster.hierarchy.dendrogram's output: link i joins
// the points (icoord[i][k], dcoord[i][k]), k = 0..3. Leaves sit at x = 5,
// 15, 25, ...; leafLabels, if not nil, names them (truncated to
// MaxLabelRunes). A horizontal dashed line marks the cut height cut (no
// line when cut <= 0), labelled with the number of clusters it yields.
//
// It returns an error wrapping ErrNoData, ErrNaN or ErrShape for empty,
// non-finite or mismatched input.
func Dendrogram(icoord, dcoord [][]float64, leafLabels []string, cut float64, o Options) (Figure, error) {
	ni, ci, err := checkMatrix("icoord", icoord)
	if err != nil {
		return Figure{}, err
	}
	nd, cd, err := checkMatrix("dcoord", dcoord)
	if err != nil {
		return Figure{}, err
	}
	if ci != 4 || cd != 4 || ni != nd {
		return Figure{}, fmt.Errorf("%w: icoord is %dx%d and dcoord %dx%d, want n x 4 each", ErrShape, ni, ci, nd, cd)
	}
	o = o.withSize(lineWidth, lineHeight)
	p := newPlot(orName(o.XLabel, "Leaves"), orName(o.YLabel, "Merge height"))
	clusters := 0
	if cut > 0 {
		// Links crossing the cut: a vertical leg from below to above it.
		for i := range icoord {
			for _, leg := range [][2]int{{0, 1}, {3, 2}} {
				if dcoord[i][leg[0]] < cut && dcoord[i][leg[1]] >= cut {
					clusters++
				}
			}
		}
		if clusters == 0 {
			clusters = 1
		}
	}
	for i := range icoord {
		col := colBlue
		if cut > 0 && dcoord[i][1] < cut {
			col = colSky
		}
		l, err := plotter.NewLine(xys(icoord[i], dcoord[i]))
		if err != nil {
			return Figure{}, fmt.Errorf("chart: dendrogram link %d: %w", i, err)
		}
		l.LineStyle = draw.LineStyle{Color: col, Width: vg.Points(1.2)}
		p.Add(l)
	}
	nLeaves := ni + 1
	p.X.Min, p.X.Max = 0, float64(10*nLeaves)
	p.Y.Min = 0
	if leafLabels != nil {
		ticks := make([]plot.Tick, len(leafLabels))
		for i, s := range leafLabels {
			ticks[i] = plot.Tick{Value: float64(5 + 10*i), Label: Truncate(s, MaxLabelRunes)}
		}
		p.X.Tick.Marker = plot.ConstantTicks(ticks)
		p.X.Tick.Label.Rotation = math.Pi / 2
		p.X.Tick.Label.XAlign = draw.XRight
		p.X.Tick.Label.YAlign = draw.YCenter
		p.X.Tick.Label.Font.Size = tickSize - 2
	} else {
		p.X.Tick.Marker = plot.ConstantTicks(nil)
	}
	alt := fmt.Sprintf("Dendrogram of %d merges over %d leaves", ni, nLeaves)
	if cut > 0 {
		p.Add(refLine{at: cut, text: fmt.Sprintf("cut at %s: %d clusters", fmtNum(cut), clusters), colour: colVermilion})
		alt += fmt.Sprintf(", cut at height %s into %d clusters", fmtNum(cut), clusters)
	}
	return renderPlot(p, o, alt+".")
}

// scatterPlot builds a scatter of (x, y) coloured by labels.
func scatterPlot(x, y []float64, labels []int, names []string, xl, yl string, radius vg.Length, leg *legend) (*plot.Plot, []int, error) {
	if err := checkXY(x, y, "y", false); err != nil {
		return nil, nil, err
	}
	if err := checkLen("labels", len(labels), len(x)); err != nil {
		return nil, nil, err
	}
	p := newPlot(xl, yl)
	p.Add(plotter.NewGrid())
	cs := distinctLabels(labels)
	for _, c := range cs {
		var pts plotter.XYs
		for i, l := range labels {
			if l == c {
				pts = append(pts, plotter.XY{X: x[i], Y: y[i]})
			}
		}
		sc, err := plotter.NewScatter(pts)
		if err != nil {
			return nil, nil, fmt.Errorf("chart: scatter: %w", err)
		}
		g := glyphs[0]
		if c >= 0 {
			g = glyphs[(c/len(OkabeIto))%len(glyphs)]
		} else {
			g = draw.CrossGlyph{}
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: withAlpha(clusterColour(c), 0.7), Radius: radius, Shape: g}
		p.Add(sc)
		if leg != nil {
			leg.add(fmt.Sprintf("%s (n=%s)", clusterName(c, names), numfmt.GroupDigits(strconv.Itoa(len(pts)))), legendGlyph{sc.GlyphStyle})
		}
	}
	return p, cs, nil
}

// ScatterClusters draws a 2-D embedding as points coloured (and, beyond
// eight clusters, shaped) by cluster label, with a legend naming each
// cluster and its size; negative labels are DBSCAN noise, drawn as grey
// crosses. names optionally names the clusters (nil for "cluster c").
//
// It returns an error wrapping ErrNoData, ErrNaN or ErrShape for empty,
// non-finite or mismatched input.
func ScatterClusters(x, y []float64, labels []int, names []string, o Options) (Figure, error) {
	var leg legend
	p, cs, err := scatterPlot(x, y, labels, names, o.XLabel, o.YLabel, vg.Points(2.5), &leg)
	if err != nil {
		return Figure{}, err
	}
	o = o.withSize(7*vg.Inch, 4.6*vg.Inch)
	alt := fmt.Sprintf("Scatter plot of %d points (%s against %s) coloured by %d clusters.", len(x), orName(o.YLabel, "y"), orName(o.XLabel, "x"), len(cs))
	return renderLegend(p, &leg, o, alt)
}

// Panel is one scatter of ScatterGrid: a 2-D embedding with its title and
// a caption line shown under it (e.g. "trustworthiness 0.9412").
type Panel struct {
	Title   string
	X, Y    []float64
	XLabel  string
	YLabel  string
	Caption string
}

// ScatterGrid draws up to four 2-D embeddings of the same points (e.g.
// PCA, t-SNE, UMAP and ICA) side by side in a 2 x 2 grid, all coloured by
// the same labels, each with its caption line under it and the cluster
// legend in the first panel. Zero o.Width and o.Height give 11in x 9in; the legend takes a column at the right.
//
// It returns an error wrapping ErrNoData, ErrNaN or ErrShape for empty,
// non-finite or mismatched input.
//
// ScatterGrid panics if given more than four panels.
func ScatterGrid(panels []Panel, labels []int, names []string, o Options) (Figure, error) {
	if len(panels) > 4 {
		panic("chart: ScatterGrid takes at most four panels")
	}
	if len(panels) == 0 {
		return Figure{}, fmt.Errorf("%w: no panels", ErrNoData)
	}
	o = o.withSize(10*vg.Inch, 8.6*vg.Inch)
	plots := make([]*plot.Plot, len(panels))
	leg := legend{top: true, maxFrac: 0.22}
	alt := fmt.Sprintf("%d scatter plots of the same %d points coloured by cluster:", len(panels), len(labels))
	for i, pn := range panels {
		var pl *legend
		if i == 0 {
			pl = &leg
		}
		p, _, err := scatterPlot(pn.X, pn.Y, labels, names, pn.XLabel, pn.YLabel, vg.Points(1.8), pl)
		if err != nil {
			return Figure{}, fmt.Errorf("panel %q: %w", pn.Title, err)
		}
		setPanelTitle(p, pn.Title, labelSize)
		p.X.Label.TextStyle.Font.Size = tickSize
		p.Y.Label.TextStyle.Font.Size = tickSize
		plots[i] = p
		alt += fmt.Sprintf(" %s (%s);", pn.Title, orName(pn.Caption, "no caption"))
	}
	return render(o, alt[:len(alt)-1]+".", func(dc draw.Canvas) {
		cells := tiles(leg.beside(dc), 2, 2)
		for i, p := range plots {
			p.Draw(drawCaption(cells[i], panels[i].Caption))
		}
	})
}

// legendGlyph is a legend thumbnail of a scatter's marker, drawn larger
// than on the plot so that its colour reads.
type legendGlyph struct{ draw.GlyphStyle }

// Thumbnail implements plot.Thumbnailer.
func (g legendGlyph) Thumbnail(c *draw.Canvas) {
	sty := g.GlyphStyle
	sty.Radius = max(sty.Radius, vg.Points(3.5))
	c.DrawGlyphNoClip(sty, c.Center())
}
