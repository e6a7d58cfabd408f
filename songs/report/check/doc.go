// Package check reads exported reports as a reader would and finds what a
// reader should never see.
//
// Text reads the visible text of an HTML report (code inputs, scripts and
// styles left out) or a DOCX report, in pieces that know whether they are
// prose, a table cell, a caption or an image's description. Problems
// applies the report rules to it: no NaN, bare null or <nil>, no Go
// format error (%!), no "Skipped:", no markdown or HTML shown as text, no
// absolute or temporary path, no empty parentheses or empty fields, no
// figure caption longer than two sentences, no kernel set-up before the
// findings of a code-free report, no interactive wording in a Word
// document, and, in another catalog's prose, no wording that only fits the
// Rolling Stones study.
//
// Splits compares the tables of a DOCX file with the text of the PDF
// LibreOffice makes of it (pdftotext -raw): it aligns each table's words
// with the PDF's words and finds the table values and header words
// broken over lines, the values kept together by no-break spaces that
// are not on one line, and the words it cannot find at all.
package check
