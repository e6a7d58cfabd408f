package songs

import (
	"regexp"
	"strings"
)

// editionNote matches a bracketed edition note in an album title:
// "(Remastered)", "(2009 Re-Mastered)", "(Deluxe Version)", "(Super
// Deluxe)", "(50th Anniversary Edition / Remastered 2019)", "(Bonus Track
// Version)", "(UK Version)", "(US Sequence)", "(US track listing)". A
// bracket that is part of the name, such as "(Live)" or "(and everybody's)",
// does not match.
var editionNote = regexp.MustCompile(`(?i)\s*[(\[][^)\]]*\b(re-?master(ed)?|deluxe|edition|version|bonus|anniversary|expanded|mono|stereo|uk|us|sequence|track listing)\b[^)\]]*[)\]]`)

// EditionTitle returns an album title without its edition notes:
// "Sticky Fingers (Remastered)" and "Sticky Fingers (Super Deluxe)" are
// both "Sticky Fingers". A title that is nothing but a note is kept.
func EditionTitle(album string) string {
	t := strings.TrimSpace(editionNote.ReplaceAllString(album, ""))
	if t == "" {
		return strings.TrimSpace(album)
	}
	return t
}

// EditionKey is the normalised EditionTitle under which the editions of
// one album are merged: case, apostrophes, punctuation and spaces are
// ignored and "&" reads "and", so "England’s Newest Hitmakers" and
// "England's Newest Hit Makers", or "12 X 5" and "12 x 5", are one album.
func EditionKey(album string) string {
	return strings.Join(normalWords(EditionTitle(album)), "")
}
