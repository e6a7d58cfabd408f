package catalog

import "strings"

// compact copies the text the tracks keep (id, uri, title, album, artist,
// extra cells) into one string per piece, so that they refer neither to
// the read buffer nor to the numeric text around them. An id that ends its
// uri shares the uri's bytes, and an album or artist equal to the previous
// track's shares its copy. The findings' ids (tracks first to first+n-1)
// are pointed at the copies. spans is scratch space, returned for reuse.
func compact(tracks []Track, finds []Finding, first int, spans []span) []span {
	total := 0
	var album, artist string
	for i := range tracks {
		t := &tracks[i]
		total += len(t.URI) + len(t.Name)
		if !strings.HasSuffix(t.URI, t.ID) {
			total += len(t.ID)
		}
		if i == 0 || t.Album != album {
			total += len(t.Album)
		}
		if i == 0 || t.Artist != artist {
			total += len(t.Artist)
		}
		album, artist = t.Album, t.Artist
		for _, e := range t.Extra {
			total += len(e)
		}
	}
	var sb strings.Builder
	sb.Grow(total)
	// Offsets into the text are recorded while it is written and turned
	// into strings once it is complete.
	put := func(v string) span {
		from := sb.Len()
		sb.WriteString(v)
		return span{from, sb.Len()}
	}
	spans = spans[:0]
	var extra []span
	var albumSpan, artistSpan span
	for i := range tracks {
		t := &tracks[i]
		uri := put(t.URI)
		id := span{uri.to - len(t.ID), uri.to}
		if !strings.HasSuffix(t.URI, t.ID) {
			id = put(t.ID)
		}
		name := put(t.Name)
		if i == 0 || t.Album != tracks[i-1].Album {
			albumSpan = put(t.Album)
		}
		if i == 0 || t.Artist != tracks[i-1].Artist {
			artistSpan = put(t.Artist)
		}
		spans = append(spans, uri, id, name, albumSpan, artistSpan)
		for _, e := range t.Extra {
			extra = append(extra, put(e))
		}
	}
	text := sb.String()
	cut := func(s span) string { return text[s.from:s.to] }
	e := 0
	for i := range tracks {
		t, sp := &tracks[i], spans[5*i:5*i+5]
		t.URI, t.ID, t.Name, t.Album, t.Artist = cut(sp[0]), cut(sp[1]), cut(sp[2]), cut(sp[3]), cut(sp[4])
		for j := range t.Extra {
			t.Extra[j] = cut(extra[e])
			e++
		}
	}
	for i := range finds {
		finds[i].ID = tracks[finds[i].Track-first].ID
	}
	return spans
}

// span is a byte range of the text compact builds.
type span struct{ from, to int }
