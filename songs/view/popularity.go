package view

import (
	"fmt"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/report"
)

// TopSongsTable lists tracks ranked by popularity (songs.TopSongs).
func TopSongsTable(tracks []catalog.Track) report.Table {
	var rows [][]string
	for k, t := range tracks {
		rows = append(rows, []string{itoa(k + 1), t.Name, t.Album, t.ReleaseDate.String(), ftoa(t.Popularity, 0)})
	}
	tb := report.NewTable([]string{"rank", "title", "album", "released", "popularity"}, rows)
	tb.Caption = fmt.Sprintf("The %d most popular tracks", len(tracks))
	return tb
}
