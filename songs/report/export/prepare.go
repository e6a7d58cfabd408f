package export

import (
	"fmt"
	"html"
	"regexp"
	"strings"
)

// Cell tags Prepare acts on.
const (
	TagAppendix = "appendix"
	TagSummary  = "summary"
	TagHTMLOnly = "html-only"
)

// ContentsPlaceholder marks where Contents puts the table of contents.
const ContentsPlaceholder = `<div class="songs-toc"></div>`

// Options says which rendition Prepare makes and how it is titled.
type Options struct {
	// NoCode makes the code-free rendition (the HTML without code, from
	// which the DOCX is made): the cells tagged appendix move to an
	// appendix at the end. The rendition with code keeps them in place.
	NoCode bool
	// Study and Catalog name the document beside its step, e.g. "Song
	// cohorts" and "Rolling Stones catalog".
	Study, Catalog string
}

// catalogNames are the display names of the catalogs the Makefile knows,
// by their CATALOG value.
var catalogNames = map[string]string{
	"rolling-stones": "Rolling Stones catalog",
	"hit-predictor":  "Spotify hit-predictor catalog",
}

// CatalogName returns the display name of the catalog called catalog in
// CATALOG, or "catalog <name>" for one the project does not know.
func CatalogName(catalog string) string {
	if n, ok := catalogNames[catalog]; ok {
		return n
	}
	return "catalog " + catalog
}

// heading matches a markdown ATX heading line: its level and text.
var heading = regexp.MustCompile(`(?m)^(#{1,6})[ \t]+(.+?)[ \t#]*$`)

// Prepare rewrites nb for export (see the package documentation). It
// returns an error if nb has no level-1 heading to title it by.
func Prepare(nb *Notebook, o Options) error {
	ti, h1 := titleCell(nb)
	if ti < 0 {
		return fmt.Errorf("export: the notebook has no level-1 heading (# Title) to title the report by")
	}
	nb.SetTitle(DocumentTitle(h1, o.Study, o.Catalog))
	title := nb.Cells[ti]
	loc := heading.FindStringIndex(title.Source)
	subtitle := fmt.Sprintf("\n\n<div class=\"songs-subtitle\">%s</div>\n", html.EscapeString(joinNonEmpty(" · ", o.Study, o.Catalog)))
	title.Source = title.Source[:loc[1]] + subtitle + title.Source[loc[1]:]

	rows := Timings(nb)
	if o.NoCode {
		var kept, moved []*Cell
		for _, c := range nb.Cells {
			if c.HasTag(TagAppendix) {
				moved = append(moved, c)
			} else {
				kept = append(kept, c)
			}
		}
		if len(moved) > 0 {
			kept = append(kept, NewMarkdown("## Appendix: set-up and run parameters\n\n"+
				"How the notebook's kernel was set up for this run, and the parameters, data checksum and "+
				"versions the results come from. They open the notebook and the report with code."))
			nb.Cells = append(kept, moved...)
		}
	}
	at := ti
	for i, c := range nb.Cells {
		if c.HasTag(TagSummary) {
			at = i
		}
	}
	nb.Cells = append(nb.Cells[:at+1], append([]*Cell{NewMarkdown(ContentsPlaceholder)}, nb.Cells[at+1:]...)...)
	if len(rows) > 0 {
		nb.Cells = append(nb.Cells, TimingAppendix(rows))
	}
	return nil
}

// DocumentTitle returns a report's title from its first heading, the
// study and the catalog: "02 · Exploratory analysis · Song cohorts ·
// Rolling Stones catalog".
func DocumentTitle(h1, study, catalog string) string {
	return joinNonEmpty(" · ", plainHeading(h1), study, catalog)
}

// titleCell returns the index of the first markdown cell with a level-1
// heading and the heading's text, or -1.
func titleCell(nb *Notebook) (int, string) {
	for i, c := range nb.Cells {
		if c.Type != "markdown" {
			continue
		}
		if m := heading.FindStringSubmatch(c.Source); m != nil && m[1] == "#" {
			return i, m[2]
		}
	}
	return -1, ""
}

// markup matches the inline markdown a heading may carry.
var markup = regexp.MustCompile("[*_`]")

// plainHeading returns a heading's text without inline markdown.
func plainHeading(s string) string {
	return strings.TrimSpace(markup.ReplaceAllString(s, ""))
}

// joinNonEmpty joins the non-empty parts with sep.
func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}
