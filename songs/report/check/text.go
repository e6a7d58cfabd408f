package check

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	nethtml "golang.org/x/net/html"
)

// Kind says what a piece of a report's text is.
type Kind int

// The kinds of text.
const (
	Prose         Kind = iota // paragraphs, lists, headings
	Cell                      // a table cell: data
	TableCaption              // a table's caption
	FigureCaption             // a figure's visible caption
	Alt                       // an image's description (alt text)
)

// Piece is a stretch of a report's visible text.
type Piece struct {
	Kind Kind
	Text string
	// Section is the nearest heading before the piece.
	Section string
	// Heading is set when the piece is a heading.
	Heading bool
	// Code is set for code shown in a code font (an HTML code element, a
	// Word run of style VerbatimChar): a program's text, not prose.
	Code bool
}

// voidElements have no end tag.
var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// blockElements end a piece of text.
var blockElements = map[string]bool{"p": true, "div": true, "li": true, "td": true, "th": true, "tr": true, "caption": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "pre": true, "br": true, "table": true,
	"ul": true, "ol": true, "blockquote": true, "section": true, "main": true, "body": true, "nav": true}

// skipped reports whether an element and its content are not report
// text: scripts, styles, the document head, and the code inputs of a
// notebook export.
func skipped(t nethtml.Token) bool {
	switch t.Data {
	case "script", "style", "head", "template":
		return true
	}
	// A code cell's input is its editor; a markdown cell's text is
	// rendered inside an input area too, so only the editor is left out.
	class := attr(t, "class")
	for _, c := range []string{"jp-InputArea-editor", "jp-CodeMirrorEditor", "jp-InputPrompt", "jp-OutputPrompt"} {
		if strings.Contains(class, c) {
			return true
		}
	}
	return false
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

// codeMark stands in a piece of prose for the code shown in it, which is
// a piece of its own: "calls ⟨code⟩ first".
const codeMark = "⟨code⟩"

// HTMLText returns the visible text of an HTML report, in reading order.
func HTMLText(r io.Reader) ([]Piece, error) {
	z := nethtml.NewTokenizer(r)
	var out []Piece
	type open struct {
		tag  string
		kind Kind
		head bool
	}
	var stack []open
	skip := 0 // depth inside a skipped element
	code := 0 // depth inside code elements
	var buf, codeBuf strings.Builder
	section := ""
	current := func() (k Kind, head bool) {
		for _, o := range stack {
			if o.kind != Prose {
				k = o.kind
			}
			head = head || o.head
		}
		return k, head
	}
	flush := func() {
		text := strings.Join(strings.Fields(buf.String()), " ")
		buf.Reset()
		if text == "" {
			return
		}
		k, h := current()
		if h {
			section = strings.TrimSuffix(text, "¶")
			section = strings.TrimSpace(section)
		}
		out = append(out, Piece{Kind: k, Text: text, Section: section, Heading: h})
	}
	for {
		tt := z.Next()
		switch tt {
		case nethtml.ErrorToken:
			if z.Err() == io.EOF {
				flush()
				return out, nil
			}
			return nil, fmt.Errorf("check: reading HTML: %w", z.Err())
		case nethtml.StartTagToken, nethtml.SelfClosingTagToken:
			t := z.Token()
			void := voidElements[t.Data] || tt == nethtml.SelfClosingTagToken
			if skip > 0 {
				if !void {
					skip++
				}
				continue
			}
			if skipped(t) && !void {
				flush()
				skip = 1
				continue
			}
			if blockElements[t.Data] {
				flush()
			}
			if t.Data == "code" {
				code++
				if code == 1 {
					buf.WriteString(codeMark)
					codeBuf.Reset()
				}
			}
			if t.Data == "img" {
				if alt := strings.TrimSpace(attr(t, "alt")); alt != "" {
					out = append(out, Piece{Kind: Alt, Text: alt, Section: section})
				}
			}
			if void {
				continue
			}
			o := open{tag: t.Data}
			switch {
			case t.Data == "td" || t.Data == "th":
				o.kind = Cell
			case t.Data == "caption":
				o.kind = TableCaption
			case strings.Contains(attr(t, "class"), "songs-figure-caption"):
				o.kind = FigureCaption
			case len(t.Data) == 2 && t.Data[0] == 'h' && t.Data[1] >= '1' && t.Data[1] <= '6':
				o.head = true
			}
			stack = append(stack, o)
		case nethtml.EndTagToken:
			if skip > 0 {
				skip--
				continue
			}
			t := z.Token()
			if t.Data == "code" && code > 0 {
				code--
				if code == 0 {
					k, _ := current()
					if text := strings.Join(strings.Fields(codeBuf.String()), " "); text != "" {
						out = append(out, Piece{Kind: k, Text: text, Section: section, Code: true})
					}
				}
			}
			if blockElements[t.Data] {
				flush()
			}
			// Close up to the matching element (tolerating unclosed ones).
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i].tag == t.Data {
					stack = stack[:i]
					break
				}
			}
		case nethtml.TextToken:
			switch {
			case skip > 0:
			case code > 0:
				codeBuf.Write(z.Text())
			default:
				buf.Write(z.Text())
				buf.WriteByte(' ')
			}
		}
	}
}

