package view

import (
	"fmt"
	"math"
	"strings"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/report"
)

// severalArtists reports whether the catalog names more than one artist.
func severalArtists(cat *catalog.Catalog) bool {
	first := ""
	for i := range cat.Tracks {
		a := strings.TrimSpace(cat.Tracks[i].Artist)
		if a == "" {
			continue
		}
		if first == "" {
			first = a
		} else if a != first {
			return true
		}
	}
	return false
}

// hasYears reports whether the catalog dates its tracks by year.
func hasYears(cat *catalog.Catalog) bool {
	return cat.Has[catalog.ReleaseDate] || cat.Has["year"]
}

// RecommendationTable shows recommendations (or a playlist) with their
// cohorts' names, with the columns the catalog can fill: the artist when
// it has several, the album, the year (or else the decade) and the
// popularity when it has them; caption says what they answer.
func RecommendationTable(cat *catalog.Catalog, caption string, recs []songs.Recommendation, cs []songs.Cohort) report.Table {
	artist, album, pop := severalArtists(cat), cat.Has[catalog.Album], cat.Has[catalog.Popularity]
	years, decades := hasYears(cat), !hasYears(cat) && cat.Has["decade"]
	headers := []string{"#", "title"}
	if artist {
		headers = append(headers, "artist")
	}
	if album {
		headers = append(headers, "album")
	}
	if years {
		headers = append(headers, "year")
	}
	if decades {
		headers = append(headers, "decade")
	}
	if pop {
		headers = append(headers, "popularity")
	}
	headers = append(headers, "cohort", "distance (standard deviations)")
	var rows [][]string
	for _, rc := range recs {
		row := []string{itoa(rc.Rank), rc.Name}
		if artist {
			row = append(row, orDash(rc.Artist))
		}
		if album {
			row = append(row, orDash(rc.Album))
		}
		if years {
			row = append(row, orDash(intOrEmpty(rc.Year)))
		}
		if decades {
			row = append(row, orDash(decadeLabel(rc.Decade)))
		}
		if pop {
			p := "–"
			if !math.IsNaN(rc.Popularity) {
				p = ftoa(rc.Popularity, 0)
			}
			row = append(row, p)
		}
		cohort := itoa(rc.Cohort)
		if rc.Cohort >= 0 && rc.Cohort < len(cs) {
			cohort = fmt.Sprintf("%d: %s", rc.Cohort, cs[rc.Cohort].Name)
		}
		rows = append(rows, append(row, cohort, ftoa(rc.Distance, 2)))
	}
	t := report.NewTable(headers, rows)
	t.Caption = caption
	return t
}

// orDash is s, or a dash when s is empty.
func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}

// decadeLabel names a decade ("1970s"), or "" when unknown.
func decadeLabel(d int) string {
	if d == 0 {
		return ""
	}
	return fmt.Sprintf("%ds", d)
}

// TrackLabel names a track for a caption with what the catalog knows:
// "Paint It, Black" (Aftermath, 1966), or "Lucky Man" by Emerson, Lake &
// Palmer (1970s); nothing is left empty.
func TrackLabel(cat *catalog.Catalog, t *catalog.Track) string {
	s := fmt.Sprintf("%q", t.Name)
	if severalArtists(cat) && strings.TrimSpace(t.Artist) != "" {
		s += " by " + t.Artist
	}
	var about []string
	if strings.TrimSpace(t.Album) != "" {
		about = append(about, t.Album)
	}
	switch {
	case t.ReleaseDate.Year != 0:
		about = append(about, itoa(t.ReleaseDate.Year))
	case t.Decade != 0:
		about = append(about, decadeLabel(t.Decade))
	}
	if len(about) > 0 {
		s += " (" + strings.Join(about, ", ") + ")"
	}
	return s
}

// SongsLike finds a title (FindTracks' best match) and returns the table
// of the tracks recommended for it with opt.
func SongsLike(r *songs.Recommender, title string, opt songs.RecommendOptions, cs []songs.Cohort) (report.Table, error) {
	t, err := r.BestMatch(title)
	if err != nil {
		return report.Table{}, err
	}
	recs, err := r.Recommend([]string{t.ID}, opt)
	if err != nil {
		return report.Table{}, err
	}
	return RecommendationTable(r.Catalog(), "Songs like "+TrackLabel(r.Catalog(), t), recs, cs), nil
}

// PlaylistFrom finds a title and returns the table of an n-song playlist
// from it.
func PlaylistFrom(r *songs.Recommender, title string, n int, cs []songs.Cohort) (report.Table, error) {
	t, err := r.BestMatch(title)
	if err != nil {
		return report.Table{}, err
	}
	recs, err := r.Playlist(t.ID, n)
	if err != nil {
		return report.Table{}, err
	}
	tb := RecommendationTable(r.Catalog(), "A playlist from "+TrackLabel(r.Catalog(), t)+": each song the nearest unplayed one of its cohort to the previous", recs, cs)
	tb.Headers[len(tb.Headers)-1] = "step from the previous song (standard deviations)"
	return tb, nil
}
