package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"math"
	"os"
	"regexp"
	"slices"
	"strings"

	"github.com/songcohorts/cohorts/songs/chart"
)

// Explorer is the data of an interactive scatter: one point per item at
// (X[i], Y[i]) in group Group[i], with Hover[i] the lines shown when the
// pointer rests on it (e.g. title, album, year, popularity, cohort).
type Explorer struct {
	Title  string
	XLabel string
	YLabel string
	X, Y   []float64
	Group  []string
	Hover  [][]string
	// Height of the plot in pixels; zero means 600.
	Height int
}

// plotlyText escapes s for plotly's text fields, which plotly renders as a
// subset of HTML: < > & and quotes become character references, so a value
// is always shown as text.
func plotlyText(s string) string {
	return html.EscapeString(s)
}

// scriptClose matches a closing script tag in any letter case.
var scriptClose = regexp.MustCompile(`(?i)</(script)`)

// explorerData returns the plotly traces and layout of e, one trace per
// group in sorted order, with every text escaped by plotlyText.
func (e Explorer) explorerData() (map[string]any, error) {
	n := len(e.X)
	if n == 0 {
		return nil, fmt.Errorf("report: explorer: no points")
	}
	if len(e.Y) != n || len(e.Group) != n || len(e.Hover) != n {
		return nil, fmt.Errorf("report: explorer: lengths differ: x %d, y %d, group %d, hover %d", n, len(e.Y), len(e.Group), len(e.Hover))
	}
	for i := range n {
		if math.IsNaN(e.X[i]) || math.IsInf(e.X[i], 0) || math.IsNaN(e.Y[i]) || math.IsInf(e.Y[i], 0) {
			return nil, fmt.Errorf("report: explorer: point %d (%v, %v) is not finite", i, e.X[i], e.Y[i])
		}
	}
	groups := slices.Clone(e.Group)
	slices.Sort(groups)
	groups = slices.Compact(groups)
	var traces []map[string]any
	for gi, g := range groups {
		var xs, ys []float64
		var hover []string
		for i := range n {
			if e.Group[i] != g {
				continue
			}
			xs = append(xs, e.X[i])
			ys = append(ys, e.Y[i])
			lines := make([]string, len(e.Hover[i]))
			for k, l := range e.Hover[i] {
				lines[k] = plotlyText(l)
			}
			hover = append(hover, strings.Join(lines, "<br>"))
		}
		r, g2, b, _ := chart.Colour(gi).RGBA()
		traces = append(traces, map[string]any{
			"type":      "scatter",
			"mode":      "markers",
			"name":      plotlyText(g),
			"x":         xs,
			"y":         ys,
			"hovertext": hover,
			"hoverinfo": "text",
			"marker":    map[string]any{"size": 7, "opacity": 0.8, "color": fmt.Sprintf("rgb(%d,%d,%d)", r>>8, g2>>8, b>>8)},
		})
	}
	height := e.Height
	if height <= 0 {
		height = 600
	}
	layout := map[string]any{
		"title":  map[string]any{"text": plotlyText(e.Title)},
		"xaxis":  map[string]any{"title": map[string]any{"text": plotlyText(e.XLabel)}},
		"yaxis":  map[string]any{"title": map[string]any{"text": plotlyText(e.YLabel)}},
		"height": height,
		"legend": map[string]any{"title": map[string]any{"text": ""}},
	}
	return map[string]any{"data": traces, "layout": layout}, nil
}

// HTML returns a self-contained HTML snippet showing e as an interactive
// plotly scatter; its element has the class HTMLOnlyClass, as the DOCX
// export cannot show it. plotlyPath is the local plotly.js bundle (the npm package
// plotly.js-dist-min's plotly.min.js), embedded inline so that the report
// works offline; an empty plotlyPath embeds none and assumes an earlier
// snippet in the same page did.
//
// The data are JSON from encoding/json, which writes <, > and & as \u003c,
// \u003e and \u0026, so no value can close the script element; texts are
// HTML-escaped before encoding because plotly renders them as HTML. The
// element id is derived from the data, so the same data give the same
// bytes.
func (e Explorer) HTML(plotlyPath string) (string, error) {
	fig, err := e.explorerData()
	if err != nil {
		return "", err
	}
	data, err := json.Marshal(fig)
	if err != nil {
		return "", fmt.Errorf("report: explorer: %w", err)
	}
	sum := sha256.Sum256(data)
	id := "songs-explorer-" + hex.EncodeToString(sum[:6])
	var b strings.Builder
	if plotlyPath != "" {
		js, err := os.ReadFile(plotlyPath)
		if err != nil {
			return "", fmt.Errorf("report: explorer: reading plotly.js: %w", err)
		}
		b.WriteString("<script>\n")
		b.WriteString(scriptClose.ReplaceAllString(string(js), `<\/$1`))
		b.WriteString("\n</script>\n")
	}
	fmt.Fprintf(&b, "<div id=%q class=\"songs-explorer "+HTMLOnlyClass+"\" style=\"width: 100%%; height: %dpx\"></div>\n", id, fig["layout"].(map[string]any)["height"])
	fmt.Fprintf(&b, "<script>\n(function () {\n  var fig = %s;\n  Plotly.newPlot(%q, fig.data, fig.layout, {responsive: true, displaylogo: false});\n})();\n</script>\n", data, id)
	return b.String(), nil
}

// DisplayExplorer shows e's interactive scatter in the notebook, embedding
// plotly.js from plotlyPath (see Explorer.HTML).
func DisplayExplorer(e Explorer, plotlyPath string) error {
	h, err := e.HTML(plotlyPath)
	if err != nil {
		return err
	}
	DisplayHTML(h)
	return nil
}
