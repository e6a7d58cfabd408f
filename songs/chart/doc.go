// Package chart draws the study's figures with gonum/plot and renders them
// to PNG bytes.
//
// Every chart function takes plain data ([]float64, []string, [][]float64)
// and an Options value with the title and axis labels, validates the data
// (empty input, NaN and ±Inf give an error wrapping ErrNoData or ErrNaN,
// never a panic), and returns a Figure: the PNG bytes, the title and an
// alternative text that describes the chart for screen readers and for
// documents that cannot show the image.
//
// Colours come from the Okabe-Ito palette, which stays distinguishable for
// the common forms of colour blindness:
//
//	Okabe M, Ito K (2008). Color Universal Design (CUD): how to make figures
//	and presentations that are friendly to colorblind people.
//	https://jfly.uni-koeln.de/color/
//
// Heatmaps use Moreland's smooth cool-warm diverging map centred on 0 for
// signed values and a sequential light-to-dark blue map otherwise.
//
// The package knows nothing about notebooks or files: package report shows
// the figures.
package chart
