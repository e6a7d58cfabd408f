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

// HTMLOnlyClass is the class of content that only makes sense where the
// report is interactive (the notebook and the HTML report), such as a
// sentence about hovering over points: the DOCX export leaves out every
// element of this class. A notebook cell gets the same treatment from the
// cell tag "html-only".
const HTMLOnlyClass = "songs-html-only"

// HTMLOnly wraps h, HTML the caller built with HTMLf, EscapeHTML or a
// Table, in a div of class HTMLOnlyClass.
func HTMLOnly(h string) string {
	return `<div class="` + HTMLOnlyClass + `">` + h + "</div>"
}

// DisplayHTMLOnly shows h, as DisplayHTML does, in the notebook and the
// HTML report only (see HTMLOnly).
func DisplayHTMLOnly(h string) {
	DisplayHTML(HTMLOnly(h))
}