// DOCXText returns the visible text of a DOCX report (word/document.xml):
// paragraphs, table cells (table captions are the paragraphs of style
// TableCaption) and image descriptions.
func DOCXText(path string) ([]Piece, error) {
	var out []Piece
	var buf, code strings.Builder
	tbl, section, style := 0, "", ""
	verbatim := false
	err := eachElement(path, func(d *xml.Decoder, tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "tbl":
				tbl++
			case "p":
				buf.Reset()
				code.Reset()
				style = ""
			case "r":
				verbatim = false
			case "pStyle":
				style = xmlAttr(t, "val")
			case "rStyle":
				verbatim = xmlAttr(t, "val") == "VerbatimChar"
			case "tab":
				buf.WriteByte(' ')
			case "br":
				buf.WriteByte('\n')
			case "docPr":
				if descr := strings.TrimSpace(xmlAttr(t, "descr")); descr != "" {
					out = append(out, Piece{Kind: Alt, Text: descr, Section: section})
				}
			case "instrText":
				return d.Skip()
			case "t":
				var s string
				if err := d.DecodeElement(&s, &t); err != nil {
					return err
				}
				if verbatim {
					if code.Len() == 0 || !strings.HasSuffix(buf.String(), codeMark) {
						buf.WriteString(codeMark)
					}
					code.WriteString(s + " ")
				} else {
					buf.WriteString(s)
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "tbl":
				tbl--
			case "p":
				text := strings.Join(strings.Fields(buf.String()), " ")
				kind := Prose
				if tbl > 0 {
					kind = Cell
				}
				if c := strings.Join(strings.Fields(code.String()), " "); c != "" {
					out = append(out, Piece{Kind: kind, Text: c, Section: section, Code: true})
				}
				if text == "" {
					return nil
				}
				p := Piece{Kind: kind, Text: text, Section: section}
				switch {
				case tbl > 0:
				case style == "TableCaption":
					p.Kind = TableCaption
				case strings.HasPrefix(style, "Heading") || style == "Title":
					p.Heading = true
					section = text
					p.Section = text
				}
				out = append(out, p)
			}
		}
		return nil
	})
	return out, err
}

// eachElement calls fn with every token of the word/document.xml of the
// DOCX file at path, and the decoder, from which fn may read an element
// whole.
func eachElement(path string, fn func(d *xml.Decoder, tok xml.Token) error) error {
	doc, err := documentXML(path)
	if err != nil {
		return err
	}
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err == nil {
			err = fn(d, tok)
		}
		if err != nil {
			return fmt.Errorf("check: %s: reading word/document.xml: %w", path, err)
		}
	}
}

// xmlAttr returns the value of the attribute with local name name.
func xmlAttr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// documentXML returns word/document.xml of a DOCX file.
func documentXML(path string) ([]byte, error) {
	z, err := zip.OpenReader(path)
	if err != nil {
		return nil, fmt.Errorf("check: %s: not a readable DOCX: %w", path, err)
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name != "word/document.xml" {
			continue
		}
		r, err := f.Open()
		if err != nil {
			return nil, err
		}
		defer r.Close()
		return io.ReadAll(r)
	}
	return nil, fmt.Errorf("check: %s has no word/document.xml", path)
}
