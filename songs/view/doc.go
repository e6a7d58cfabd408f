// Package view turns the study's results into what its notebooks show:
// tables (report.Table, escaped in every rendering), figures (chart.Figure,
// PNG with a caption and an alternative text) and short prose with
// computed numbers.
//
// It computes nothing a reader would want to reuse: numbers come from the
// domain package songs and the catalog package; view chooses rows, columns,
// rounding, captions and the words around them. Only view, report, chart
// and the notebooks know how results are displayed.
package view
