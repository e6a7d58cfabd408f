package report

import (
	"fmt"
	"html"
	"strings"
)

// EscapeHTML escapes s for use as HTML text or as a quoted attribute value:
// < > & ' and " become character references (html.EscapeString).
func EscapeHTML(s string) string {
	return html.EscapeString(s)
}

// markdownEscaper backslash-escapes the characters that carry meaning in
// CommonMark and GitHub-flavoured Markdown tables, writes < > & as
// character references so no raw HTML reaches the renderer, escapes $ so
// that Jupyter's MathJax does not read a title as mathematics, and turns
// line breaks into spaces so that a value stays in its table cell.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`,
	"|", `\|`,
	"*", `\*`,
	"_", `\_`,
	"`", "\\`",
	"[", `\[`,
	"]", `\]`,
	"~", `\~`,
	"$", `\$`,
	"#", `\#`,
	"<", "&lt;",
	">", "&gt;",
	"&", "&amp;",
	"\r\n", " ",
	"\n", " ",
	"\r", " ",
)

// EscapeMarkdown returns s escaped for use as literal text in Markdown,
// inside a paragraph or a pipe-table cell (CommonMark 0.31, section 2.4
// "Backslash escapes"; GitHub-flavoured Markdown tables).
func EscapeMarkdown(s string) string {
	return markdownEscaper.Replace(s)
}

// escapeArgs returns args with every string, error and fmt.Stringer
// replaced by its escaped text; numbers and booleans pass through.
func escapeArgs(esc func(string) string, args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case string:
			out[i] = esc(v)
		case error:
			out[i] = esc(v.Error())
		case fmt.Stringer:
			out[i] = esc(v.String())
		case []byte:
			out[i] = esc(string(v))
		default:
			out[i] = a
		}
	}
	return out
}

// Markdownf formats a Markdown template as fmt.Sprintf does, escaping every
// string argument (and errors and fmt.Stringers) with EscapeMarkdown first.
// The template is trusted; the values are data:
//
//	report.Markdownf("**%s** has %d popular songs (%.1f%%).", album, n, pct)
func Markdownf(format string, args ...any) string {
	return fmt.Sprintf(format, escapeArgs(EscapeMarkdown, args)...)
}

// HTMLf formats an HTML template as fmt.Sprintf does, escaping every string
// argument (and errors and fmt.Stringers) with EscapeHTML first. The
// template is trusted; the values are data.
func HTMLf(format string, args ...any) string {
	return fmt.Sprintf(format, escapeArgs(EscapeHTML, args)...)
}
