package report

import (
	"github.com/janpfeifer/gonb/gonbui"
)

// Display shows t as an HTML table in the notebook.
func Display(t Table) {
	defer gonbui.Sync()
	gonbui.DisplayHTML(t.HTML())
}

// DisplayMarkdown shows md, Markdown the caller built with Markdownf or
// EscapeMarkdown, in the notebook.
func DisplayMarkdown(md string) {
	defer gonbui.Sync()
	gonbui.DisplayMarkdown(md)
}

// DisplayHTML shows h, HTML the caller built with HTMLf, EscapeHTML or a
// Table, in the notebook.
func DisplayHTML(h string) {
	defer gonbui.Sync()
	gonbui.DisplayHTML(h)
}
