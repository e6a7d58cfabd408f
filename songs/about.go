package songs

import (
	"github.com/songcohorts/cohorts/songs/catalog"
)

// About describes a catalog so that the reports' wording fits it: the
// study's text about the Rolling Stones course file is not meant for a
// catalog of many artists.
type About struct {
	// Name is the catalog's CATALOG name; Title names it in headings.
	Name, Title string
	// Source says where the data come from, in a phrase.
	Source string
	// Artists is the number of distinct artists (1 for an artist's
	// catalog), 0 when the catalog has no artist column and no known
	// artist.
	Artists int
	// Artist names the artist of a one-artist catalog.
	Artist string
	// Outcome names what measures a track's success in the catalog, as a
	// phrase ("Spotify popularity (0-100)", "the hit flag ..."); "" when
	// the catalog has none.
	Outcome string
	// Albums reports whether tracks belong to albums.
	Albums bool
}

// knownCatalogs describe the catalogs the project stages.
var knownCatalogs = map[string]About{
	DefaultCatalog: {Name: DefaultCatalog, Title: "The Rolling Stones on Spotify", Artist: "The Rolling Stones",
		Source: `the course material "Creating Cohorts of Songs": every track of the band's albums on Spotify`},
	"hit-predictor": {Name: "hit-predictor", Title: "Spotify hit predictor, 1960-2019",
		Source: `"The Spotify Hit Predictor Dataset (1960-2019)" by Farooq Ansari: tracks by many artists, each flagged as a hit or not`},
}

// AboutCatalog describes the catalog p names, from the project's
// description of the catalogs it stages and from the tracks themselves
// (a catalog given by RAW_CSV is described by its data alone).
func AboutCatalog(p Params, cat *catalog.Catalog) About {
	a, ok := knownCatalogs[p.Catalog]
	if !ok {
		a = About{Name: p.Catalog, Title: "The catalog " + p.Rel(p.Path(p.RawCSV)), Source: "the file " + p.Rel(p.Path(p.RawCSV))}
	}
	artists := map[string]bool{}
	for i := range cat.Tracks {
		if name := cat.Tracks[i].Artist; name != "" {
			artists[name] = true
		}
	}
	switch {
	case len(artists) > 0:
		a.Artists = len(artists)
		a.Artist = ""
		for name := range artists {
			if len(artists) == 1 {
				a.Artist = name
			}
		}
	case a.Artist != "":
		a.Artists = 1
	}
	switch {
	case cat.Has[catalog.Popularity]:
		a.Outcome = "Spotify popularity (0-100)"
	case cat.ExtraColumn("target") != nil:
		a.Outcome = "the hit flag (target: 1 for a track that reached the Billboard Hot 100)"
	}
	a.Albums = cat.Has[catalog.Album]
	return a
}
