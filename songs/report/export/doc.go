// Package export finishes a report at export time, between the executed
// notebook and the HTML and Word files: what the kernel cannot know or
// should not show first.
//
// Prepare rewrites an executed notebook before nbconvert renders it: the
// document title (study, step, catalog) as the notebook's title metadata
// and a subtitle under the first heading; a placeholder for the table of
// contents after the title (or after the cells tagged "summary"); in the
// code-free rendition, the cells tagged "appendix" (the kernel set-up and
// the run parameters) moved to an appendix at the end; and an appendix of
// each code cell's run time, read from the timing metadata nbclient writes
// into the executed notebook.
//
// Contents then fills the placeholder of the rendered HTML with links to
// its section headings.
//
// Cell tags (cell metadata "tags", as JupyterLab's property inspector
// edits them) are the markers:
//
//	appendix   moved to the appendix of the code-free HTML and the DOCX
//	summary    the key findings: the table of contents follows them
//	html-only  left out of the DOCX (text about hovering, zooming, ...)
package export
