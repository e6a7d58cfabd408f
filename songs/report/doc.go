// Package report turns what the study computed into what a notebook shows:
// tables rendered to HTML and Markdown with every cell escaped, figures
// displayed as PNG with their alternative text, prose with computed numbers,
// a run header for reproducibility, metrics files written atomically with
// sorted keys, and a self-contained interactive plotly explorer.
//
// It is the only package of the project that knows GoNB's display API
// (github.com/janpfeifer/gonb/gonbui). Every Display function flushes its
// output with gonbui.Sync before returning, so no output is lost when a cell
// ends; outside a notebook the Display functions do nothing.
//
// Catalog fields (titles, album names) are data, never markup: whatever a
// title contains, such as <img src=x onerror=alert(1)> or
// </script><script>alert(1)</script>, it is shown as text.
package report
