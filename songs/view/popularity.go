package view

import (
	"fmt"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/report"
)

// TopSongsTable lists tracks of a catalog ranked by popularity
// (songs.TopSongs), each with its release as the album ranking labels it
// ("Let It Bleed (release 2 of 2)").
func TopSongsTable(cat *catalog.Catalog, tracks []catalog.Track) report.Table {
	label := map[string]string{}
	for _, r := range songs.Releases(cat) {
		for _, i := range r.Tracks {
			label[cat.Tracks[i].ID] = r.Label
		}
	}
	var rows [][]string
	for k, t := range tracks {
		album := t.Album
		if l, ok := label[t.ID]; ok && t.ID != "" {
			album = l
		}
		rows = append(rows, []string{itoa(k + 1), t.Name, album, t.ReleaseDate.String(), ftoa(t.Popularity, 0)})
	}
	tb := report.NewTable([]string{"rank", "title", "release", "released", "popularity"}, rows)
	tb.Caption = fmt.Sprintf("The %d most popular tracks", len(tracks))
	return tb
}
