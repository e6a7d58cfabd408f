package chart

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/plot/vg"
)

// ErrNoData is returned (wrapped) when a chart is given no data to draw.
var ErrNoData = errors.New("chart: no data")

// ErrNaN is returned (wrapped) when a chart is given a NaN or infinite value.
var ErrNaN = errors.New("chart: NaN or infinite value")

// ErrShape is returned (wrapped) when slices that must match in length do not.
var ErrShape = errors.New("chart: mismatched lengths")

// Default figure geometry: 7in x 4in at 150 dpi gives a 1050 x 600 PNG,
// shown 7 inches (672 CSS pixels) wide. Charts whose content needs less
// room choose smaller defaults (a single line: 6in x 3.2in).
const (
	DefaultWidth  = 7 * vg.Inch
	DefaultHeight = 4 * vg.Inch
	DefaultDPI    = 150
)

// Options holds what every chart needs besides its data: the title, the
// axis labels (with units, e.g. "Tempo (BPM)", "duration (min)"), the
// caption shown under the figure and the output geometry. Zero Width,
// Height and DPI select the chart's own default size and DefaultDPI.
type Options struct {
	Title  string
	XLabel string
	YLabel string

	// Caption is the figure's visible caption: at most two sentences that
	// state what the reader should take from it. It is copied to
	// Figure.Caption; the chart itself never draws it.
	Caption string

	// XStep, when positive, is the spacing of a line chart's x values
	// (1 for years): points further apart than XStep are not joined, so
	// that a missing year shows as a gap instead of a line drawn across.
	XStep float64

	Width  vg.Length
	Height vg.Length
	DPI    int
}

// size returns the width, height and dpi with defaults applied.
func (o Options) size() (w, h vg.Length, dpi int) {
	w, h, dpi = o.Width, o.Height, o.DPI
	if w <= 0 {
		w = DefaultWidth
	}
	if h <= 0 {
		h = DefaultHeight
	}
	if dpi <= 0 {
		dpi = DefaultDPI
	}
	return w, h, dpi
}

// withSize returns o with its geometry replaced by w x h where o has none.
func (o Options) withSize(w, h vg.Length) Options {
	if o.Width <= 0 {
		o.Width = w
	}
	if o.Height <= 0 {
		o.Height = h
	}
	return o
}

// Figure is a rendered chart: PNG bytes, its title, the short visible
// caption and the full description.
type Figure struct {
	PNG   []byte
	Title string
	// Alt describes the chart in full for readers who cannot see it: the
	// img element's alt attribute and the Word image's description.
	Alt string
	// Caption is the visible caption shown under the figure (see
	// Options.Caption); empty when the caller set none.
	Caption string
	// Width and Height are the size the figure was drawn for: shown at
	// this size, its text has the point sizes it was set in.
	Width, Height vg.Length
}

// WithCaption returns f with the visible caption c (at most two
// sentences: the figure's takeaway).
func (f Figure) WithCaption(c string) Figure {
	f.Caption = c
	return f
}

// checkFinite returns an error wrapping ErrNoData if x is empty and ErrNaN if
// it holds a NaN or an infinity; what names the data in the message.
func checkFinite(what string, x []float64) error {
	if len(x) == 0 {
		return fmt.Errorf("%w: %s is empty", ErrNoData, what)
	}
	for i, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("%w: %s[%d] = %v", ErrNaN, what, i, v)
		}
	}
	return nil
}

// checkMatrix checks that m is a non-empty rectangular matrix of finite
// values and returns its shape.
func checkMatrix(what string, m [][]float64) (rows, cols int, err error) {
	if len(m) == 0 || len(m[0]) == 0 {
		return 0, 0, fmt.Errorf("%w: %s is empty", ErrNoData, what)
	}
	cols = len(m[0])
	for i, row := range m {
		if len(row) != cols {
			return 0, 0, fmt.Errorf("%w: %s row %d has %d columns, want %d", ErrShape, what, i, len(row), cols)
		}
		if err := checkFinite(fmt.Sprintf("%s row %d", what, i), row); err != nil {
			return 0, 0, err
		}
	}
	return len(m), cols, nil
}

// checkLen returns an error wrapping ErrShape if got != want.
func checkLen(what string, got, want int) error {
	if got != want {
		return fmt.Errorf("%w: %s has %d values, want %d", ErrShape, what, got, want)
	}
	return nil
}
