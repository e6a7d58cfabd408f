package export

import (
	"bytes"
	"html"
	"strings"

	nethtml "golang.org/x/net/html"
)

// Section is a heading of a rendered report.
type Section struct {
	Level int // 2 or 3
	ID    string
	Text  string
}

// Contents returns the rendered HTML report doc with its
// ContentsPlaceholder replaced by a table of contents: a nested list of
// links to the h2 and h3 headings that follow the placeholder (the ids
// nbconvert gives them). A report without the placeholder is returned
// unchanged.
func Contents(doc []byte) []byte {
	i := bytes.Index(doc, []byte(ContentsPlaceholder))
	if i < 0 {
		return doc
	}
	nav := contentsHTML(Sections(doc[i+len(ContentsPlaceholder):]))
	out := make([]byte, 0, len(doc)+len(nav))
	out = append(out, doc[:i]...)
	out = append(out, nav...)
	return append(out, doc[i+len(ContentsPlaceholder):]...)
}

// Sections returns the h2 and h3 headings of doc that carry an id, in
// order, with their text (without nbconvert's "¶" anchor links).
func Sections(doc []byte) []Section {
	var out []Section
	z := nethtml.NewTokenizer(bytes.NewReader(doc))
	var cur *Section
	var text strings.Builder
	skip := 0 // depth inside an anchor link
	for {
		switch z.Next() {
		case nethtml.ErrorToken:
			return out
		case nethtml.StartTagToken:
			t := z.Token()
			switch {
			case cur == nil && (t.Data == "h2" || t.Data == "h3"):
				if id := attr(t, "id"); id != "" {
					cur = &Section{Level: int(t.Data[1] - '0'), ID: id}
					text.Reset()
				}
			case cur != nil && t.Data == "a" && strings.Contains(attr(t, "class"), "anchor-link"):
				skip++
			}
		case nethtml.EndTagToken:
			t := z.Token()
			switch {
			case cur != nil && t.Data == "a" && skip > 0:
				skip--
			case cur != nil && t.Data == "h"+string(rune('0'+cur.Level)):
				cur.Text = strings.Join(strings.Fields(text.String()), " ")
				out = append(out, *cur)
				cur = nil
			}
		case nethtml.TextToken:
			if cur != nil && skip == 0 {
				text.Write(z.Text())
			}
		}
	}
}

// attr returns the value of t's attribute name, or "".
func attr(t nethtml.Token, name string) string {
	for _, a := range t.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

// contentsHTML renders sections as the table of contents: each h3 nested
// under the h2 before it.
func contentsHTML(secs []Section) string {
	type entry struct {
		Section
		kids []Section
	}
	var top []entry
	for _, s := range secs {
		if s.Level == 3 && len(top) > 0 {
			top[len(top)-1].kids = append(top[len(top)-1].kids, s)
			continue
		}
		top = append(top, entry{Section: s})
	}
	link := func(s Section) string {
		return `<a href="#` + html.EscapeString(s.ID) + `">` + html.EscapeString(s.Text) + "</a>"
	}
	var b strings.Builder
	b.WriteString(`<div class="songs-toc"><p class="songs-toc-title">Contents</p>` + "\n<ul>\n")
	for _, e := range top {
		b.WriteString("<li>" + link(e.Section))
		if len(e.kids) > 0 {
			b.WriteString("\n<ul>\n")
			for _, k := range e.kids {
				b.WriteString("<li>" + link(k) + "</li>\n")
			}
			b.WriteString("</ul>\n")
		}
		b.WriteString("</li>\n")
	}
	b.WriteString("</ul></div>")
	return b.String()
}
